/**
 * Demo data of the Begraafplaatsen API (seeded with `opengrond start`'s demo data): the two
 * begraafplaatsen of Gemeente Oefenstad with the four grafsoorten, vakken with graven and
 * grafplaatsen (some bezet), opening hours Mon–Fri 09:00–16:00 and Sat 10:00–13:00, slots of
 * 60 minutes, and the public holidays as sluitingsdagen.
 *
 * The API has no operations to create these (the municipality keeps them), so the seed writes
 * the tables, in one transaction. Every row has a fixed uuid derived from its key and is
 * inserted with ON CONFLICT DO NOTHING: seeding again changes nothing, and URLs stay the same
 * across restarts and databases.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** A stable uuid (version 5 layout) for a demo row's key. */
export function demoUuid(key: string): string {
  const h = createHash('sha1').update(`opengrond-begraafplaatsen:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const DEMO_GRAFSOORTEN = [
  { code: 'particulier-graf', naam: 'Particulier graf', omschrijving: 'Een graf met grafrecht voor een rechthebbende, voor een termijn van 20 jaar of langer, te verlengen.', maximumBijzettingen: 2 },
  { code: 'algemeen-graf', naam: 'Algemeen graf', omschrijving: 'Een graf zonder grafrecht, waarin de gemeente ook anderen begraaft; na 10 jaar geruimd.', maximumBijzettingen: 3 },
  { code: 'urnengraf', naam: 'Urnengraf', omschrijving: 'Een graf voor urnen.', maximumBijzettingen: 4 },
  { code: 'kindergraf', naam: 'Kindergraf', omschrijving: 'Een graf voor een kind tot 12 jaar.', maximumBijzettingen: 1 },
] as const;

type Code = (typeof DEMO_GRAFSOORTEN)[number]['code'];

/** Opening hours of both: Mon–Fri 09:00–16:00, Sat 10:00–13:00. */
const OPENINGSTIJDEN = [1, 2, 3, 4, 5].map((weekdag) => ({ weekdag, van: '09:00', tot: '16:00' })).concat([{ weekdag: 6, van: '10:00', tot: '13:00' }]);

/** Public holidays (Kerstmis, Nieuwjaar, Pasen, Koningsdag, Hemelvaart, Pinksteren) 2026–2027 the grounds are closed for funerals. */
const FEESTDAGEN = ['2026-12-25', '2026-12-26', '2027-01-01', '2027-03-29', '2027-04-27', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-27'];

interface Vak {
  vak: string;
  grafsoort: Code;
  graven: number;
}

export const DEMO_BEGRAAFPLAATSEN: { naam: string; adres: string; vakken: Vak[] }[] = [
  {
    naam: 'Algemene Begraafplaats Oefenstad',
    adres: 'Kerkhoflaan 1, 1234 AB Oefenstad',
    vakken: [
      { vak: 'A', grafsoort: 'particulier-graf', graven: 12 },
      { vak: 'B', grafsoort: 'algemeen-graf', graven: 8 },
      { vak: 'U', grafsoort: 'urnengraf', graven: 6 },
      { vak: 'K', grafsoort: 'kindergraf', graven: 4 },
    ],
  },
  {
    naam: 'Begraafplaats Rustoord',
    adres: 'Rustoordweg 12, 1235 CD Oefenstad',
    vakken: [
      { vak: '1', grafsoort: 'particulier-graf', graven: 8 },
      { vak: '2', grafsoort: 'algemeen-graf', graven: 6 },
      { vak: '3', grafsoort: 'urnengraf', graven: 4 },
    ],
  },
];

/** Gemeente Oefenstad is fictitious; 9999 is no CBS gemeentecode in use. */
const GEMEENTECODE = '9999';
const SLOTDUUR = 60;

/** Seeds the demo begraafplaatsen; returns how many rows were new (0 when seeded before). */
export async function seedDemoBegraafplaatsen(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let created = 0;
    const insert = async (query: ReturnType<typeof sql>) => {
      created += Number((await query.execute(tx)).numAffectedRows ?? 0);
    };
    const grafsoorten = new Map<string, string>();
    for (const g of DEMO_GRAFSOORTEN) {
      const uuid = demoUuid(`grafsoort:${g.code}`);
      grafsoorten.set(g.code, uuid);
      await insert(sql`INSERT INTO begraafplaatsen.grafsoort (uuid, code, naam, omschrijving, maximum_bijzettingen)
        VALUES (${uuid}, ${g.code}, ${g.naam}, ${g.omschrijving}, ${g.maximumBijzettingen}) ON CONFLICT DO NOTHING`);
    }
    for (const b of DEMO_BEGRAAFPLAATSEN) {
      const begraafplaats = demoUuid(`begraafplaats:${b.naam}`);
      await insert(sql`INSERT INTO begraafplaatsen.begraafplaats (uuid, naam, adres, gemeentecode, slotduur)
        VALUES (${begraafplaats}, ${b.naam}, ${b.adres}, ${GEMEENTECODE}, ${SLOTDUUR}) ON CONFLICT DO NOTHING`);
      for (const o of OPENINGSTIJDEN) {
        await insert(sql`INSERT INTO begraafplaatsen.openingstijd (begraafplaats, weekdag, van, tot) VALUES (${begraafplaats}, ${o.weekdag}, ${o.van}, ${o.tot}) ON CONFLICT DO NOTHING`);
      }
      for (const datum of FEESTDAGEN) {
        await insert(sql`INSERT INTO begraafplaatsen.sluitingsdag (begraafplaats, datum) VALUES (${begraafplaats}, ${datum}) ON CONFLICT DO NOTHING`);
      }
      for (const v of b.vakken) {
        const soort = DEMO_GRAFSOORTEN.find((g) => g.code === v.grafsoort)!;
        for (let n = 1; n <= v.graven; n++) {
          const graf = demoUuid(`graf:${b.naam}:${v.vak}:${n}`);
          await insert(sql`INSERT INTO begraafplaatsen.graf (uuid, begraafplaats, grafsoort, vak, nummer)
            VALUES (${graf}, ${begraafplaats}, ${grafsoorten.get(v.grafsoort)}, ${v.vak}, ${String(n)}) ON CONFLICT DO NOTHING`);
          // Every third grave is in use: its first place bezet; every fifth is full.
          const bezet = n % 5 === 0 ? soort.maximumBijzettingen : n % 3 === 0 ? 1 : 0;
          for (let volgnummer = 1; volgnummer <= soort.maximumBijzettingen; volgnummer++) {
            await insert(sql`INSERT INTO begraafplaatsen.grafplaats (uuid, graf, volgnummer, bezet)
              VALUES (${demoUuid(`grafplaats:${b.naam}:${v.vak}:${n}:${volgnummer}`)}, ${graf}, ${volgnummer}, ${volgnummer <= bezet}) ON CONFLICT DO NOTHING`);
          }
        }
      }
    }
    return created;
  });
}
