/**
 * The rules of the Notificaties API: which abonnementen a notificatie reaches, and what a
 * kanaal's filter kenmerken allow in an abonnement's filters and a notificatie's kenmerken.
 * Kenmerk names compare without regard to case style: the standards write some in snake case
 * (`verantwoordelijke_organisatie`), JSON bodies carry them camelCased.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';

/** `verantwoordelijke_organisatie` and `verantwoordelijkeOrganisatie` are one kenmerk. */
export function kenmerkKey(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Whether a notificatie with these kenmerken matches one kanaal's filters of an abonnement:
 * every filter on a kenmerk the notificatie carries must have its value, or `*`. A filter on a
 * kenmerk the notificatie does not carry does not stop it (as the reference implementation).
 */
export function matchesFilters(filters: Record<string, string>, kenmerken: Record<string, string>): boolean {
  const given = new Map(Object.entries(kenmerken).map(([k, v]) => [kenmerkKey(k), v]));
  return Object.entries(filters).every(([key, value]) => {
    const actual = given.get(kenmerkKey(key));
    return actual === undefined || value === '*' || value === actual;
  });
}

/**
 * Whether names (of filters or kenmerken) fit a kanaal's filter kenmerken: all of the
 * kanaal's, or only some of them. The reference implementation also accepts more than the
 * kanaal has (a publisher adding a kenmerk, as Open Zaak adds `zaaktype.catalogus`).
 */
export function consistentWithKanaal(kanaalFilters: string[], names: string[]): boolean {
  const kanaal = new Set(kanaalFilters.map(kenmerkKey));
  const given = new Set(names.map(kenmerkKey));
  const subset = [...given].every((n) => kanaal.has(n));
  const superset = [...kanaal].every((n) => given.has(n));
  return subset || superset;
}

/** How far in the future a notificatie's aanmaakdatum may lie: clocks differ a little. */
export const AANMAAKDATUM_LEEWAY_MS = 60_000;

export function checkAanmaakdatum(aanmaakdatum: string, now = Date.now()): InvalidParam[] {
  return Date.parse(aanmaakdatum) > now + AANMAAKDATUM_LEEWAY_MS
    ? [{ name: 'aanmaakdatum', code: 'future_not_allowed', reason: 'De aanmaakdatum mag niet in de toekomst liggen.' }]
    : [];
}
