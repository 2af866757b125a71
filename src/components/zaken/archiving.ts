/**
 * The archiving parameters of a zaak that is closed, as pure functions: the brondatum (the
 * start of the archiefactietermijn) by the resultaattype's `brondatumArchiefprocedure`, and
 * from it the zaak's `archiefactiedatum`; its `archiefnominatie` from the resultaattype.
 *
 * The afleidingswijzen follow the Catalogi API's description of `BrondatumArchiefprocedure`
 * and the reference implementation (Open Zaak 1.12, Zaken API 1.5): the brondatum is the
 * zaak's einddatum (`afgehandeld`), its einddatum plus the procestermijn (`termijn`), the
 * einddatum of its hoofdzaak, the latest einddatum of its relevante andere zaken, the latest
 * ingangsdatum or vervaldatum of its besluiten, the date in its eigenschap named by
 * `datumkenmerk`, the latest `datumkenmerk` of its zaakobjecten of `objecttype`; and unknown
 * for `ander_datumkenmerk` (set by hand, as `startdatumBewaartermijn`). A brondatum that
 * cannot be derived where the procedure needs one is an {@link ArchiveError}; the standard's
 * `einddatumBekend` makes an unknown brondatum one too.
 *
 * @example
 * const resultaattype = { archiefnominatie: 'vernietigen', archiefactietermijn: 'P10Y', brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P5M' } };
 * archiveOnClose({ archiefnominatie: null, archiefactiedatum: null, startdatumBewaartermijn: null }, resultaattype, { einddatum: '2018-04-26' });
 * // { archiefnominatie: 'vernietigen', archiefactiedatum: '2028-09-26' }
 */
import type { Brondatum } from '../catalogi/rules.ts';

export const AFLEIDINGSWIJZEN = [
  'afgehandeld',
  'ander_datumkenmerk',
  'eigenschap',
  'gerelateerde_zaak',
  'hoofdzaak',
  'ingangsdatum_besluit',
  'termijn',
  'vervaldatum_besluit',
  'zaakobject',
] as const;
export type Afleidingswijze = (typeof AFLEIDINGSWIJZEN)[number];

/** A resultaattype's `brondatumArchiefprocedure`, as the Catalogi API serves it. */
export type BrondatumArchiefprocedure = Brondatum;

/** What of a resultaattype the archiving parameters come from. */
export interface ArchiefResultaattype {
  archiefnominatie?: string;
  archiefactietermijn?: string | null;
  brondatumArchiefprocedure?: BrondatumArchiefprocedure | null;
}

/**
 * What a brondatum is derived from; each afleidingswijze needs one of these (see
 * {@link factsNeeded}), the others may be left out.
 */
export interface BrondatumFacts {
  /** The date the zaak is closed on (the date of its eindstatus). */
  einddatum: string;
  /** The zaak's hoofdzaak, null when it has none. */
  hoofdzaak?: { einddatum: string | null } | null;
  /** The zaak's eigenschappen (zaakeigenschappen by the naam of their eigenschap). */
  eigenschappen?: { naam: string; waarde: string }[];
  /** The besluiten of the zaak. */
  besluiten?: { ingangsdatum?: unknown; vervaldatum?: unknown }[];
  /** Per zaakobject of the procedure's objecttype: the object (the resource its URL names, or its objectIdentificatie). */
  zaakobjecten?: Record<string, unknown>[];
  /** The relevante andere zaken. */
  relevanteZaken?: { einddatum: string | null }[];
}

/** Which fact an afleidingswijze derives the brondatum from (none for the zaak's own einddatum). */
export function factsNeeded(afleidingswijze: string): keyof Omit<BrondatumFacts, 'einddatum'> | undefined {
  switch (afleidingswijze) {
    case 'hoofdzaak':
      return 'hoofdzaak';
    case 'eigenschap':
      return 'eigenschappen';
    case 'ingangsdatum_besluit':
    case 'vervaldatum_besluit':
      return 'besluiten';
    case 'zaakobject':
      return 'zaakobjecten';
    case 'gerelateerde_zaak':
      return 'relevanteZaken';
    default:
      return undefined;
  }
}

