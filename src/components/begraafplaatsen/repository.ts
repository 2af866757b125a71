/**
 * The Begraafplaatsen tables (migrations/001). Whether a reservation is active — and so holds
 * its slot and grafplaats — is decided here, in SQL, the same way everywhere: aangevraagd,
 * bevestigd, or voorlopig and not yet past verloopt_op.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import { PAGE_SIZE } from '../../platform/http/pagination.ts';
import type { Openingstijd } from './tijd.ts';
import type { ReserveringStatus } from './schemas.ts';

type Q = Db | Tx;

/** An active reservation `r`: one that holds its slot and grafplaats. */
const ACTIEF = sql`(r.status IN ('aangevraagd', 'bevestigd') OR (r.status = 'voorlopig' AND r.verloopt_op > now()))`;
/** The status a reservation `r` reads as: a voorlopig one past verloopt_op is verlopen. */
const STATUS = sql<ReserveringStatus>`CASE WHEN r.status = 'voorlopig' AND r.verloopt_op <= now() THEN 'verlopen' ELSE r.status END`;

const where = (conditions: RawBuilder<unknown>[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);
const page = (n: number) => sql`LIMIT ${PAGE_SIZE} OFFSET ${(n - 1) * PAGE_SIZE}`;

/**
 * A table read the same way by uuid and as a filtered, paginated list: `from` with alias,
 * the columns a row has, the list order.
 */
function table<T>(from: RawBuilder<unknown>, alias: string, columns: RawBuilder<unknown>, order: RawBuilder<unknown>) {
  const uuid = sql.ref(`${alias}.uuid`);
  return {
    async find(db: Q, key: string, forUpdate = false): Promise<T | undefined> {
      const { rows } = await sql<T>`SELECT ${columns} FROM ${from} WHERE ${uuid} = ${key} ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
      return rows[0];
    },
    async list(db: Q, conditions: RawBuilder<unknown>[], n: number): Promise<{ count: number; results: T[] }> {
      const w = where(conditions);
      const { rows: total } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} ${w}`.execute(db);
      const { rows } = await sql<T>`SELECT ${columns} FROM ${from} ${w} ORDER BY ${order}, ${uuid} ${page(n)}`.execute(db);
      return { count: Number(total[0]!.n), results: rows };
    },
  };
}

// --- begraafplaatsen ---------------------------------------------------------------------

export interface BegraafplaatsRow {
  uuid: string;
  naam: string;
  adres: string;
  gemeentecode: string;
  slotduur: number;
  openingstijden: Openingstijd[];
  sluitingsdagen: string[];
}

const BEGRAAFPLAATS_COLUMNS = sql`b.uuid, b.naam, b.adres, b.gemeentecode, b.slotduur,
  COALESCE((SELECT json_agg(json_build_object('weekdag', o.weekdag, 'van', to_char(o.van, 'HH24:MI'), 'tot', to_char(o.tot, 'HH24:MI')) ORDER BY o.weekdag, o.van)
            FROM begraafplaatsen.openingstijd o WHERE o.begraafplaats = b.uuid), '[]') AS openingstijden,
  COALESCE((SELECT json_agg(s.datum::text ORDER BY s.datum) FROM begraafplaatsen.sluitingsdag s WHERE s.begraafplaats = b.uuid), '[]') AS sluitingsdagen`;

const begraafplaatsTable = table<BegraafplaatsRow>(sql`begraafplaatsen.begraafplaats b`, 'b', BEGRAAFPLAATS_COLUMNS, sql`b.naam`);
export const listBegraafplaatsen = (db: Q, n: number) => begraafplaatsTable.list(db, [], n);
export const findBegraafplaats = (db: Q, uuid: string) => begraafplaatsTable.find(db, uuid);

// --- grafsoorten -------------------------------------------------------------------------

export interface GrafsoortRow {
  uuid: string;
  code: string;
  naam: string;
  omschrijving: string;
  maximumBijzettingen: number;
}

const GRAFSOORT_COLUMNS = sql`g.uuid, g.code, g.naam, g.omschrijving, g.maximum_bijzettingen AS "maximumBijzettingen"`;

const grafsoortTable = table<GrafsoortRow>(sql`begraafplaatsen.grafsoort g`, 'g', GRAFSOORT_COLUMNS, sql`g.code`);
export const listGrafsoorten = (db: Q, n: number) => grafsoortTable.list(db, [], n);
export const findGrafsoort = (db: Q, uuid: string) => grafsoortTable.find(db, uuid);

// --- graven and grafplaatsen -------------------------------------------------------------

/** The status of grafplaats `gp`: bezet, gereserveerd (an active reservation holds it) or vrij. */
const GRAFPLAATS_STATUS = sql<string>`CASE WHEN gp.bezet THEN 'bezet'
  WHEN EXISTS (SELECT 1 FROM begraafplaatsen.reservering r WHERE r.grafplaats = gp.uuid AND ${ACTIEF}) THEN 'gereserveerd'
  ELSE 'vrij' END`;

export interface GrafRow {
  uuid: string;
  begraafplaats: string;
  grafsoort: string;
  vak: string;
  nummer: string;
  grafplaatsen: string[];
}

const GRAF_COLUMNS = sql`g.uuid, g.begraafplaats, g.grafsoort, g.vak, g.nummer,
  COALESCE((SELECT json_agg(gp.uuid ORDER BY gp.volgnummer) FROM begraafplaatsen.grafplaats gp WHERE gp.graf = g.uuid), '[]') AS grafplaatsen`;

export interface GrafFilter {
  begraafplaats?: string | null;
  grafsoort?: string | null;
  beschikbaar?: boolean;
}

/** A filter on a URL that is none of ours matches nothing: `null`. */
function byReference(column: RawBuilder<unknown>, value: string | null | undefined): RawBuilder<unknown>[] {
  if (value === undefined) return [];
  return value === null ? [sql`false`] : [sql`${column} = ${value}`];
}

const grafTable = table<GrafRow>(sql`begraafplaatsen.graf g`, 'g', GRAF_COLUMNS, sql`g.begraafplaats, g.vak, length(g.nummer), g.nummer`);

export function listGraven(db: Q, filter: GrafFilter, n: number) {
  const vrij = sql`EXISTS (SELECT 1 FROM begraafplaatsen.grafplaats gp WHERE gp.graf = g.uuid AND ${GRAFPLAATS_STATUS} = 'vrij')`;
  const conditions = [
    ...byReference(sql`g.begraafplaats`, filter.begraafplaats),
    ...byReference(sql`g.grafsoort`, filter.grafsoort),
    ...(filter.beschikbaar === undefined ? [] : [filter.beschikbaar ? vrij : sql`NOT ${vrij}`]),
  ];
  return grafTable.list(db, conditions, n);
}

export const findGraf = (db: Q, uuid: string) => grafTable.find(db, uuid);

export interface GrafplaatsRow {
  uuid: string;
  graf: string;
  volgnummer: number;
  status: 'vrij' | 'gereserveerd' | 'bezet';
  /** The begraafplaats of its graf. */
  begraafplaats: string;
}

const GRAFPLAATS_COLUMNS = sql`gp.uuid, gp.graf, gp.volgnummer, ${GRAFPLAATS_STATUS} AS status,
  (SELECT g.begraafplaats FROM begraafplaatsen.graf g WHERE g.uuid = gp.graf) AS begraafplaats`;

const grafplaatsTable = table<GrafplaatsRow>(sql`begraafplaatsen.grafplaats gp`, 'gp', GRAFPLAATS_COLUMNS, sql`gp.graf, gp.volgnummer`);

export function listGrafplaatsen(db: Q, filter: { graf?: string | null; beschikbaar?: boolean }, n: number) {
  const conditions = [
    ...byReference(sql`gp.graf`, filter.graf),
    ...(filter.beschikbaar === undefined ? [] : [filter.beschikbaar ? sql`${GRAFPLAATS_STATUS} = 'vrij'` : sql`${GRAFPLAATS_STATUS} <> 'vrij'`]),
  ];
  return grafplaatsTable.list(db, conditions, n);
}

export const findGrafplaats = (db: Q, uuid: string) => grafplaatsTable.find(db, uuid);

// --- reserveringen -----------------------------------------------------------------------

export interface ReserveringRow {
  uuid: string;
  begraafplaats: string;
  start: Date;
  eind: Date;
  grafplaats: string | null;
  zaak: string | null;
  status: ReserveringStatus;
  verlooptOp: Date | null;
  aanmaakdatum: Date;
}

const RESERVERING_COLUMNS = sql`r.uuid, r.begraafplaats, r.start, r.eind, r.grafplaats, r.zaak, ${STATUS} AS status, r.verloopt_op AS "verlooptOp", r.aangemaakt AS aanmaakdatum`;

export interface ReserveringFilter {
  begraafplaats?: string | null;
  zaak?: string;
  status?: ReserveringStatus;
  /** Starts in [van, tot). */
  periode?: { van: Date; tot: Date };
}

const reserveringTable = table<ReserveringRow>(sql`begraafplaatsen.reservering r`, 'r', RESERVERING_COLUMNS, sql`r.start, r.aangemaakt`);

export function listReserveringen(db: Q, filter: ReserveringFilter, n: number) {
  const conditions = [
    ...byReference(sql`r.begraafplaats`, filter.begraafplaats),
    ...(filter.zaak === undefined ? [] : [sql`r.zaak = ${filter.zaak}`]),
    ...(filter.status === undefined ? [] : [sql`${STATUS} = ${filter.status}`]),
    ...(filter.periode === undefined ? [] : [sql`r.start >= ${filter.periode.van} AND r.start < ${filter.periode.tot}`]),
  ];
  return reserveringTable.list(db, conditions, n);
}

/** `forUpdate`: locks the row, so two changes of one reservation are made one after the other. */
export const findReservering = (db: Q, uuid: string, forUpdate = false) => reserveringTable.find(db, uuid, forUpdate);

/** The starts of the active reservations of a begraafplaats in [van, tot). */
export async function heldStarts(db: Q, begraafplaats: string, van: Date, tot: Date): Promise<number[]> {
  const { rows } = await sql<{ start: Date }>`SELECT r.start FROM begraafplaatsen.reservering r
    WHERE r.begraafplaats = ${begraafplaats} AND r.start >= ${van} AND r.start < ${tot} AND ${ACTIEF}`.execute(db);
  return rows.map((r) => new Date(r.start).getTime());
}

/**
 * Sets the voorlopig reservations past their verloopt_op that sit on this slot or grafplaats
 * to `verlopen`, so the unique indexes let a new reservation take them. They already read as
 * verlopen: this records nothing new, so it is no mutation of its own (no audit, no
 * notificatie). Runs in the transaction that then takes the slot.
 */
export async function releaseExpired(tx: Tx, begraafplaats: string, start: Date, grafplaats: string | null): Promise<void> {
  await sql`UPDATE begraafplaatsen.reservering r SET status = 'verlopen'
    WHERE r.status = 'voorlopig' AND r.verloopt_op <= now()
      AND ((r.begraafplaats = ${begraafplaats} AND r.start = ${start}) OR r.grafplaats = ${grafplaats})`.execute(tx);
}

export interface ReserveringRecord {
  uuid: string;
  begraafplaats: string;
  start: Date;
  eind: Date;
  grafplaats: string | null;
  zaak: string | null;
  status: ReserveringStatus;
  verlooptOp: Date | null;
}

export async function insertReservering(tx: Tx, r: ReserveringRecord): Promise<void> {
  await sql`INSERT INTO begraafplaatsen.reservering (uuid, begraafplaats, start, eind, grafplaats, zaak, status, verloopt_op)
    VALUES (${r.uuid}, ${r.begraafplaats}, ${r.start}, ${r.eind}, ${r.grafplaats}, ${r.zaak}, ${r.status}, ${r.verlooptOp})`.execute(tx);
}

export async function updateReservering(tx: Tx, r: ReserveringRecord): Promise<void> {
  await sql`UPDATE begraafplaatsen.reservering SET start = ${r.start}, eind = ${r.eind}, grafplaats = ${r.grafplaats}, zaak = ${r.zaak}, status = ${r.status}, verloopt_op = ${r.verlooptOp}
    WHERE uuid = ${r.uuid}`.execute(tx);
}

export async function deleteReservering(tx: Tx, uuid: string): Promise<void> {
  await sql`DELETE FROM begraafplaatsen.reservering WHERE uuid = ${uuid}`.execute(tx);
}

/** The unique index a failed insert or update ran into: which of the two rules it broke. */
export const TIJDSLOT_INDEX = 'reservering_tijdslot_actief';
export const GRAFPLAATS_INDEX = 'reservering_grafplaats_actief';
