/**
 * The zaak resource: list (filters, `ordering`, exact count), `_zoek`, create, read (ETag,
 * HEAD, `expand`), update, partial update and delete, and the audit trail of a zaak.
 *
 * Authorisation is applied at the source: lists, counts and `_zoek` are filtered in SQL by the
 * client's zaaktypen and vertrouwelijkheid ceilings; a single zaak outside them is a 403.
 * Every mutation is one transaction with its audit record and its notification.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound, permissionDenied, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { pageEnvelope, PAGE_SIZE } from '../../platform/http/pagination.ts';
import { Enum, Type, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { auditTrail } from '../../platform/audit/audit.ts';
import { parseGeometry, type Geometry } from '../../platform/geo/geojson.ts';
import { geometryWithin } from '../../platform/geo/within.ts';
import { anyResource, resourceOfShape } from '../../platform/references/expected.ts';
import type { OnBehalfOf } from '../../platform/references/resolver.ts';
import { CommunicatieKanaal, Resultaat as SelectielijstResultaat } from '../referentielijsten/schemas.ts';
import type { ZakenDeps } from './deps.ts';
import { expandResource, parseExpand, type ExpandTree, type Relation } from './expand.ts';
import { reserveIdentificatie } from './identificatie.ts';
import { countAuthorisedZaken } from './zaak-aantallen.ts';
import { AuditTrail, PaginatedZaakList, PatchedZaak, Zaak, ZaakExpanded, ZaakZoek } from './schemas.ts';
import { ownUuid, sameUrl, shownUrl } from './urls.ts';
import {
  assertMayRead,
  auditToelichting,
  authorisedZaken,
  AUDITTRAILS_LEZEN,
  mayAccess,
  recordZaakMutation,
  zaakUrl,
  ZAKEN_AANMAKEN,
  ZAKEN_BIJWERKEN,
  ZAKEN_GEFORCEERD_BIJWERKEN,
  ZAKEN_LEZEN,
  ZAKEN_VERWIJDEREN,
  assertMayChange,
  type ZaakRef,
} from './zaak-access.ts';
import { checkFilterValues, orderingOf, ORDERING_VALUES, zaakFilterConditions, ZAAK_LIST_FILTERS, type ZaakFilterValues } from './zaak-filters.ts';
import { checkArchief, checkBetaling, checkHoofdzaak, checkImmutable, checkOrganisaties, checkProductenOfDiensten, checkZaaktypePublished, parseZaakgeometrie } from './zaak-rules.ts';
import { deleteZaak, fieldsOf, findZaakRow, insertZaak, updateZaak, ZAAK_COLUMNS, zaakToApi, zakenToApi, type ZaakFields, type ZaakRow } from './zaak-store.ts';
import { objectinformatieobjectenOfZaak } from './zaakinformatieobjecten.ts';
import { EXPAND, LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';
import { loggedRead } from './personal-data.ts';

const TAGS = ['zaken'];
const CRS = { accept: true, content: true };
const UNIQUE_VIOLATION = '23505';
/** The zaak filter that searches by a person's burgerservicenummer. */
const BSN_FILTER = 'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn';

const COMMUNICATIEKANAAL = resourceOfShape('communicatiekanaal', CommunicatieKanaal);
const SELECTIELIJSTKLASSE = resourceOfShape('selectielijstklasse', SelectielijstResultaat);
const ZAAK = resourceOfShape('zaak', Zaak);
const CATALOGI_API = '/catalogi/api/v1';
const INFORMATIEOBJECT = anyResource('informatieobject');

/** What `expand` may name on a zaak (ZaakEmbedded), and where the URLs are. */
export const ZAAK_RELATIONS: Record<string, Relation> = {
  zaaktype: 'one',
  hoofdzaak: 'one',
  deelzaken: 'many',
  relevanteAndereZaken: (value) => (Array.isArray(value) ? (value as { url: string }[]).map((r) => r.url) : []),
  eigenschappen: 'many',
  rollen: 'many',
  status: 'one',
  zaakobjecten: 'many',
  resultaat: 'one',
};