/** Why the archiefactiedatum of a zaak cannot be derived; the API answers `archiefactiedatum-error`. */
export class ArchiveError extends Error {}

/**
 * The brondatum by the procedure, or null when it is not known (`ander_datumkenmerk`, an
 * empty eigenschap, a hoofdzaak or relevante zaken not closed yet).
 */
export function brondatum(procedure: BrondatumArchiefprocedure, facts: BrondatumFacts): string | null {
  const { datumkenmerk = '', objecttype = '' } = procedure;
  switch (procedure.afleidingswijze) {
    case 'afgehandeld':
      return facts.einddatum;
    case 'ander_datumkenmerk':
      // Determined by hand: the client sets startdatumBewaartermijn or archiefactiedatum.
      return null;
    case 'termijn': {
      if (!procedure.procestermijn) throw new ArchiveError('Geen procestermijn aanwezig voor het bepalen van de brondatum.');
      if (!isDuration(procedure.procestermijn)) throw new ArchiveError(`Geen geldige periode in procestermijn: ${procedure.procestermijn}`);
      return addDuration(facts.einddatum, procedure.procestermijn);
    }
    case 'hoofdzaak':
      return facts.hoofdzaak?.einddatum ?? null;
    case 'gerelateerde_zaak': {
      const zaken = facts.relevanteZaken ?? [];
      if (zaken.length === 0) throw new ArchiveError('Geen gerelateerde zaken aan zaak gekoppeld om brondatum uit af te leiden.');
      return latest(zaken.map((z) => z.einddatum));
    }
    case 'ingangsdatum_besluit':
    case 'vervaldatum_besluit': {
      const besluiten = facts.besluiten ?? [];
      if (besluiten.length === 0) throw new ArchiveError('Geen besluiten aan zaak gekoppeld om brondatum uit af te leiden.');
      const attribute = procedure.afleidingswijze === 'ingangsdatum_besluit' ? 'ingangsdatum' : 'vervaldatum';
      const found = latest(besluiten.map((b) => parseDate(b[attribute]) ?? null));
      if (found === null && attribute === 'vervaldatum') throw new ArchiveError('Besluit.vervaldatum moet gezet worden voordat de zaak kan worden afgesloten.');
      return found;
    }
    case 'eigenschap': {
      if (!datumkenmerk) throw new ArchiveError('Geen datumkenmerk aanwezig om de eigenschap te achterhalen voor het bepalen van de brondatum.');
      const eigenschap = (facts.eigenschappen ?? []).find((e) => e.naam === datumkenmerk);
      if (!eigenschap) throw new ArchiveError(`Geen eigenschap gevonden die overeenkomt met het datumkenmerk "${datumkenmerk}" voor het bepalen van de brondatum.`);
      if (!eigenschap.waarde) return null;
      const date = parseDate(eigenschap.waarde);
      if (!date) throw new ArchiveError(`Geen geldige datumwaarde in eigenschap "${datumkenmerk}": ${eigenschap.waarde}`);
      return date;
    }
    case 'zaakobject': {
      if (!objecttype) throw new ArchiveError('Geen objecttype aanwezig om het zaakobject te achterhalen voor het bepalen van de brondatum.');
      if (!datumkenmerk) throw new ArchiveError('Geen datumkenmerk aanwezig om het attribuut van het zaakobject te achterhalen voor het bepalen van de brondatum.');
      const objecten = facts.zaakobjecten ?? [];
      if (objecten.length === 0) throw new ArchiveError(`Geen zaakobject van type ${objecttype} gevonden met het datumkenmerk "${datumkenmerk}" voor het bepalen van de brondatum.`);
      const dates = objecten.map((object) => {
        const value = attributeAt(object, datumkenmerk);
        if (value === undefined || value === null) throw new ArchiveError(`${datumkenmerk} is geen geldig attribuut voor een zaakobject van type ${objecttype}.`);
        const date = parseDate(value);
        if (!date) throw new ArchiveError(`Geen geldige datumwaarde in attribuut "${datumkenmerk}": ${String(value)}`);
        return date;
      });
      return latest(dates);
    }
    default:
      throw new ArchiveError(`Onbekende afleidingswijze "${procedure.afleidingswijze}".`);
  }
}

