/**
 * The statussen of a zaak: list (filters zaak, statustype, indicatieLaatstGezetteStatus),
 * read, and create, which drives the zaak's life cycle (`closing.ts`): the eindstatus (the
 * statustype the Catalogi API marks `isEindstatus`, the highest volgnummer of the zaaktype)
 * closes the zaak, a status after it reopens the zaak.
 *
 * Who may set a status (the scopes of status_create, per zaaktype and vertrouwelijkheid):
 * `zaken.aanmaken` only the first one, `zaken.statussen.toevoegen` any while the zaak is
 * open, `zaken.heropenen` also on a closed zaak. Statussen are never changed or deleted.
 */
import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { pageEnvelope, PAGE_SIZE } from '../../platform/http/pagination.ts';
import { notFound, permissionDenied, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { checkBelongsToZaaktype } from './catalogi.ts';
import { archiveParameters, checkInformatieobjecten, checkNotArchived, concurrentChange, lifeCycleState, lockLifeCycle, resultaatOf, writeLifeCycle } from './closing.ts';
import { relatedResources } from './related.ts';
import { PaginatedStatusList, Status, StatusRequestbody } from './schemas.ts';
import { ownUuid, shownUrl, storedUrl } from './urls.ts';
import {
  assertMayRead,
  auditToelichting,
  authorisedZaken,
  findZaak,
  mayAccess,
  recordZaakMutation,
  zaakFilter,
  zaakFromUrl,
  ZAKEN_AANMAKEN,
  ZAKEN_HEROPENEN,
  ZAKEN_LEZEN,
  ZAKEN_STATUSSEN_TOEVOEGEN,
  type ZaakRef,
} from './zaak-access.ts';
import { LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['statussen'];
const PATH = '/zaken/api/v1/statussen';
const SCOPES = [ZAKEN_AANMAKEN, ZAKEN_STATUSSEN_TOEVOEGEN, ZAKEN_HEROPENEN];

const ListQuery = Type.Object({
  zaak: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de ZAAK.' })),
  statustype: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het STATUSTYPE (in de Catalogi API).' })),
  indicatieLaatstGezetteStatus: Type.Optional(
    Type.String({ description: 'Het gegeven is afleidbaar uit de historie van de attribuutsoort Datum status gezet van van alle statussen bij de desbetreffende zaak.' }),
  ),
  page: Type.Optional(PAGE),
});

type StatusBody = { zaak: string; statustype: string; datumStatusGezet: string; statustoelichting?: string; gezetdoor?: string };

interface StatusRow {
  id: number | string;
  uuid: string;
  zaak_uuid: string;
  statustype: string;
  datum_status_gezet: Date | string;
  statustoelichting: string;
  gezetdoor: string | null;
  laatst: boolean;
}

/** Whether a status is its zaak's latest: no status of the zaak was set after it (ties by id). */
function laatstGezet(eb: ExpressionBuilder<any, any>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('zaken.status as later')
        .select(sql.lit(1).as('one'))
        .whereRef('later.zaak_id', '=', 'status.zaak_id')
        .where(sql<boolean>`(later.datum_status_gezet, later.id) > (status.datum_status_gezet, status.id)`),
    ),
  );
}

function statusFrom(db: Db) {
  return db.selectFrom('zaken.status as status').innerJoin('zaken.zaak as zaak', 'zaak.id', 'status.zaak_id');
}

function statusColumns(eb: ExpressionBuilder<any, any>) {
  return ['status.id', 'status.uuid', 'zaak.uuid as zaak_uuid', 'status.statustype', 'status.datum_status_gezet', 'status.statustoelichting', 'status.gezetdoor', laatstGezet(eb).as('laatst')] as const;
}

function statusRows(db: Db) {
  return statusFrom(db).select(statusColumns);
}

/** A timestamp as ZGW APIs write it: UTC, seconds, `Z`. */
function dateTime(value: Date | string): string {
  return new Date(value).toISOString().replace('.000Z', 'Z');
}

/** A date-time as given (without an offset it is UTC, as the reference implementation reads it), as an instant. */
function instant(value: string): Date {
  const normalised = value.replace(' ', 'T');
  return new Date(/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(normalised) ? normalised : `${normalised}Z`);
}

