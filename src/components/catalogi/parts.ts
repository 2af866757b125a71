/**
 * The operations of the parts of a zaaktype version: statustypen, roltypen, eigenschappen,
 * zaaktype-informatieobjecttypen, zaakobjecttypen and resultaattypen. A part belongs to one
 * zaaktype version; while that is published it cannot be created, changed or deleted (ztc-010,
 * ztc-011, code `non-concept-zaaktype`; a zaaktype-informatieobjecttype has its own rule, see
 * `conceptRule`), unless changed or deleted as a correction with a geforceerd scope. Its
 * geldigheid is the zaaktype's. Each mutation is one transaction with its audit record, under
 * the zaaktype as main object; the standard names no notification for parts.
 */
import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import type { Database, Db, Tx } from '../../platform/db/database.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { writeAudit, type AuditActie } from '../../platform/audit/audit.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { PaginatedList } from './schemas.ts';
import * as repository from './repository.ts';
import { checkZaaktypeConcept, volgnummerTaken } from './rules.ts';
import { BIJWERKEN, forcedCorrection, LEZEN, ownUuid, pageOf, SCHRIJVEN, VERWIJDEREN } from './routes.ts';
import { EXPAND, expandFields, LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';
import { DATUM_GELDIGHEID, STATUS } from './versioned.ts';

type Body = Record<string, unknown>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNIQUE_VIOLATION = '23505';

export interface PartConfig {
  table: repository.PartTable;
  collection: 'statustypen' | 'roltypen' | 'eigenschappen' | 'zaaktype-informatieobjecttypen' | 'zaakobjecttypen' | 'resultaattypen';
  resource: 'statustype' | 'roltype' | 'eigenschap' | 'zaaktypeinformatieobjecttype' | 'zaakobjecttype' | 'resultaattype';
  /** The attributes kept, from the body over the current ones. */
  data(body: Body, current: Record<string, unknown> | undefined): Record<string, unknown>;
  /** Lookups elsewhere (a remote resource), before the transaction; `context` goes to `check`. */
  before?(data: Record<string, unknown>, apiRoot: string): Promise<{ errors: InvalidParam[]; context?: unknown }>;
  /**
   * When the part may not be created, changed or deleted for the concept state of what it
   * belongs to; by default while its zaaktype is published (`non-concept-zaaktype`).
   */
  conceptRule?(db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord): Promise<InvalidParam[]>;
  /** Rules needing the database, in the transaction. */
  check?(tx: Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, context: unknown): Promise<InvalidParam[]>;
  toApi(db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>>;
  expandable: string[];
  expand(db: Db, part: repository.PartRecord, zaaktype: repository.VersionRecord, fields: string[], apiRoot: string): Promise<Record<string, unknown>>;
  /** `create`/`update`: the request bodies where they differ from `read`; `updated`: the PUT answer. */
  schemas: { read: TSchema; expanded: TSchema; listName: string; patch: TSchema; create?: TSchema; update?: TSchema; updated?: TSchema };
  /** Extra list filters on string attributes (roltypen: omschrijvingGeneriek); `resolve` turns the query value into the stored one. */
  equalsFilters?: { name: string; schema: TSchema; resolve?(db: Db, value: string): Promise<string | undefined> }[];
  /** The standard's list filters on the zaaktype, besides `zaaktype`; without `status` every part is listed. */
  zaaktypeFilters: ('zaaktypeIdentificatie' | 'status' | 'datumGeldigheid' | 'catalogus' | 'datumBeginGeldigheid' | 'datumEindeGeldigheid')[];
  /** Resultaattypen also take `zaaktype_identificatie` and `datum_geldigheid`, and document `zaaktype` without format, as the standard lists them. */
  snakeCaseAliases?: boolean;
  summaries: { list: string; create: string; read: string; head: string; update: string; patch: string; destroy: string };
}

export function partOperations(database: Database, config: PartConfig): Operation[] {
  const { table, collection, resource } = config;
  const TAGS = [collection];
  const url = (apiRoot: string, uuid: string) => `${apiRoot}/${collection}/${uuid}`;

  async function existing(uuid: string) {
    const part = await repository.findPart(database.db, table, uuid);
    if (!part) throw notFound(`${resource} ${uuid} bestaat niet.`);
    const zaaktype = (await repository.findVersion(database.db, 'zaaktype', part.zaaktype))!;
    return { part, zaaktype };
  }

  async function audit(tx: Tx, auth: Authorization, apiRoot: string, part: repository.PartRecord, actie: AuditActie, resultaat: number, oud?: unknown, nieuw?: unknown) {
    await writeAudit(tx, auth, {
      component: 'ztc',
      hoofdObject: `${apiRoot}/zaaktypen/${part.zaaktype}`,
      resource,
      resourceUrl: url(apiRoot, part.uuid),
      resourceWeergave: String(part.data.omschrijving ?? ''),
      actie,
      resultaat,
      oud,
      nieuw,
    });
  }

  const conceptRule = (db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord) =>
    config.conceptRule ? config.conceptRule(db, part, zaaktype) : Promise.resolve(checkZaaktypeConcept(zaaktype.concept));

  async function save(auth: Authorization, apiRoot: string, body: Body, actie: 'create' | 'update' | 'partial_update', current?: { part: repository.PartRecord; zaaktype: repository.VersionRecord }) {
    const zaaktypeUuid = body.zaaktype !== undefined ? ownUuid(body.zaaktype as string, 'zaaktypen') : current?.part.zaaktype;
    const part: repository.PartRecord = { uuid: current?.part.uuid ?? randomUUID(), zaaktype: zaaktypeUuid ?? '', data: config.data(body, current?.part.data) };
    const prepared = config.before ? await config.before(part.data, apiRoot) : { errors: [] };
    const nieuw = await database.db
      .transaction()
      .execute(async (tx: Tx) => {
        const errors = [...prepared.errors];
        const zaaktype = zaaktypeUuid ? await repository.findVersion(tx, 'zaaktype', zaaktypeUuid) : undefined;
        if (!zaaktype) errors.push({ name: 'zaaktype', code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' });
        else if (config.check) errors.push(...(await config.check(tx, part, zaaktype, prepared.context)));
        // The concept rule, before and after the change, is a precondition of it: reported first.
        if (!forcedCorrection(auth, actie)) {
          const concept = [...(current ? await conceptRule(tx, current.part, current.zaaktype) : []), ...(zaaktype ? await conceptRule(tx, part, zaaktype) : [])];
          errors.unshift(...concept.slice(0, 1));
        }
        if (errors.length) throw validationError(errors);
        await repository.savePart(tx, table, part);
        const nieuw = await config.toApi(tx, part, zaaktype!, apiRoot);
        await audit(tx, auth, apiRoot, part, actie, actie === 'create' ? 201 : 200, current ? await config.toApi(tx, current.part, current.zaaktype, apiRoot) : undefined, nieuw);
        return nieuw;
      })
      .catch((error: { code?: string }) => {
        // Two statustypen claiming one volgnummer at once: the second loses at the database.
        if (error.code === UNIQUE_VIOLATION) throw validationError(volgnummerTaken(true));
        throw error;
      });
    return actie === 'create' ? { status: 201, body: nieuw, headers: { Location: url(apiRoot, part.uuid) } } : { status: 200, body: nieuw };
  }

  return [
    defineOperation({
      method: 'GET',
      path: `/${collection}`,
      operationId: `${resource}_list`,
      summary: config.summaries.list,
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: LEZEN,
      query: Type.Object({
        zaaktype: Type.Optional(Type.String({ ...(config.snakeCaseAliases ? {} : { format: 'uri' }), description: 'URL-referentie naar het ZAAKTYPE.' })),
        ...(config.zaaktypeFilters.includes('zaaktypeIdentificatie') ? { zaaktypeIdentificatie: Type.Optional(Type.String({ description: 'zaaktype_identificatie' })) } : {}),
        ...(config.snakeCaseAliases ? { zaaktype_identificatie: Type.Optional(Type.String({ description: 'zaaktype_identificatie' })), datum_geldigheid: Type.Optional(DATUM_GELDIGHEID) } : {}),
        ...Object.fromEntries((config.equalsFilters ?? []).map((f) => [f.name, Type.Optional(f.schema)])),
        ...(config.zaaktypeFilters.includes('status') ? { status: Type.Optional(STATUS) } : {}),
        ...(config.zaaktypeFilters.includes('datumGeldigheid') ? { datumGeldigheid: Type.Optional(DATUM_GELDIGHEID) } : {}),
        ...(config.zaaktypeFilters.includes('catalogus') ? { catalogus: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de CATALOGUS.' })) } : {}),
        ...(config.zaaktypeFilters.includes('datumBeginGeldigheid') ? { datumBeginGeldigheid: Type.Optional(Type.String({ description: 'De datum waarop het is ontstaan.' })) } : {}),
        ...(config.zaaktypeFilters.includes('datumEindeGeldigheid') ? { datumEindeGeldigheid: Type.Optional(Type.String({ description: 'De datum waarop het is opgeheven.' })) } : {}),
        page: Type.Optional(PAGE),
        expand: Type.Optional(EXPAND),
      }),
      responses: { 200: { description: 'OK', schema: PaginatedList(config.schemas.listName, config.schemas.expanded) } },
      async handler({ query, apiRoot, request }) {
        const q = query as unknown as Record<string, string | undefined> & { page?: number };
        q.zaaktypeIdentificatie ??= q.zaaktype_identificatie;
        q.datumGeldigheid ??= q.datum_geldigheid;
        const fields = expandFields(q.expand, config.expandable);
        const errors: InvalidParam[] = [];
        const status = config.zaaktypeFilters.includes('status') ? (q.status ?? 'definitief') : 'alles';
        if (!['alles', 'concept', 'definitief'].includes(status)) errors.push({ name: 'status', code: 'invalid_choice', reason: 'Kies uit alles, concept, definitief.' });
        for (const name of ['datumGeldigheid', 'datumBeginGeldigheid', 'datumEindeGeldigheid']) {
          if (q[name] !== undefined && !DATE.test(q[name])) errors.push({ name, code: 'invalid', reason: 'Voer een geldige datum in (YYYY-MM-DD).' });
        }
        if (errors.length) throw validationError(errors);
        const page = q.page ?? 1;
        const zaaktype = q.zaaktype !== undefined ? (ownUuid(q.zaaktype, 'zaaktypen') ?? 'none') : undefined;
        const catalogus = q.catalogus !== undefined ? (ownUuid(q.catalogus, 'catalogussen') ?? 'none') : undefined;
        const equals: { field: string; value: string }[] = [];
        let none = zaaktype === 'none' || catalogus === 'none';
        for (const f of config.equalsFilters ?? []) {
          const given = q[f.name];
          if (given === undefined) continue;
          const value = f.resolve ? await f.resolve(database.db, given) : given;
          if (value === undefined) none = true;
          else equals.push({ field: f.name, value });
        }
        const { count, results } =
          none
            ? { count: 0, results: [] }
            : await repository.listParts(database.db, table, {
                zaaktype,
                zaaktypeIdentificatie: q.zaaktypeIdentificatie,
                catalogus,
                beginGeldigheid: q.datumBeginGeldigheid,
                eindeGeldigheid: q.datumEindeGeldigheid,
                status: status as repository.PartFilter['status'],
                datumGeldigheid: q.datumGeldigheid,
                equals,
                page,
              });
        const body = await Promise.all(
          results.map(async (part) => {
            const zt = (await repository.findVersion(database.db, 'zaaktype', part.zaaktype))!;
            const api = await config.toApi(database.db, part, zt, apiRoot);
            return fields.length ? { ...api, _expand: await config.expand(database.db, part, zt, fields, apiRoot) } : api;
          }),
        );
        return { status: 200, body: pageOf(apiRoot, `/${collection}`, request, page, count, body) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: `/${collection}`,
      operationId: `${resource}_create`,
      summary: config.summaries.create,
      description: config.summaries.create,
      tags: TAGS,
      scopes: SCHRIJVEN,
      body: config.schemas.create ?? config.schemas.read,
      responses: { 201: { description: 'Created', schema: config.schemas.read, headers: LOCATION } },
      handler: ({ body, auth, apiRoot }) => save(auth, apiRoot, body as Body, 'create'),
    }),
    defineOperation({
      method: 'GET',
      path: `/${collection}/{uuid}`,
      operationId: `${resource}_retrieve`,
      summary: config.summaries.read,
      description: config.summaries.read,
      tags: TAGS,
      scopes: LEZEN,
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: config.schemas.expanded } },
      head: { operationId: `${resource}_headers`, summary: config.summaries.head },
      etag: true,
      async handler({ params, query, apiRoot }) {
        const fields = expandFields(query.expand, config.expandable);
        const { part, zaaktype } = await existing(params.uuid);
        const api = await config.toApi(database.db, part, zaaktype, apiRoot);
        return { status: 200, body: fields.length ? { ...api, _expand: await config.expand(database.db, part, zaaktype, fields, apiRoot) } : api };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: `/${collection}/{uuid}`,
      operationId: `${resource}_update`,
      summary: config.summaries.update,
      description: config.summaries.update,
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      body: config.schemas.update ?? config.schemas.read,
      responses: { 200: { description: 'OK', schema: config.schemas.updated ?? config.schemas.read } },
      async handler({ params, body, auth, apiRoot }) {
        return save(auth, apiRoot, body as Body, 'update', await existing(params.uuid));
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: `/${collection}/{uuid}`,
      operationId: `${resource}_partial_update`,
      summary: config.summaries.patch,
      description: config.summaries.patch,
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      body: config.schemas.patch,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: config.schemas.read } },
      async handler({ params, body, auth, apiRoot }) {
        return save(auth, apiRoot, body as Body, 'partial_update', await existing(params.uuid));
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: `/${collection}/{uuid}`,
      operationId: `${resource}_destroy`,
      summary: config.summaries.destroy,
      description: config.summaries.destroy,
      tags: TAGS,
      scopes: VERWIJDEREN,
      params: UuidParams,
      responses: { 204: { description: 'No content' } },
      async handler({ params, auth, apiRoot }) {
        const { part, zaaktype } = await existing(params.uuid);
        await database.db.transaction().execute(async (tx: Tx) => {
          const errors = forcedCorrection(auth, 'destroy') ? [] : await conceptRule(tx, part, zaaktype);
          if (errors.length) throw validationError(errors);
          const oud = await config.toApi(tx, part, zaaktype, apiRoot);
          await repository.deletePart(tx, table, part.uuid);
          await audit(tx, auth, apiRoot, part, 'destroy', 204, oud);
        });
        return { status: 204 };
      },
    }),
  ];
}
