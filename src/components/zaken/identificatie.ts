/**
 * Generated zaak identificaties. "Indien geen identificatie gegeven is, dan wordt deze
 * automatisch gegenereerd. De identificatie moet uniek zijn binnen de bronorganisatie."
 *
 * The format is a template per bronorganisatie (`--zaak-identificatie`, env
 * `ZAAK_IDENTIFICATIE`): `ZAAK-{jaar}-{volgnummer:10}` gives `ZAAK-2024-0000000042`.
 * Placeholders: `{jaar}` (year of the registratiedatum), `{volgnummer:N}` (a sequence number
 * per bronorganisatie and year, zero-padded to N digits; `{volgnummer}` unpadded) and
 * `{bronorganisatie}`. Several templates: `123456782=Z{jaar}{volgnummer:6};ZAAK-{jaar}-{volgnummer:10}`,
 * the one without a bronorganisatie being the default.
 *
 * The volgnummer comes from `zaken.identificatie_volgnummer` with an atomic upsert, so
 * parallel creates never get the same number; a number whose identificatie a client already
 * chose by hand is skipped.
 *
 * The upsert locks the counter row of its bronorganisatie and year until its transaction ends,
 * so it runs in a short transaction of its own before the zaak's ({@link reserveIdentificatie}):
 * inside the zaak's transaction it serialised every create of the year for the whole of that
 * transaction (issue #8: creates at 32 connections queued on it). A create that fails after
 * reserving leaves a gap in the numbering; identificaties must be unique, not gapless.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

export const DEFAULT_IDENTIFICATIE_TEMPLATE = 'ZAAK-{jaar}-{volgnummer:10}';
const MAX_LENGTH = 40;
const PLACEHOLDER = /\{(jaar|bronorganisatie|volgnummer)(?::(\d+))?\}/g;

export interface IdentificatieFormat {
  /** The template for a bronorganisatie. */
  templateFor(bronorganisatie: string): string;
}

/** Parses the setting; throws an Error saying what is wrong (at start-up, not at the first create). */
export function parseIdentificatieFormat(setting: string | undefined): IdentificatieFormat {
  const perOrganisatie = new Map<string, string>();
  let fallback = DEFAULT_IDENTIFICATIE_TEMPLATE;
  for (const entry of (setting ?? '').split(';').map((e) => e.trim()).filter(Boolean)) {
    const match = /^(\d{9})=(.+)$/.exec(entry);
    const template = match ? match[2]!.trim() : entry;
    checkTemplate(template);
    if (match) perOrganisatie.set(match[1]!, template);
    else fallback = template;
  }
  return { templateFor: (bronorganisatie) => perOrganisatie.get(bronorganisatie) ?? fallback };
}

function checkTemplate(template: string): void {
  if (!/\{volgnummer(?::\d+)?\}/.test(template)) throw new Error(`Zaak-identificatie "${template}": het sjabloon moet {volgnummer} of {volgnummer:N} bevatten.`);
  const unknown = template.replace(PLACEHOLDER, '').match(/\{[^}]*\}/);
  if (unknown) throw new Error(`Zaak-identificatie "${template}": onbekende plaatshouder ${unknown[0]}; gebruik {jaar}, {bronorganisatie}, {volgnummer:N}.`);
  // The longest identificatie it can make: a volgnummer of up to 12 digits.
  if (fill(template, { jaar: 9999, bronorganisatie: '000000000', volgnummer: 999_999_999_999 }).length > MAX_LENGTH) {
    throw new Error(`Zaak-identificatie "${template}": de identificatie mag hoogstens ${MAX_LENGTH} tekens lang worden.`);
  }
}

export function fill(template: string, values: { jaar: number; bronorganisatie: string; volgnummer: number }): string {
  return template.replace(PLACEHOLDER, (_m, name: 'jaar' | 'bronorganisatie' | 'volgnummer', width?: string) => {
    const value = String(values[name]);
    return width ? value.padStart(Number(width), '0') : value;
  });
}

/** The next free identificatie for a zaak of `bronorganisatie` registered in `jaar`, in `tx`. */
export async function generateIdentificatie(tx: Tx, format: IdentificatieFormat, bronorganisatie: string, jaar: number): Promise<string> {
  const template = format.templateFor(bronorganisatie);
  for (;;) {
    const { volgnummer } = await tx
      .insertInto('zaken.identificatie_volgnummer')
      .values({ bronorganisatie, jaar, volgnummer: 1 })
      .onConflict((oc) => oc.columns(['bronorganisatie', 'jaar']).doUpdateSet((eb) => ({ volgnummer: eb('zaken.identificatie_volgnummer.volgnummer', '+', 1) })))
      .returning('volgnummer')
      .executeTakeFirstOrThrow();
    const identificatie = fill(template, { jaar, bronorganisatie, volgnummer: Number(volgnummer) });
    const taken = await tx.selectFrom('zaken.zaak').select('id').where('bronorganisatie', '=', bronorganisatie).where('identificatie', '=', identificatie).executeTakeFirst();
    if (!taken) return identificatie;
  }
}

/**
 * {@link generateIdentificatie} in a transaction of its own that holds the counter row only
 * for the upsert. It commits without waiting for the WAL flush (`synchronous_commit = off`):
 * should a crash lose the increment, the number is handed out again only if no zaak has it,
 * and the zaken themselves are written durably, so uniqueness never rests on the counter alone.
 */
export async function reserveIdentificatie(db: Db, format: IdentificatieFormat, bronorganisatie: string, jaar: number): Promise<string> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(tx);
    return generateIdentificatie(tx, format, bronorganisatie, jaar);
  });
}
