/**
 * The behaviour rules of the Catalogi API 1.3.3, as plain functions returning invalidParams
 * entries with the codes of the standard and its reference implementation, so a client sees
 * every broken rule at once.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';

/** An RSIN is nine digits passing the elfproef (as a BSN does). */
export function checkRsin(rsin: string, name = 'rsin'): InvalidParam[] {
  if (!/^\d{9}$/.test(rsin)) return [{ name, code: 'invalid-length', reason: 'Een RSIN bestaat uit 9 cijfers.' }];
  const digits = [...rsin].map(Number);
  const sum = digits.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0) - digits[8]!;
  return sum % 11 === 0 ? [] : [{ name, code: 'invalid', reason: 'Het RSIN voldoet niet aan de elfproef.' }];
}

/** A catalogus is unique per domein and rsin. */
export function catalogusTaken(taken: boolean): InvalidParam[] {
  return taken ? [{ name: 'nonFieldErrors', code: 'unique', reason: 'De velden domein, rsin moeten een unieke set zijn.' }] : [];
}

/**
 * ztc-009: a published (concept false) informatieobjecttype, besluittype or zaaktype may not be
 * changed or deleted (`non-concept-object`), unless `waived`: a new eindeGeldigheid only
 * (`onlyEindeGeldigheid`) or a correction (`forcedCorrection` in routes.ts).
 */
export function checkConcept(concept: boolean, waived: boolean): InvalidParam[] {
  return concept || waived ? [] : [{ name: 'nonFieldErrors', code: 'non-concept-object', reason: 'Het is niet toegestaan om een non-concept object bij te werken of te verwijderen.' }];
}

/** ztc-009: a partial update of only its eindeGeldigheid ends a published version; that is no substantive change. */
export function onlyEindeGeldigheid(actie: string, changed: string[]): boolean {
  return actie === 'partial_update' && changed.length > 0 && changed.every((key) => key === 'eindeGeldigheid');
}

/** Versions of one type (same omschrijving or identificatie) within a catalogus may not have overlapping validity periods. */
export function checkOverlap(overlapping: number, soort: string): InvalidParam[] {
  return overlapping > 0 ? [{ name: 'beginGeldigheid', code: 'overlap', reason: `Dit ${soort} komt al voor binnen de catalogus en opgegeven geldigheidsperiode.` }] : [];
}

/**
 * A relation must point at a resource of this API (`does_not_exist`, under the relation's own
 * name) in the same catalogus (`relations-incorrect-catalogus`, ztc-013: a rule across the
 * catalogus and the relation, so under nonFieldErrors as in the reference implementation).
 */
export function relationErrors(name: string, problems: { index: number; code: 'does_not_exist' | 'relations-incorrect-catalogus' }[]): InvalidParam[] {
  return problems.map(({ index, code }) =>
    code === 'does_not_exist'
      ? { name: `${name}.${index}`, code, reason: 'Ongeldige hyperlink - Object bestaat niet.' }
      : { name: 'nonFieldErrors', code, reason: `${name}: de relatie moet naar een object in dezelfde catalogus wijzen.` },
  );
}

/**
 * ztc-010, ztc-011: a statustype, roltype, eigenschap, resultaattype or zaakobjecttype of a
 * published zaaktype may not be created, changed or deleted (`non-concept-zaaktype`).
 */
export function checkZaaktypeConcept(zaaktypeConcept: boolean): InvalidParam[] {
  return zaaktypeConcept ? [] : [{ name: 'nonFieldErrors', code: 'non-concept-zaaktype', reason: 'Het is niet toegestaan om wijzigingen te maken in een gepubliceerd zaaktype.' }];
}

export function volgnummerTaken(taken: boolean): InvalidParam[] {
  return taken ? [{ name: 'nonFieldErrors', code: 'unique', reason: 'De velden zaaktype, volgnummer moeten een unieke set zijn.' }] : [];
}