async function statusesToApi(db: Db, rows: StatusRow[], apiRoot: string): Promise<Status[]> {
  const paths = rows.map((r) => `${PATH}/${r.uuid}`);
  const zios = paths.length
    ? await db.selectFrom('zaken.zaakinformatieobject').select(['uuid', 'status']).where('status', 'in', paths).orderBy('id').execute()
    : [];
  return rows.map((row) => {
    const status: Status = {
      url: `${apiRoot}/statussen/${row.uuid}`,
      uuid: row.uuid,
      zaak: `${apiRoot}/zaken/${row.zaak_uuid}`,
      statustype: shownUrl(row.statustype, apiRoot),
      datumStatusGezet: dateTime(row.datum_status_gezet),
      statustoelichting: row.statustoelichting,
      indicatieLaatstGezetteStatus: Boolean(row.laatst),
      zaakinformatieobjecten: zios.filter((z) => z.status === `${PATH}/${row.uuid}`).map((z) => `${apiRoot}/zaakinformatieobjecten/${z.uuid}`),
    };
    if (row.gezetdoor !== null) status.gezetdoor = shownUrl(row.gezetdoor, apiRoot);
    return status;
  });
}

/** `true`/`false` as a filter value (as Django's BooleanFilter reads them); 400 otherwise. */
function booleanFilter(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['true', 'True', '1'].includes(value)) return true;
  if (['false', 'False', '0'].includes(value)) return false;
  throw validationError([{ name, code: 'invalid', reason: 'Kies een geldige waarde: true of false.' }]);
}

/**
 * Who may add a status to this zaak, after the body is found valid (as the reference
 * implementation decides): with only `zaken.aanmaken` the first status, and a closed zaak
 * only with `zaken.heropenen` (zrc-007g, zrc-008c).
 */
function assertMayAddStatus(auth: Authorization, zaak: ZaakRef, hasStatus: boolean): void {
  if (hasStatus && !mayAccess(auth, zaak, [ZAKEN_STATUSSEN_TOEVOEGEN, ZAKEN_HEROPENEN])) {
    throw permissionDenied(`Met de scope ${ZAKEN_AANMAKEN} mag je alleen de eerste status van een zaak zetten; verdere statussen vereisen ${ZAKEN_STATUSSEN_TOEVOEGEN}.`);
  }
  if (zaak.einddatum !== null && !mayAccess(auth, zaak, [ZAKEN_HEROPENEN])) {
    throw permissionDenied(`De zaak is afgesloten; een status toevoegen (de zaak heropenen) vereist de scope ${ZAKEN_HEROPENEN}.`);
  }
}

