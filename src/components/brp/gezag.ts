/**
 * The `gezag` field: the gezagsrelaties of a person, from the gezagsrelatie store. Haal
 * Centraal asks a separate gezag determination for them; here they are provisioned
 * (`opengrond brp import-gezag FILE`, or the acceptance features' "gelden de volgende
 * gezagsrelaties"). A person's gezag is every relation over a minderjarige in which the person
 * takes part, as minderjarige or as gezaghouder, with all gezaghouders of that minderjarige.
 * The soort gezag codes of the gezag determination and the types of the standard:
 * OG1 eenhoofdig ouderlijk gezag, OG2 tweehoofdig ouderlijk gezag, GG gezamenlijk gezag (a
 * parent and a derde: the parent is the one the minderjarige's persoonslijst has as ouder, else
 * the one provisioned first), V voogdij, G tijdelijk geen gezag,
 * N gezag niet te bepalen.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import { actueelEen, type Persoonslijst } from './gba/persoonslijst.ts';

export const SOORTEN_GEZAG = ['OG1', 'OG2', 'GG', 'V', 'G', 'N'] as const;
export type SoortGezag = (typeof SOORTEN_GEZAG)[number];

export interface Gezagsrelatie {
  bsnMinderjarige: string;
  soortGezag: SoortGezag;
  /** Absent for G and N: nobody has gezag, or it cannot be determined. */
  bsnMeerderjarige?: string;
}

type Json = Record<string, unknown>;

/** Checks one provisioned relation; throws with the reason when it is not one. */
export function checkGezagsrelatie(r: { bsnMinderjarige?: unknown; soortGezag?: unknown; bsnMeerderjarige?: unknown }): Gezagsrelatie {
  if (typeof r.bsnMinderjarige !== 'string' || !/^\d{9}$/.test(r.bsnMinderjarige)) throw new Error(`bsnMinderjarige is geen burgerservicenummer: ${JSON.stringify(r.bsnMinderjarige)}`);
  if (!SOORTEN_GEZAG.includes(r.soortGezag as SoortGezag)) throw new Error(`soortGezag moet een van ${SOORTEN_GEZAG.join(', ')} zijn: ${JSON.stringify(r.soortGezag)}`);
  const soortGezag = r.soortGezag as SoortGezag;
  const meerderjarige = r.bsnMeerderjarige === '' || r.bsnMeerderjarige == null ? undefined : r.bsnMeerderjarige;
  if (meerderjarige !== undefined && (typeof meerderjarige !== 'string' || !/^\d{9}$/.test(meerderjarige))) throw new Error(`bsnMeerderjarige is geen burgerservicenummer: ${JSON.stringify(meerderjarige)}`);
  if ((soortGezag === 'G' || soortGezag === 'N') !== (meerderjarige === undefined)) throw new Error(`soortGezag ${soortGezag} ${meerderjarige ? 'heeft geen' : 'heeft een'} bsnMeerderjarige`);
  return { bsnMinderjarige: r.bsnMinderjarige, soortGezag, ...(meerderjarige ? { bsnMeerderjarige: meerderjarige } : {}) };
}