type Body = Record<string, unknown>;

export function zaakOperations(deps: ZakenDeps): Operation[] {
  const { database } = deps;

  /**
   * Zaken with `_expand` when asked for. The relations are read as the client would read them
   * (its own Authorization header), so a zaak it may not read is left out; only the Catalogi
   * API's types, which any client may see, are read as this instance.
   */
  async function withExpand(zaken: Record<string, unknown>[], tree: ExpandTree, request: FastifyRequest, apiRoot: string) {
    if (Object.keys(tree).length === 0) return zaken;
    const cache = new Map<string, Promise<unknown>>();
    const onBehalfOf: OnBehalfOf = { authorization: request.headers.authorization, asInstance: [CATALOGI_API] };
    return Promise.all(zaken.map(async (zaak) => ({ ...zaak, _expand: await expandResource(zaak, tree, ZAAK_RELATIONS, { references: deps.references, apiRoot, onBehalfOf, cache }) })));
  }

  /**
   * One page of zaken the client may read, filtered, ordered and (for `_zoek`) within a
   * geometry, with the exact count: one SQL condition, so the authorisation, the filters and
   * the geometry's GiST index work together and count and pages come from the database.
   */
  async function listPage(db: Db, auth: Authorization, apiRoot: string, filters: ZaakFilterValues, ordering: string[], page: number, within?: Geometry) {
    const errors = checkFilterValues(filters);
    if (errors.length) throw validationError(errors);
    const base = db
      .selectFrom('zaken.zaak as zaak')
      .where((eb) => eb.and([authorisedZaken(eb, auth, ZAKEN_LEZEN, apiRoot), ...zaakFilterConditions(eb, filters, apiRoot), ...(within ? [geometryWithin('zaak', within)] : [])]));
    let query = base.select(ZAAK_COLUMNS);
    for (const o of orderingOf(ordering)) query = query.orderBy(o.column, o.direction);
    // The exact count and the page are independent statements: sent together, on two pool
    // connections, a page costs the slower of the two rather than their sum (issue #8).
    // Without filters the count is the sum of the kept counts the client's grants cover (zaak-aantallen.ts).
    const unfiltered = !within && Object.values(filters).every((value) => value === undefined);
    const [counted, rows] = await Promise.all([
      unfiltered
        ? countAuthorisedZaken(db, auth, ZAKEN_LEZEN, apiRoot).then((count) => ({ count }))
        : base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
      query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute() as Promise<ZaakRow[]>,
    ]);
    return { count: Number(counted.count), zaken: await zakenToApi(db, rows, apiRoot) };
  }

  /**
   * `listPage`; searching zaken by a person's burgerservicenummer (the rol filter) processes
   * that person's data, so such a search is logged for that person (personal-data.ts).
   */
  async function searchPage(request: FastifyRequest, operation: string, auth: Authorization, apiRoot: string, filters: ZaakFilterValues, ordering: string[], page: number, within?: Geometry) {
    const bsn = (filters as Record<string, unknown>)[BSN_FILTER];
    if (typeof bsn !== 'string') return listPage(database.db, auth, apiRoot, filters, ordering, page, within);
    return loggedRead(deps, request, auth, operation, (db) => listPage(db, auth, apiRoot, filters, ordering, page, within), () => [{ type: 'BSN', id: bsn }]);
  }

  function envelope(apiRoot: string, request: FastifyRequest, page: number, count: number, results: unknown[]) {
    return pageEnvelope(`${apiRoot}/zaken`, request, page, count, results);
  }

  /** The stored zaak by uuid: 404 when there is none. */
  async function existing(uuid: string): Promise<ZaakRow> {
    const row = await findZaakRow(database.db, uuid);
    if (!row) throw notFound(`Zaak ${uuid} bestaat niet.`);
    return row;
  }

  function refOf(row: ZaakRow, fields: ZaakFields, apiRoot: string): ZaakRef {
    return {
      id: Number(row.id),
      uuid: row.uuid,
      url: zaakUrl(apiRoot, row.uuid),
      zaaktype: fields.zaaktype,
      bronorganisatie: fields.bronorganisatie,
      vertrouwelijkheidaanduiding: fields.vertrouwelijkheidaanduiding,
      einddatum: row.einddatum,
    };
  }

  /**
   * The rules that need other resources, for the attributes the body gives: the zaaktype
   * (resolved, published; it gives the default vertrouwelijkheidaanduiding and the allowed
   * producten of diensten), communicatiekanaal, selectielijstklasse, relevante andere zaken
   * and the hoofdzaak. Runs before the transaction.
   */
  async function checkReferences(body: Body, fields: ZaakFields, apiRoot: string, selfId: number | undefined): Promise<{ errors: InvalidParam[]; zaaktype?: Record<string, unknown> }> {
    const errors: InvalidParam[] = [];
    let zaaktype: Record<string, unknown> | undefined;
    const needsZaaktype = body.zaaktype !== undefined || body.productenOfDiensten !== undefined || (selfId === undefined && body.vertrouwelijkheidaanduiding === undefined);
    const tasks: Promise<void>[] = [];
    if (needsZaaktype) {
      tasks.push(
        deps.catalogi.fetch('zaaktype', fields.zaaktype, apiRoot).then((found) => {
          if (!found.ok) errors.push(found.error);
          else {
            zaaktype = found.resource;
            if (body.zaaktype !== undefined) errors.push(...checkZaaktypePublished(zaaktype));
            if (body.productenOfDiensten !== undefined) errors.push(...checkProductenOfDiensten(fields.productenOfDiensten, zaaktype));
          }
        }),
      );
    }
    const reference = (name: string, url: string, expected: typeof ZAAK) =>
      deps.references.fetch(url, expected, { apiRoot }).then((found) => {
        if (!found.ok) errors.push({ name, code: found.code, reason: found.reason });
      });
    if (typeof body.communicatiekanaal === 'string' && body.communicatiekanaal !== '') tasks.push(reference('communicatiekanaal', body.communicatiekanaal, COMMUNICATIEKANAAL));
    if (typeof body.selectielijstklasse === 'string' && body.selectielijstklasse !== '') tasks.push(reference('selectielijstklasse', body.selectielijstklasse, SELECTIELIJSTKLASSE));
    if (Array.isArray(body.relevanteAndereZaken)) {
      (body.relevanteAndereZaken as { url: string }[]).forEach((r, i) => tasks.push(reference(`relevanteAndereZaken.${i}.url`, r.url, ZAAK)));
    }
    if (typeof body.hoofdzaak === 'string') {
      tasks.push(
        (async () => {
          const uuid = ownUuid(body.hoofdzaak as string, 'zaken', 'zaken', apiRoot);
          const row = uuid ? await findZaakRow(database.db, uuid) : undefined;
          const hoofdzaak = !uuid ? ({ found: false, code: 'no_match' } as const) : !row ? ({ found: false, code: 'does_not_exist' } as const) : { found: true as const, id: Number(row.id), isDeelzaak: row.hoofdzaak_id !== null };
          errors.push(...checkHoofdzaak(hoofdzaak, selfId));
          if (hoofdzaak.found) fields.hoofdzaakId = hoofdzaak.id;
        })(),
      );
    }
    await Promise.all(tasks);
    return { errors, zaaktype };
  }

  /** Whether every informatieobject of the zaak has status `gearchiveerd` (read from its Documenten API). */
  async function documentsArchived(zaakId: number, apiRoot: string): Promise<boolean> {
    const rows = await database.db.selectFrom('zaken.zaakinformatieobject').select('informatieobject').where('zaak_id', '=', zaakId).execute();
    const statuses = await Promise.all(
      rows.map(async (r) => {
        const found = await deps.references.fetch(shownUrl(r.informatieobject, apiRoot), INFORMATIEOBJECT, { apiRoot });
        return found.ok ? found.resource.status : undefined;
      }),
    );
    return statuses.every((s) => s === 'gearchiveerd');
  }

  /** Writes a zaak: create (no current row) or update; rules first, then one transaction. */
  async function save(auth: Authorization, apiRoot: string, request: FastifyRequest, body: Body, actie: 'create' | 'update' | 'partial_update', current?: ZaakRow) {
    const before = current ? fieldsOf(current, apiRoot) : undefined;
    const fields = merge(body, before);
    const errors: InvalidParam[] = [...checkOrganisaties(fields), ...checkBetaling(fields)];
    if (body.zaakgeometrie !== undefined) {
      const parsed = parseZaakgeometrie(body.zaakgeometrie);
      fields.zaakgeometrie = parsed.geometry;
      errors.push(...parsed.errors);
    }
    if (current && before) {
      errors.push(
        ...checkImmutable([
          { name: 'identificatie', changed: body.identificatie !== undefined && body.identificatie !== before.identificatie },
          { name: 'zaaktype', changed: body.zaaktype !== undefined && !sameUrl(body.zaaktype as string, before.zaaktype, apiRoot) },
        ]),
      );
    }
    const checked = await checkReferences(body, fields, apiRoot, current ? Number(current.id) : undefined);
    errors.push(...checked.errors);
    if (body.vertrouwelijkheidaanduiding === undefined && !current && checked.zaaktype) {
      fields.vertrouwelijkheidaanduiding = checked.zaaktype.vertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding;
    }
    if (body.archiefstatus !== undefined) errors.push(...checkArchief(fields, current ? await documentsArchived(Number(current.id), apiRoot) : true));
    if (errors.length) throw validationError(errors);

    // Authorisation on the zaak as it is and as it will be: a client may not move a zaak out of its reach.
    const scopes = current ? [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN] : [ZAKEN_AANMAKEN];
    const after = { zaaktype: fields.zaaktype, vertrouwelijkheidaanduiding: fields.vertrouwelijkheidaanduiding, einddatum: current?.einddatum ?? null };
    if (current && before) assertMayChange(auth, { zaaktype: before.zaaktype, vertrouwelijkheidaanduiding: before.vertrouwelijkheidaanduiding, einddatum: current.einddatum }, scopes);
    if (!mayAccess(auth, after, scopes)) throw permissionDenied('Je hebt geen toestemming voor zaken van dit zaaktype met deze vertrouwelijkheidaanduiding.');

    const uuid = current?.uuid ?? randomUUID();
    if (!fields.identificatie) fields.identificatie = await reserveIdentificatie(database.db, deps.identificatie, fields.bronorganisatie, Number(fields.registratiedatum.slice(0, 4)));
    try {
      return await database.db.transaction().execute(async (tx: Tx) => {
        const taken = await tx
          .selectFrom('zaken.zaak')
          .select('id')
          .where('bronorganisatie', '=', fields.bronorganisatie)
          .where('identificatie', '=', fields.identificatie)
          .where('uuid', '!=', uuid)
          .executeTakeFirst();
        if (taken) throw identificatieNietUniek();
        const oud = current ? await zaakToApi(tx, current, apiRoot) : undefined;
        if (current) await updateZaak(tx, Number(current.id), fields, apiRoot);
        else await insertZaak(tx, uuid, fields, apiRoot);
        const row = (await findZaakRow(tx, uuid))!;
        const nieuw = await zaakToApi(tx, row, apiRoot);
        await recordZaakMutation(tx, auth, {
          zaak: refOf(row, fields, apiRoot),
          resource: 'zaak',
          resourceUrl: nieuw.url as string,
          resourceWeergave: fields.identificatie,
          actie,
          resultaat: current ? 200 : 201,
          oud,
          nieuw,
          toelichting: auditToelichting(request.headers),
        });
        return nieuw;
      });
    } catch (error) {
      // Two creates with the same identificatie at the same moment: the unique index decides.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw identificatieNietUniek();
      throw error;
    }
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/zaken',
      operationId: 'zaak_list',
      summary: 'Alle ZAAKen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.\n\n**Opmerking**\n- er worden enkel zaken getoond van de zaaktypes waar u toe geautoriseerd bent.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      crs: CRS,
      query: Type.Object({
        ...ZAAK_LIST_FILTERS,
        expand: Type.Optional(EXPAND),
        ordering: Type.Optional(Type.Array(Enum(ORDERING_VALUES), { description: 'Het veld waarop de resultaten geordend worden. Het minnetje betekent omgekeerde volgorde.' })),
        page: Type.Optional(PAGE),
      }),
      responses: { 200: { description: 'OK', schema: PaginatedZaakList } },
      async handler({ query, auth, apiRoot, request }) {
        const { expand, ordering, page = 1, ...filters } = query as Body & { expand?: string; ordering?: string[]; page?: number };
        const tree = parseExpand(expand, ZAAK_RELATIONS);
        const { count, zaken } = await searchPage(request, 'zaak_list', auth, apiRoot, filters, ordering ?? [], page);
        return { status: 200, body: envelope(apiRoot, request, page, count, await withExpand(zaken, tree, request, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/zaken',
      operationId: 'zaak_create',
      summary: 'Maak een ZAAK aan.',
      description:
        'Indien geen identificatie gegeven is, dan wordt deze automatisch gegenereerd. De identificatie moet uniek zijn binnen de bronorganisatie.\n\n**Er wordt gevalideerd op:**\n- geldigheid `zaaktype` URL - de resource moet opgevraagd kunnen worden uit de Catalogi API en de vorm van een ZAAKTYPE hebben.\n- `zaaktype` is geen concept (`zaaktype.concept = False`)\n- `laatsteBetaaldatum` mag niet in de toekomst liggen.\n- `laatsteBetaaldatum` mag niet gezet worden als de betalingsindicatie "nvt" is.\n- `archiefnominatie` moet een waarde hebben indien archiefstatus niet de waarde "nog_te_archiveren" heeft.\n- `archiefactiedatum` moet een waarde hebben indien archiefstatus niet de waarde "nog_te_archiveren" heeft.\n- `archiefstatus` kan alleen een waarde anders dan "nog_te_archiveren" hebben indien van alle gerelateeerde INFORMATIEOBJECTen het attribuut `status` de waarde "gearchiveerd" heeft.',
      tags: TAGS,
      scopes: [ZAKEN_AANMAKEN],
      crs: CRS,
      auditHeaders: true,
      body: Zaak,
      responses: { 201: { description: 'Created', schema: Zaak, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const nieuw = await save(auth, apiRoot, request, body as Body, 'create');
        return { status: 201, body: nieuw, headers: { Location: nieuw.url as string } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaken/{uuid}',
      operationId: 'zaak_retrieve',
      summary: 'Een specifieke ZAAK opvragen.',
      description: 'Een specifieke ZAAK opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      crs: CRS,
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: ZaakExpanded } },
      head: { operationId: 'zaak_headers', summary: 'De headers voor een specifiek(e) ZAAK opvragen ' },
      etag: true,
      async handler({ params, query, auth, apiRoot, request }) {
        const tree = parseExpand(query.expand, ZAAK_RELATIONS);
        const row = await existing(params.uuid);
        assertMayRead(auth, refOf(row, fieldsOf(row, apiRoot), apiRoot));
        const [zaak] = await withExpand([await zaakToApi(database.db, row, apiRoot)], tree, request, apiRoot);
        return { status: 200, body: zaak };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/zaken/{uuid}',
      operationId: 'zaak_update',
      summary: 'Werk een ZAAK in zijn geheel bij.',
      description:
        '**Er wordt gevalideerd op**\n- `zaaktype` mag niet gewijzigd worden.\n- `identificatie` mag niet gewijzigd worden.\n- `laatsteBetaaldatum` mag niet in de toekomst liggen.\n- `laatsteBetaaldatum` mag niet gezet worden als de betalingsindicatie "nvt" is.\n- `archiefnominatie` moet een waarde hebben indien `archiefstatus` niet de waarde "nog_te_archiveren" heeft.\n- `archiefactiedatum` moet een waarde hebben indien `archiefstatus` niet de waarde "nog_te_archiveren" heeft.\n- `archiefstatus` kan alleen een waarde anders dan "nog_te_archiveren" hebben indien van alle gerelateeerde INFORMATIEOBJECTen het attribuut `status` de waarde "gearchiveerd" heeft.\n\n**Opmerkingen**\n- een afgesloten zaak wijzigen vereist de scope `zaken.geforceerd-bijwerken`.',
      tags: TAGS,
      scopes: [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN],
      crs: CRS,
      auditHeaders: true,
      params: UuidParams,
      body: Zaak,
      responses: { 200: { description: 'OK', schema: Zaak } },
      async handler({ params, body, auth, apiRoot, request }) {
        return { status: 200, body: await save(auth, apiRoot, request, body as Body, 'update', await existing(params.uuid)) };
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: '/zaken/{uuid}',
      operationId: 'zaak_partial_update',
      summary: 'Werk een ZAAK deels bij.',
      description:
        '**Er wordt gevalideerd op**\n- `zaaktype` mag niet gewijzigd worden.\n- `identificatie` mag niet gewijzigd worden.\n- `laatsteBetaaldatum` mag niet in de toekomst liggen.\n- `laatsteBetaaldatum` mag niet gezet worden als de betalingsindicatie "nvt" is.\n- `archiefnominatie`, `archiefactiedatum` en de `status` van de informatieobjecten bij een `archiefstatus` anders dan "nog_te_archiveren".\n\n**Opmerkingen**\n- een afgesloten zaak wijzigen vereist de scope `zaken.geforceerd-bijwerken`.',
      tags: TAGS,
      scopes: [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN],
      crs: CRS,
      auditHeaders: true,
      params: UuidParams,
      body: PatchedZaak,
      responses: { 200: { description: 'OK', schema: Zaak } },
      document: { bodyRequired: false },
      async handler({ params, body, auth, apiRoot, request }) {
        return { status: 200, body: await save(auth, apiRoot, request, body as Body, 'partial_update', await existing(params.uuid)) };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/zaken/{uuid}',
      operationId: 'zaak_destroy',
      summary: 'Verwijder een ZAAK.',
      description:
        'Verwijder een ZAAK met alles wat erbij hoort: de deelzaken, statussen, het resultaat, rollen, zaakobjecten, zaakeigenschappen, kenmerken, zaakinformatieobjecten (en hun spiegeling in de Documenten API), klantcontacten, zaakcontactmomenten en zaakverzoeken.\n\n**Er wordt gevalideerd op**\n- de zaak en haar deelzaken hebben geen besluiten: die verwijzen naar de zaak en worden eerst in de Besluiten API verwijderd (`related-besluiten`).',
      tags: TAGS,
      scopes: [ZAKEN_VERWIJDEREN],
      crs: CRS,
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot, request }) {
        const row = await existing(params.uuid);
        const fields = fieldsOf(row, apiRoot);
        const zaak = refOf(row, fields, apiRoot);
        if (!mayAccess(auth, zaak, [ZAKEN_VERWIJDEREN])) throw permissionDenied('Je hebt geen toestemming om deze zaak te verwijderen (zaaktype of vertrouwelijkheidaanduiding).');
        const mirrors = await database.db.transaction().execute(async (tx: Tx) => {
          // A besluit names its zaak and is the Besluiten API's: the zaak goes only once the besluiten have let go of it.
          if (await hasBesluiten(tx, zaak.id)) throw validationError([RELATED_BESLUITEN]);
          const oud = await zaakToApi(tx, row, apiRoot);
          const mirrors = await objectinformatieobjectenOfZaak(tx, zaak.id, apiRoot);
          await deleteZaak(tx, zaak.id);
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaak', resourceUrl: zaak.url, resourceWeergave: fields.identificatie, actie: 'destroy', resultaat: 204, oud, toelichting: auditToelichting(request.headers) });
          return mirrors;
        });
        // After the commit, the mirrors of its zaakinformatieobjecten in the Documenten API go too
        // (zrc-023h); the zaak is gone whatever that API answers, so a refusal is logged, not returned.
        for (const url of mirrors) {
          await deps.documentRelations.delete(url, apiRoot).catch((error: Error) => request.log.warn({ err: error, objectinformatieobject: url }, 'Gespiegelde relatie niet verwijderd'));
        }
        return { status: 204 };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/zaken/_zoek',
      operationId: 'zaak__zoek',
      summary: 'Voer een (geo)-zoekopdracht uit op ZAAKen.',
      description: 'Zoeken/filteren gaat normaal via de `list` operatie, deze is echter niet geschikt voor geo-zoekopdrachten.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      crs: CRS,
      query: Type.Object({ page: Type.Optional(Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.' })) }),
      body: ZaakZoek,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: PaginatedZaakList } },
      async handler({ query, body, auth, apiRoot, request }) {
        const { expand, ordering, zaakgeometrie, ...filters } = body as Body & { expand?: string; ordering?: string; zaakgeometrie?: { within?: unknown } };
        const page = (query as { page?: number }).page ?? 1;
        if (page < 1) throw validationError([{ name: 'page', code: 'invalid', reason: 'Ongeldige pagina.' }]);
        const tree = parseExpand(expand, ZAAK_RELATIONS);
        const within = zaakgeometrie?.within === undefined ? undefined : parseGeometry(zaakgeometrie.within, 'zaakgeometrie.within');
        const { count, zaken } = await searchPage(request, 'zaak__zoek', auth, apiRoot, filters, ordering ? [ordering] : [], page, within);
        return { status: 200, body: envelope(apiRoot, request, page, count, await withExpand(zaken, tree, request, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaken/{zaak_uuid}/audittrail',
      operationId: 'audittrail_list',
      summary: 'Alle audit trail regels behorend bij de ZAAK.',
      description: 'Alle audit trail regels behorend bij de ZAAK.',
      tags: TAGS,
      scopes: [AUDITTRAILS_LEZEN],
      params: Type.Object({ zaak_uuid: Type.String({ format: 'uuid', description: 'Unieke resource identifier (UUID4)' }) }),
      responses: { 200: { description: 'OK', schema: Type.Array(AuditTrail) } },
      async handler({ params, auth, apiRoot }) {
        const zaak = await readableForAudit(params.zaak_uuid, auth, apiRoot);
        return { status: 200, body: (await auditTrail(database.db, zaak.url)).map(auditToApi) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaken/{zaak_uuid}/audittrail/{uuid}',
      operationId: 'audittrail_retrieve',
      summary: 'Een specifieke audit trail regel opvragen.',
      description: 'Een specifieke audit trail regel opvragen.',
      tags: TAGS,
      scopes: [AUDITTRAILS_LEZEN],
      params: Type.Object({
        uuid: Type.String({ format: 'uuid', description: 'Unieke identificatie van de audit regel.' }),
        zaak_uuid: Type.String({ format: 'uuid', description: 'Unieke resource identifier (UUID4)' }),
      }),
      responses: { 200: { description: 'OK', schema: AuditTrail } },
      async handler({ params, auth, apiRoot }) {
        const zaak = await readableForAudit(params.zaak_uuid, auth, apiRoot);
        const entry = (await auditTrail(database.db, zaak.url)).find((e) => e.uuid === params.uuid.toLowerCase());
        if (!entry) throw notFound(`Audit trail regel ${params.uuid} bestaat niet.`);
        return { status: 200, body: auditToApi(entry) };
      },
    }),
  ];

  /** The zaak of an audit trail: 404 when gone and never audited, 403 outside the client's audittrails.lezen grants. */
  async function readableForAudit(uuid: string, auth: Authorization, apiRoot: string): Promise<{ url: string }> {
    const row = await existing(uuid);
    const fields = fieldsOf(row, apiRoot);
    if (!mayAccess(auth, { zaaktype: fields.zaaktype, vertrouwelijkheidaanduiding: fields.vertrouwelijkheidaanduiding }, [AUDITTRAILS_LEZEN])) {
      throw permissionDenied('Je hebt geen toestemming om de audit trail van deze zaak te lezen.');
    }
    return { url: zaakUrl(apiRoot, row.uuid) };
  }
}

function identificatieNietUniek() {
  return validationError([{ name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze bronorganisatie.' }]);
}

/** The audit trail's `bron` is the component code in lower case, as the standard's enum has it. */
function auditToApi(entry: Awaited<ReturnType<typeof auditTrail>>[number]) {
  return { ...entry, bron: entry.bron.toLowerCase() };
}

/**
 * The attributes after a write: what the body gives, else the current value (PUT and PATCH
 * alike, as the reference implementation updates only what is sent), else the default.
 * Setting the betalingsindicatie to `nvt` clears the laatsteBetaaldatum (zrc-014).
 */
function merge(body: Body, current: ZaakFields | undefined): ZaakFields {
  const pick = <K extends keyof ZaakFields>(key: K, fallback: ZaakFields[K]): ZaakFields[K] => (body[key] !== undefined ? (body[key] as ZaakFields[K]) : current ? current[key] : fallback);
  const today = new Date().toISOString().slice(0, 10);
  const betalingsindicatie = pick('betalingsindicatie', '');
  const nvtNow = betalingsindicatie === 'nvt' && body.betalingsindicatie !== undefined && body.laatsteBetaaldatum === undefined;
  return {
    identificatie: pick('identificatie', ''),
    bronorganisatie: pick('bronorganisatie', ''),
    omschrijving: pick('omschrijving', ''),
    toelichting: pick('toelichting', ''),
    zaaktype: current?.zaaktype && body.zaaktype === undefined ? current.zaaktype : (body.zaaktype as string),
    registratiedatum: pick('registratiedatum', today),
    verantwoordelijkeOrganisatie: pick('verantwoordelijkeOrganisatie', ''),
    startdatum: pick('startdatum', today),
    einddatumGepland: pick('einddatumGepland', null),
    uiterlijkeEinddatumAfdoening: pick('uiterlijkeEinddatumAfdoening', null),
    publicatiedatum: pick('publicatiedatum', null),
    communicatiekanaal: pick('communicatiekanaal', ''),
    productenOfDiensten: pick('productenOfDiensten', []),
    vertrouwelijkheidaanduiding: pick('vertrouwelijkheidaanduiding', 'openbaar'),
    betalingsindicatie,
    laatsteBetaaldatum: nvtNow ? null : pick('laatsteBetaaldatum', null),
    zaakgeometrie: pick('zaakgeometrie', null),
    verlenging: pick('verlenging', null),
    opschorting: pick('opschorting', null),
    selectielijstklasse: pick('selectielijstklasse', ''),
    hoofdzaakId: body.hoofdzaak === null ? null : (current?.hoofdzaakId ?? null),
    relevanteAndereZaken: pick('relevanteAndereZaken', []),
    kenmerken: pick('kenmerken', []),
    archiefnominatie: pick('archiefnominatie', null) || null,
    archiefstatus: pick('archiefstatus', 'nog_te_archiveren'),
    archiefactiedatum: pick('archiefactiedatum', null),
    opdrachtgevendeOrganisatie: pick('opdrachtgevendeOrganisatie', ''),
    processobjectaard: pick('processobjectaard', null),
    startdatumBewaartermijn: pick('startdatumBewaartermijn', null),
    processobject: pick('processobject', null),
  };
}

const RELATED_BESLUITEN: InvalidParam = {
  name: 'nonFieldErrors',
  code: 'related-besluiten',
  reason: 'De zaak of een deelzaak heeft besluiten. Die moeten eerst in de Besluiten API verwijderd (of van de zaak losgemaakt) worden voordat de zaak verwijderd kan worden.',
};

/** Whether the zaak or one of its deelzaken (deleted with it) has a zaakbesluit. */
async function hasBesluiten(tx: Tx, zaakId: number): Promise<boolean> {
  const found = await tx
    .selectFrom('zaken.zaakbesluit as zb')
    .innerJoin('zaken.zaak as zaak', 'zaak.id', 'zb.zaak_id')
    .select('zb.id')
    .where((eb) => eb.or([eb('zaak.id', '=', zaakId), eb('zaak.hoofdzaak_id', '=', zaakId)]))
    .executeTakeFirst();
  return found !== undefined;
}