/** ztc-015: an eigenschap of formaat datum has lengte 8 (YYYYMMDD), of formaat datum_tijd lengte 14 (YYYYMMDDhhmmss). */
export function checkSpecificatie(specificatie: { formaat: string; lengte: string } | undefined): InvalidParam[] {
  const lengte = specificatie && { datum: '8', datum_tijd: '14' }[specificatie.formaat];
  return lengte && specificatie.lengte !== lengte
    ? [{ name: 'specificatie.lengte', code: 'invalid-length', reason: `Een eigenschap met formaat ${specificatie.formaat} heeft lengte ${lengte}.` }]
    : [];
}

export interface Brondatum {
  afleidingswijze: string;
  datumkenmerk?: string;
  einddatumBekend?: boolean;
  objecttype?: string;
  registratie?: string;
  procestermijn?: string | null;
}

/**
 * ztc-003 .. ztc-008: the brondatumArchiefprocedure of a resultaattype. `procestermijn` is the
 * selectielijstklasse's (ztc-003), when known.
 */
export function checkBrondatum(brondatum: Brondatum | null | undefined, procestermijn: string | undefined): InvalidParam[] {
  if (!brondatum) return [];
  const errors: InvalidParam[] = [];
  const a = brondatum.afleidingswijze;
  if ((procestermijn === 'nihil' && a !== 'afgehandeld') || (procestermijn === 'ingeschatte_bestaansduur_procesobject' && a !== 'termijn')) {
    errors.push({ name: 'nonFieldErrors', code: 'invalid-afleidingswijze-for-procestermijn', reason: `Afleidingswijze ${a} past niet bij procestermijn ${procestermijn} van de selectielijstklasse.` });
  }
  const rule = (field: keyof Brondatum, requiredFor: string[], given: boolean) => {
    const name = `brondatumArchiefprocedure.${field}`;
    if (requiredFor.includes(a) && !given) errors.push({ name, code: 'required', reason: `Dit veld is vereist bij afleidingswijze ${a}.` });
    if (!requiredFor.includes(a) && given) errors.push({ name, code: 'must-be-empty', reason: `Dit veld moet leeg zijn bij afleidingswijze ${a}.` });
  };
  rule('datumkenmerk', ['eigenschap', 'zaakobject', 'ander_datumkenmerk'], Boolean(brondatum.datumkenmerk));
  // ztc-005: einddatumBekend may only be set where the end date comes from elsewhere.
  if (['afgehandeld', 'termijn'].includes(a) && brondatum.einddatumBekend) {
    errors.push({ name: 'brondatumArchiefprocedure.einddatumBekend', code: 'must-be-empty', reason: `Dit veld moet leeg zijn bij afleidingswijze ${a}.` });
  }
  rule('objecttype', ['zaakobject', 'ander_datumkenmerk'], Boolean(brondatum.objecttype));
  rule('registratie', ['ander_datumkenmerk'], Boolean(brondatum.registratie));
  rule('procestermijn', ['termijn'], Boolean(brondatum.procestermijn));
  return errors;
}

/** ztc-002: the selectielijstklasse must belong to the zaaktype's selectielijstProcestype (a rule across fields: nonFieldErrors). */
export function procestypeMismatch(mismatch: boolean): InvalidParam[] {
  return mismatch ? [{ name: 'nonFieldErrors', code: 'procestype-mismatch', reason: 'De selectielijstklasse hoort niet bij het selectielijstProcestype van het zaaktype.' }] : [];
}

/**
 * ztc-010, ztc-011: a concept related to a published zaaktype, besluittype or
 * informatieobjecttype may not be changed or deleted, and a relation to one may not be created
 * (`non-concept-relation`). `published` names the kinds of related types found published.
 */
export function nonConceptRelation(published: string[]): InvalidParam[] {
  return published.length
    ? [{ name: 'nonFieldErrors', code: 'non-concept-relation', reason: `Het object is gerelateerd aan gepubliceerde ${published.join(' en ')}; dat kan alleen met concepten.` }]
    : [];
}

/** ztc-012: a zaaktype can only be published when the types it names are (`concept-relation`); `concepts` lists them. */
export function conceptRelation(concepts: string[]): InvalidParam[] {
  return concepts.length
    ? [{ name: 'nonFieldErrors', code: 'concept-relation', reason: `Alle gerelateerde typen moeten gepubliceerd zijn; nog concept: ${concepts.join(', ')}.` }]
    : [];
}