/** Saves relations in the given order; one that is there already is kept (and keeps its place). */
export async function saveGezagsrelaties(db: Db | Tx, relaties: Gezagsrelatie[]): Promise<void> {
  for (const r of relaties) {
    await db
      .insertInto('brp.gezagsrelatie')
      .values({ bsn_minderjarige: r.bsnMinderjarige, soort_gezag: r.soortGezag, bsn_meerderjarige: r.bsnMeerderjarige ?? null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function deleteAllGezagsrelaties(db: Db | Tx): Promise<void> {
  await db.deleteFrom('brp.gezagsrelatie').execute();
}

interface Row {
  id: number;
  bsn_minderjarige: string;
  soort_gezag: SoortGezag;
  bsn_meerderjarige: string | null;
}

const bsn = (burgerservicenummer: string) => ({ burgerservicenummer });

/**
 * One relation from the rows of one minderjarige and soort (in provisioned order). Types and
 * shapes as bevragen/persoon/gezag/fields.feature compares them (TweehoofdigOuderlijkGezag; a
 * derde without the OpenAPI document's `type`), see docs/brp.md.
 */
function relatie(minderjarige: string, soort: SoortGezag, meerderjarigen: string[]): Json {
  const base = { minderjarige: bsn(minderjarige) };
  switch (soort) {
    case 'OG1':
      return { type: 'EenhoofdigOuderlijkGezag', ...base, ouder: bsn(meerderjarigen[0]!) };
    case 'OG2':
      return { type: 'TweehoofdigOuderlijkGezag', ...base, ouders: meerderjarigen.map(bsn) };
    case 'GG':
      return { type: 'GezamenlijkGezag', ...base, ouder: bsn(meerderjarigen[0]!), ...(meerderjarigen[1] ? { derde: bsn(meerderjarigen[1]) } : {}) };
    case 'V':
      return { type: 'Voogdij', ...base, derden: meerderjarigen.map(bsn) };
    case 'G':
      return { type: 'TijdelijkGeenGezag', ...base };
    case 'N':
      return { type: 'GezagNietTeBepalen', ...base };
  }
}

/** For GG: puts first the gezaghouder the minderjarige's persoonslijst has as ouder (02/03), when it has one. */
async function ouderVoorop(db: Db | Tx, perMinderjarige: Map<string, Map<SoortGezag, string[]>>): Promise<void> {
  const gg = [...perMinderjarige].filter(([, soorten]) => (soorten.get('GG')?.length ?? 0) > 1).map(([m]) => m);
  if (gg.length === 0) return;
  const rows = await db.selectFrom('brp.persoonslijst').select(['burgerservicenummer', 'pl']).where('burgerservicenummer', 'in', gg).execute();
  for (const row of rows) {
    const pl = (typeof row.pl === 'string' ? JSON.parse(row.pl) : row.pl) as Persoonslijst;
    const ouders = ['02', '03'].map((c) => actueelEen(pl, c)?.['01.20']).filter(Boolean);
    const houders = perMinderjarige.get(row.burgerservicenummer as string)!.get('GG')!;
    const ouder = houders.find((h) => ouders.includes(h));
    if (ouder) houders.sort((a, b) => Number(b === ouder) - Number(a === ouder));
  }
}

/** The gezag of each of the persons (by burgerservicenummer); a person without relations is absent. */
export async function gezagVan(db: Db | Tx, bsns: string[]): Promise<Map<string, Json[]>> {
  const result = new Map<string, Json[]>();
  if (bsns.length === 0) return result;
  const rows = (await db
    .selectFrom('brp.gezagsrelatie')
    .select(['id', 'bsn_minderjarige', 'soort_gezag', 'bsn_meerderjarige'])
    .where('bsn_minderjarige', 'in', sql<string>`(SELECT bsn_minderjarige FROM brp.gezagsrelatie WHERE bsn_minderjarige IN (${sql.join(bsns)}) OR bsn_meerderjarige IN (${sql.join(bsns)}))` as never)
    .orderBy('id')
    .execute()) as Row[];
  // Per minderjarige (in the order of its first relation), per soort: the gezaghouders.
  const perMinderjarige = new Map<string, Map<SoortGezag, string[]>>();
  for (const r of rows) {
    const soorten = perMinderjarige.get(r.bsn_minderjarige) ?? perMinderjarige.set(r.bsn_minderjarige, new Map()).get(r.bsn_minderjarige)!;
    const houders = soorten.get(r.soort_gezag) ?? soorten.set(r.soort_gezag, []).get(r.soort_gezag)!;
    if (r.bsn_meerderjarige) houders.push(r.bsn_meerderjarige);
  }
  await ouderVoorop(db, perMinderjarige);
  for (const persoon of bsns) {
    const gezag: Json[] = [];
    for (const [minderjarige, soorten] of perMinderjarige) {
      for (const [soort, houders] of soorten) if (minderjarige === persoon || houders.includes(persoon)) gezag.push(relatie(minderjarige, soort, houders));
    }
    if (gezag.length) result.set(persoon, gezag);
  }
  return result;
}