/** The zaak's archiving attributes that closing it may fill in, each when it is still empty. */
export interface ArchiefZaak {
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  /** Set by hand, it is the brondatum: nothing needs to be derived. */
  startdatumBewaartermijn: string | null;
}

/**
 * The archiefnominatie and archiefactiedatum of a zaak closed with a resultaat of this type:
 * the zaak's own when it has them, else the resultaattype's archiefnominatie and the brondatum
 * plus its archiefactietermijn (none without a termijn, or with an unknown brondatum unless
 * the procedure says `einddatumBekend`).
 */
export function archiveOnClose(zaak: ArchiefZaak, resultaattype: ArchiefResultaattype, facts: BrondatumFacts): { archiefnominatie: string | null; archiefactiedatum: string | null } {
  const archiefnominatie = zaak.archiefnominatie ?? (resultaattype.archiefnominatie || null);
  if (zaak.archiefactiedatum) return { archiefnominatie, archiefactiedatum: zaak.archiefactiedatum };
  const termijn = resultaattype.archiefactietermijn;
  if (!termijn) return { archiefnominatie, archiefactiedatum: null };
  if (!isDuration(termijn)) throw new ArchiveError(`Geen geldige archiefactietermijn: ${termijn}`);
  let start = zaak.startdatumBewaartermijn;
  if (!start) {
    const procedure = resultaattype.brondatumArchiefprocedure;
    if (!procedure) throw new ArchiveError('Het resultaattype heeft geen brondatumArchiefprocedure om de brondatum mee te bepalen.');
    start = brondatum(procedure, facts);
    if (start === null && procedure.einddatumBekend) {
      throw new ArchiveError(`De brondatum (afleidingswijze ${procedure.afleidingswijze}) moet bekend zijn voordat de zaak kan worden afgesloten (einddatumBekend).`);
    }
  }
  return { archiefnominatie, archiefactiedatum: start === null ? null : addDuration(start, termijn) };
}

// ---------------------------------------------------------------------------------------------
// Dates and ISO 8601 durations

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

/**
 * `date` (YYYY-MM-DD) plus an ISO 8601 duration, as calendar arithmetic: years and months
 * first, the day clamped to the end of a shorter month (2020-02-29 + P1Y = 2021-02-28), then
 * weeks and days; hours, minutes and seconds count in whole days.
 */
export function addDuration(date: string, duration: string): string {
  const match = DURATION.exec(duration);
  if (!match) throw new ArchiveError(`Geen geldige periode: ${duration}`);
  const [years, months, weeks, days, hours, minutes] = match.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const seconds = Number(match[7] ?? 0);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const day = Math.min(d, daysInMonth(year, month));
  const extraDays = weeks * 7 + days + Math.floor((hours * 3600 + minutes * 60 + seconds) / 86_400);
  return new Date(Date.UTC(year, month, day + extraDays)).toISOString().slice(0, 10);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * A date in a value as clients write them, as YYYY-MM-DD: `2023-01-01`, `2013-1-1`,
 * `20230101` (the Catalogi `datum` formaat), or the date part of a date-time; undefined when
 * it is none.
 */
export function parseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value.trim()) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The latest of some dates (YYYY-MM-DD compares as text), ignoring unknown ones; null when none is known. */
function latest(dates: (string | null)[]): string | null {
  const known = dates.filter((d): d is string => d !== null);
  return known.length ? known.reduce((a, b) => (b > a ? b : a)) : null;
}

/** The value at `path` in an object; a nested attribute is named with `/` (`isVoor/datum`). */
function attributeAt(object: Record<string, unknown>, path: string): unknown {
  let value: unknown = object;
  for (const key of path.split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
