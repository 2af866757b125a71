/**
 * The behaviour rules of the Besluiten API 1.1.0, as plain functions returning invalidParams
 * entries with the codes of the standard's reference implementation and the official suite,
 * so a client sees every broken rule at once.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';

export { checkRsin } from '../catalogi/rules.ts';

/** brc-001g/h, brc-002b-e: identificatie, verantwoordelijkeOrganisatie and besluittype are fixed once set. */
export function immutable(name: string, changed: boolean): InvalidParam[] {
  return changed ? [{ name, code: 'wijzigen-niet-toegelaten', reason: `Het veld ${name} mag niet gewijzigd worden.` }] : [];
}

/** brc-002a: "uniciteit van verantwoordelijkeOrganisatie + identificatie". */
export function identificatieNietUniek(taken: boolean): InvalidParam[] {
  return taken ? [{ name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze verantwoordelijke organisatie.' }] : [];
}

/** brc-001f: "publicatie besluittype - concept moet false zijn". */
export function notPublished(besluittype: Record<string, unknown>): InvalidParam[] {
  return besluittype.concept === false ? [] : [{ name: 'besluittype', code: 'not-published', reason: 'Het besluittype is nog niet gepubliceerd.' }];
}

/** "`datum` in het verleden of nu": the beslisdatum is not after `today`. */
export function datumInFuture(datum: string, today: string): InvalidParam[] {
  return datum > today ? [{ name: 'datum', code: 'future_not_allowed', reason: 'De beslisdatum mag niet in de toekomst liggen.' }] : [];
}

type Same = (a: string, b: string) => boolean;

/**
 * brc-006a: a besluit of a zaak must have a besluittype the zaak's zaaktype allows. Catalogi
 * 1.3 relates types by omschrijving within a catalogus, not by version: the zaaktype lists
 * the URLs of the versions valid today, so another version of a named besluittype is allowed
 * by its omschrijving (`besluittypeOmschrijving`).
 */
export function besluittypeOfZaaktype(besluittypeUrl: string, besluittype: Record<string, unknown>, zaaktype: Record<string, unknown>, same: Same): InvalidParam[] {
  const named = strings(zaaktype.besluittypen).some((url) => same(url, besluittypeUrl)) || sameKey(besluittype, zaaktype, 'omschrijving', strings(zaaktype.besluittypeOmschrijving), same);
  return named ? [] : [{ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het besluittype hoort niet bij het zaaktype van de zaak.' }];
}

/**
 * brc-007a: "informatieobject.informatieobjecttype moet in het ZTC gerelateerd zijn aan
 * besluit.besluittype": listed among the besluittype's informatieobjecttypen, or (another
 * version) by omschrijving, `informatieobjecttypeOmschrijvingen`. `informatieobjecttype` is
 * the type itself when it had to be looked up for its omschrijving.
 */
export function informatieobjecttypeOfBesluittype(
  informatieobjecttypeUrl: string,
  besluittype: Record<string, unknown>,
  informatieobjecttype: Record<string, unknown> | undefined,
  same: Same,
): InvalidParam[] {
  const named =
    listsInformatieobjecttype(besluittype, informatieobjecttypeUrl, same) ||
    (informatieobjecttype !== undefined && sameKey(informatieobjecttype, besluittype, 'omschrijving', strings(besluittype.informatieobjecttypeOmschrijvingen), same));
  return named ? [] : [{ name: 'nonFieldErrors', code: 'missing-besluittype-informatieobjecttype-relation', reason: 'Het informatieobjecttype hoort niet bij het besluittype van het besluit.' }];
}

/** Whether the besluittype lists this informatieobjecttype URL (no lookup needed). */
export function listsInformatieobjecttype(besluittype: Record<string, unknown>, informatieobjecttypeUrl: string, same: Same): boolean {
  return strings(besluittype.informatieobjecttypen).some((url) => same(url, informatieobjecttypeUrl));
}

/** "de combinatie informatieobject en besluit moet uniek zijn". */
export function besluitInformatieObjectNietUniek(taken: boolean): InvalidParam[] {
  return taken ? [{ name: 'nonFieldErrors', code: 'unique', reason: 'De velden besluit, informatieobject moeten een unieke set zijn.' }] : [];
}

/** A relation the Zaken or Documenten API did not register or remove (as the reference implementation answers it). */
export function pendingRelation(name: string, reason: string): InvalidParam[] {
  return [{ name, code: 'pending-relations', reason }];
}

/** Whether `type` (in the same catalogus as `other`) has its `key` among `keys`. */
function sameKey(type: Record<string, unknown>, other: Record<string, unknown>, key: string, keys: string[], same: Same): boolean {
  return typeof type.catalogus === 'string' && typeof other.catalogus === 'string' && same(type.catalogus, other.catalogus) && keys.includes(String(type[key]));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
