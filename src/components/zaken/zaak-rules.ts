/**
 * The behaviour rules of a zaak itself (zaak_create, zaak_update, zaak_partial_update), as
 * plain functions returning invalidParams entries with the codes of the standard's reference
 * implementation and the official suite, so a client sees every broken rule at once.
 */
import { parseGeometry, type Geometry } from '../../platform/geo/geojson.ts';
import { ProblemError, type InvalidParam } from '../../platform/http/problem.ts';
import { checkRsin } from '../catalogi/rules.ts';
import type { ZaakFields } from './zaak-store.ts';

/** Bronorganisatie, verantwoordelijke en opdrachtgevende organisatie are RSINs (nine digits, elfproef). */
export function checkOrganisaties(fields: Pick<ZaakFields, 'bronorganisatie' | 'verantwoordelijkeOrganisatie' | 'opdrachtgevendeOrganisatie'>): InvalidParam[] {
  return [
    ...checkRsin(fields.bronorganisatie, 'bronorganisatie'),
    ...checkRsin(fields.verantwoordelijkeOrganisatie, 'verantwoordelijkeOrganisatie'),
    ...(fields.opdrachtgevendeOrganisatie ? checkRsin(fields.opdrachtgevendeOrganisatie, 'opdrachtgevendeOrganisatie') : []),
  ];
}

/**
 * The zaakgeometrie given, as the GeoJSON that is stored (only `type` and `coordinates` or
 * `geometries`; docs/geometry.md), or `invalid` on `zaakgeometrie` for a geometry the search
 * could not use: rings not closed or crossing, coordinates out of range, ….
 */
export function parseZaakgeometrie(value: unknown): { geometry: Geometry | null; errors: InvalidParam[] } {
  if (value === null) return { geometry: null, errors: [] };
  try {
    return { geometry: parseGeometry(value, 'zaakgeometrie'), errors: [] };
  } catch (error) {
    if (error instanceof ProblemError && error.invalidParams) return { geometry: null, errors: error.invalidParams };
    throw error;
  }
}

/**
 * zrc-014: `laatsteBetaaldatum` may not lie in the future, and may not be set when the
 * betalingsindicatie is `nvt` (`betaling-nvt`).
 */
export function checkBetaling(fields: Pick<ZaakFields, 'betalingsindicatie' | 'laatsteBetaaldatum'>, now = new Date()): InvalidParam[] {
  if (fields.laatsteBetaaldatum === null) return [];
  if (fields.betalingsindicatie === 'nvt') {
    return [{ name: 'laatsteBetaaldatum', code: 'betaling-nvt', reason: 'Als de betalingsindicatie "nvt" is, mag je geen betaaldatum opgeven.' }];
  }
  if (new Date(fields.laatsteBetaaldatum) > now) return [{ name: 'laatsteBetaaldatum', code: 'date-in-future', reason: 'De datum mag niet in de toekomst liggen.' }];
  return [];
}

/**
 * zrc-022: a zaak leaves `nog_te_archiveren` only when all its informatieobjecten are
 * `gearchiveerd` (`documents-not-archived`), and with an archiefnominatie and an
 * archiefactiedatum (`archiefnominatie-not-set`, `archiefactiedatum-not-set`).
 */
export function checkArchief(fields: Pick<ZaakFields, 'archiefstatus' | 'archiefnominatie' | 'archiefactiedatum'>, documentsArchived: boolean): InvalidParam[] {
  if (fields.archiefstatus === 'nog_te_archiveren') return [];
  const errors: InvalidParam[] = [];
  if (!documentsArchived) {
    errors.push({ name: 'archiefstatus', code: 'documents-not-archived', reason: 'Er zijn gerelateerde informatieobjecten waarvan de `status` nog niet gelijk is aan `gearchiveerd`. Dit is een voorwaarde voor het zetten van de `archiefstatus` op een andere waarde dan `nog_te_archiveren`.' });
  }
  if (!fields.archiefnominatie) errors.push({ name: 'archiefnominatie', code: 'archiefnominatie-not-set', reason: 'Moet van een waarde voorzien zijn als de `archiefstatus` een waarde heeft anders dan `nog_te_archiveren`.' });
  if (!fields.archiefactiedatum) errors.push({ name: 'archiefactiedatum', code: 'archiefactiedatum-not-set', reason: 'Moet van een waarde voorzien zijn als de `archiefstatus` een waarde heeft anders dan `nog_te_archiveren`.' });
  return errors;
}

/** zrc-015: the producten of diensten must be among the zaaktype's (`invalid-products-services`). */
export function checkProductenOfDiensten(productenOfDiensten: string[], zaaktype: Record<string, unknown>): InvalidParam[] {
  const allowed = new Set(Array.isArray(zaaktype.productenOfDiensten) ? (zaaktype.productenOfDiensten as string[]) : []);
  return productenOfDiensten.every((p) => allowed.has(p))
    ? []
    : [{ name: 'productenOfDiensten', code: 'invalid-products-services', reason: 'Niet alle producten/diensten komen voor in de producten/diensten op het zaaktype.' }];
}

/** zrc-001f: a zaak's zaaktype must be published (`not-published`). */
export function checkZaaktypePublished(zaaktype: Record<string, unknown>): InvalidParam[] {
  return zaaktype.concept === true ? [{ name: 'zaaktype', code: 'not-published', reason: 'Het zaaktype is nog niet gepubliceerd.' }] : [];
}

/**
 * zrc-013: the hoofdzaak is another zaak of this API (`no_match` / `does_not_exist`), not the
 * zaak itself (`self-forbidden`) and not itself a deelzaak (`deelzaak-als-hoofdzaak`).
 */
export function checkHoofdzaak(hoofdzaak: { found: false; code: 'no_match' | 'does_not_exist' } | { found: true; id: number; isDeelzaak: boolean }, selfId: number | undefined): InvalidParam[] {
  if (!hoofdzaak.found) {
    return [{ name: 'hoofdzaak', code: hoofdzaak.code, reason: hoofdzaak.code === 'no_match' ? 'Ongeldige hyperlink - Geen URL match.' : 'Ongeldige hyperlink - Object bestaat niet.' }];
  }
  if (selfId !== undefined && hoofdzaak.id === selfId) return [{ name: 'hoofdzaak', code: 'self-forbidden', reason: 'Een zaak mag niet zijn eigen hoofdzaak zijn.' }];
  if (hoofdzaak.isDeelzaak) return [{ name: 'hoofdzaak', code: 'deelzaak-als-hoofdzaak', reason: 'Een deelzaak kan geen hoofdzaak zijn.' }];
  return [];
}

/** zrc-002, zrc-001g: identificatie and zaaktype do not change once given (`wijzigen-niet-toegelaten`). */
export function checkImmutable(changes: { name: 'identificatie' | 'zaaktype'; changed: boolean }[]): InvalidParam[] {
  return changes.filter((c) => c.changed).map((c) => ({ name: c.name, code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' }));
}
