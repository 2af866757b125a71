/**
 * The rules of the Documenten API that look at a request alone, as plain functions returning
 * `invalidParams` entries (all broken rules at once), with the codes of the standard and the
 * reference implementation.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';

/**
 * "De waarden 'in bewerking' en 'ter vaststelling' komen niet voor als het attribuut
 * `ontvangstdatum` van een waarde is voorzien."
 */
export function checkStatus(status: string, ontvangstdatum: string | null): InvalidParam[] {
  if (ontvangstdatum && (status === 'in_bewerking' || status === 'ter_vaststelling')) {
    return [{ name: 'status', code: 'invalid_for_received', reason: 'De statuswaarden `in bewerking` en `ter vaststelling` zijn niet van toepassing op ontvangen documenten.' }];
  }
  return [];
}

/**
 * `indicatieGebruiksrecht` follows the gebruiksrechten: it becomes true by creating one (not
 * by setting it), and cannot be taken away while there are any.
 */
export function checkIndicatieGebruiksrecht(given: boolean | null | undefined, context: { hasGebruiksrechten: boolean; isCreate: boolean }): InvalidParam[] {
  if (given === undefined) return [];
  if (!context.isCreate && given !== true && context.hasGebruiksrechten) {
    return [{ name: 'indicatieGebruiksrecht', code: 'existing-gebruiksrechten', reason: 'De indicatie kan niet weggehaald worden of ongespecifieerd zijn als er gebruiksrechten gedefinieerd zijn.' }];
  }
  if (given === true && !context.hasGebruiksrechten) {
    return [{ name: 'indicatieGebruiksrecht', code: 'missing-gebruiksrechten', reason: "De indicatie moet op 'ja' gezet worden door `gebruiksrechten` aan te maken, dit kan niet direct op deze resource." }];
  }
  return [];
}

/** The content sent must have the size `bestandsomvang` says, when it says one. */
export function checkFileSize(size: number, bestandsomvang: number | null | undefined): InvalidParam[] {
  if (bestandsomvang === undefined || bestandsomvang === null || bestandsomvang === size) return [];
  return [{ name: 'nonFieldErrors', code: 'file-size', reason: `De grootte van de inhoud (${size} bytes) komt niet overeen met bestandsomvang (${bestandsomvang}).` }];
}

/** The ways a verzending reaches the betrokkene; exactly one is given (as the reference implementation requires). */
const KANALEN = ['binnenlandsCorrespondentieadres', 'buitenlandsCorrespondentieadres', 'correspondentiePostadres', 'telefoonnummer', 'emailadres', 'mijnOverheid', 'faxnummer'] as const;

export function checkVerzendingAdres(verzending: Record<string, unknown>): InvalidParam[] {
  const given = KANALEN.filter((k) => {
    const value = verzending[k];
    if (value && typeof value === 'object') return Object.values(value).some(Boolean);
    return Boolean(value);
  });
  if (given.length === 1) return [];
  return [{ name: 'nonFieldErrors', code: 'invalid-address', reason: `Een verzending heeft precies één van ${KANALEN.join(', ')}.` }];
}