export function statusOperations(deps: ZakenDeps): Operation[] {
  const { database } = deps;
  const related = relatedResources(deps.references);

  /** The rol a `gezetdoor` URL names: 400 when it is no rol of ours. */
  async function rolOf(url: string, apiRoot: string): Promise<{ zaakId: number } | InvalidParam> {
    const uuid = ownUuid(url, 'zaken', 'rollen', apiRoot);
    if (!uuid) return { name: 'gezetdoor', code: 'no_match', reason: 'Ongeldige hyperlink - Geen URL match.' };
    const rol = await database.db.selectFrom('zaken.rol').select('zaak_id').where('uuid', '=', uuid).executeTakeFirst();
    if (!rol) return { name: 'gezetdoor', code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' };
    return { zaakId: Number(rol.zaak_id) };
  }

  /**
   * Everything status_create checks before writing, in the reference implementation's order:
   * the attributes, then the rules across them, then closing the zaak. Returns what the
   * transaction writes to the zaak.
   */
  async function validate(zaak: ZaakRef, body: StatusBody, gezetAt: Date, apiRoot: string) {
    const errors: InvalidParam[] = [];
    const statustype = await deps.catalogi.fetch('statustype', body.statustype, apiRoot);
    if (!statustype.ok) errors.push(statustype.error);
    if (gezetAt.getTime() > Date.now()) errors.push({ name: 'datumStatusGezet', code: 'date-in-future', reason: 'Deze datum mag niet in de toekomst zijn.' });
    const rol = body.gezetdoor ? await rolOf(body.gezetdoor, apiRoot) : undefined;
    if (rol && 'code' in rol) errors.push(rol);
    if (errors.length || !statustype.ok) throw validationError(errors);

    const state = await lifeCycleState(database.db, zaak.id);
    errors.push(...checkBelongsToZaaktype('nonFieldErrors', statustype.resource, zaak.zaaktype, apiRoot).map((e) => ({ ...e, reason: 'Het statustype hoort niet bij het zaaktype van de zaak.' })));
    if (await datumTaken(zaak.id, gezetAt)) errors.push(notUnique());
    if (rol && 'zaakId' in rol && rol.zaakId !== zaak.id) errors.push({ name: 'nonFieldErrors', code: 'zaak-mismatch', reason: "De 'gezetdoor' rol hoort niet bij de zaak." });
    errors.push(...checkNotArchived(state));
    const eindstatus = statustype.resource.isEindstatus === true;
    if (eindstatus && errors.length === 0) errors.push(...(await checkInformatieobjecten(database.db, related, zaak.id, apiRoot)));
    if (errors.length) throw validationError(errors);

    if (!eindstatus) return { state, eindstatus, zaakChanges: zaak.einddatum === null ? {} : { einddatum: null, archiefnominatie: null, archiefactiedatum: null } };
    const resultaat = await resultaatOf(database.db, zaak.id);
    if (!resultaat) throw validationError([{ name: 'nonFieldErrors', code: 'resultaat-does-not-exist', reason: 'De zaak heeft geen resultaat; zet eerst het resultaat voordat je de eindstatus zet.' }]);
    const resultaattype = await deps.catalogi.fetch('resultaattype', shownUrl(resultaat.resultaattype, apiRoot), apiRoot, 'nonFieldErrors');
    if (!resultaattype.ok) throw validationError([resultaattype.error]);
    // The einddatum is the date the client gave, in its own time zone (as the reference).
    const einddatum = body.datumStatusGezet.slice(0, 10);
    const archief = await archiveParameters(database.db, related, zaak.id, state, resultaattype.resource, einddatum, apiRoot);
    return { state, eindstatus, resultaat, zaakChanges: { einddatum, ...archief } };
  }

  async function datumTaken(zaakId: number, at: Date, db: Db = database.db): Promise<boolean> {
    const row = await db.selectFrom('zaken.status').select('id').where('zaak_id', '=', zaakId).where('datum_status_gezet', '=', at.toISOString()).executeTakeFirst();
    return row !== undefined;
  }

  function notUnique(): InvalidParam {
    return { name: 'nonFieldErrors', code: 'unique', reason: 'De velden zaak, datumStatusGezet moeten een unieke set zijn.' };
  }

  async function hasStatus(zaakId: number, db: Db = database.db): Promise<boolean> {
    return (await db.selectFrom('zaken.status').select('id').where('zaak_id', '=', zaakId).limit(1).executeTakeFirst()) !== undefined;
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/statussen',
      operationId: 'status_list',
      summary: 'Alle STATUSsen bij ZAAKen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: ListQuery,
      responses: { 200: { description: 'OK', schema: PaginatedStatusList } },
      async handler({ query, auth, apiRoot, request }) {
        const page = query.page ?? 1;
        const laatst = booleanFilter('indicatieLaatstGezetteStatus', query.indicatieLaatstGezetteStatus);
        const filtered = statusFrom(database.db).where((eb) => {
          const conditions = [authorisedZaken(eb, auth, ZAKEN_LEZEN, apiRoot, 'zaak')];
          if (query.zaak !== undefined) conditions.push(zaakFilter(eb, query.zaak, apiRoot));
          if (query.statustype !== undefined) conditions.push(eb('status.statustype', '=', storedUrl(query.statustype, apiRoot)));
          if (laatst !== undefined) conditions.push(laatst ? laatstGezet(eb) : eb.not(laatstGezet(eb)));
          return eb.and(conditions);
        });
        const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
        const rows = (await filtered
          .select(statusColumns)
          .orderBy('status.datum_status_gezet', 'desc')
          .orderBy('status.id', 'desc')
          .limit(PAGE_SIZE)
          .offset((page - 1) * PAGE_SIZE)
          .execute()) as StatusRow[];
        return { status: 200, body: pageEnvelope(`${apiRoot}/statussen`, request, page, Number(counted.count), await statusesToApi(database.db, rows, apiRoot)) };
      },
    }),

    defineOperation({
      method: 'POST',
      path: '/statussen',
      operationId: 'status_create',
      auditHeaders: true,
      summary: 'Maak een STATUS aan voor een ZAAK.',
      description:
        '**Er wordt gevalideerd op**\n- geldigheid URL naar de ZAAK\n- geldigheid URL naar het STATUSTYPE\n- indien het de eindstatus betreft, dan moet het attribuut `indicatieGebruiksrecht` gezet zijn op alle informatieobjecten dieaan de zaak gerelateerd zijn\n\n**Opmerkingen**\n- Indien het statustype de eindstatus is (volgens het ZTC), dan wordt de zaak afgesloten door de einddatum te zetten.',
      tags: TAGS,
      scopes: SCOPES,
      body: Status,
      responses: { 201: { description: 'Created', schema: Status, headers: LOCATION } },
      // The standard documents its answer as StatusRequestbody (without zaakinformatieobjecten); we send the Status.
      document: { responses: { 201: { description: 'Created', schema: StatusRequestbody, headers: LOCATION } } },
      async handler({ body, auth, apiRoot, request }) {
        const zaak = await zaakFromUrl(database.db, body.zaak, apiRoot);
        if (!mayAccess(auth, zaak, SCOPES)) throw permissionDenied(`Je hebt geen toestemming om statussen te zetten op deze zaak (scope ${SCOPES.join(' of ')} voor dit zaaktype en deze vertrouwelijkheidaanduiding).`);
        const gezetAt = instant(body.datumStatusGezet);
        const decided = await validate(zaak, body as StatusBody, gezetAt, apiRoot);
        const had = await hasStatus(zaak.id);
        assertMayAddStatus(auth, zaak, had);

        const uuid = randomUUID();
        const url = `${apiRoot}/statussen/${uuid}`;
        const created = await database.db.transaction().execute(async (tx) => {
          // What the decision rested on must still hold once the zaak is ours.
          await lockLifeCycle(tx, zaak.id, { einddatum: zaak.einddatum, archiefnominatie: decided.state.archiefnominatie, archiefactiedatum: decided.state.archiefactiedatum });
          if (!had && (await hasStatus(zaak.id, tx))) assertMayAddStatus(auth, zaak, true);
          if (decided.eindstatus && (await resultaatOf(tx, zaak.id))?.uuid !== decided.resultaat?.uuid) throw concurrentChange();
          if (await datumTaken(zaak.id, gezetAt, tx)) throw validationError([notUnique()]);
          await tx
            .insertInto('zaken.status')
            .values({
              uuid,
              zaak_id: zaak.id,
              statustype: storedUrl(body.statustype, apiRoot),
              datum_status_gezet: gezetAt.toISOString(),
              statustoelichting: body.statustoelichting ?? '',
              gezetdoor: body.gezetdoor ? storedUrl(body.gezetdoor, apiRoot) : null,
            })
            .execute();
          await writeLifeCycle(tx, zaak.id, decided.zaakChanges);
          const [nieuw] = await statusesToApi(tx, (await statusRows(tx).where('status.uuid', '=', uuid).execute()) as StatusRow[], apiRoot);
          await recordZaakMutation(tx, auth, { zaak, resource: 'status', resourceUrl: url, actie: 'create', resultaat: 201, nieuw, toelichting: auditToelichting(request.headers) });
          return nieuw!;
        });
        return { status: 201, body: created, headers: { Location: url } };
      },
    }),

    defineOperation({
      method: 'GET',
      path: '/statussen/{uuid}',
      operationId: 'status_retrieve',
      summary: 'Een specifieke STATUS van een ZAAK opvragen.',
      description: 'Een specifieke STATUS van een ZAAK opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      etag: true,
      head: { operationId: 'status_headers', summary: 'De headers voor een specifiek(e) STATUS opvragen ' },
      responses: { 200: { description: 'OK', schema: Status } },
      async handler({ params, auth, apiRoot }) {
        const row = (await statusRows(database.db).where('status.uuid', '=', params.uuid).executeTakeFirst()) as StatusRow | undefined;
        if (!row) throw notFound(`Status ${params.uuid} bestaat niet.`);
        assertMayRead(auth, (await findZaak(database.db, row.zaak_uuid, apiRoot))!);
        const [status] = await statusesToApi(database.db, [row], apiRoot);
        return { status: 200, body: status };
      },
    }),
  ];
}
