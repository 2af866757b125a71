/**
 * The operations of the versioned types informatieobjecttypen, besluittypen and zaaktypen: list
 * with the standard's filters (status defaults to `definitief`), create, read (ETag, HEAD,
 * expand), update, partial update, delete and `/publish`. A version is a concept until
 * published; afterwards only its eindeGeldigheid may change (ztc-009), and a concept related to
 * a published type is held the same way (ztc-010, ztc-011), unless as a correction with a
 * geforceerd scope. Versions with the same key in a catalogus may not overlap.
 * Each mutation is one transaction with its audit record and its notification.
 */
import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import type { Database, Tx } from '../../platform/db/database.ts';
import { defineOperation, type HandlerResult, type Operation, type ResponseSpec } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { writeAudit, type AuditActie } from '../../platform/audit/audit.ts';
import { enqueueNotificatie } from '../../platform/events/outbox.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { PaginatedList, Unspecified } from './schemas.ts';
import * as repository from './repository.ts';
import { checkConcept, checkOverlap, nonConceptRelation, onlyEindeGeldigheid } from './rules.ts';
import { type Actie, BIJWERKEN, forcedCorrection, LEZEN, ownUuid, pageOf, SCHRIJVEN, urls, VERWIJDEREN } from './routes.ts';
import { EXPAND, expandFields, LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';

export const STATUS = Type.String({
  description:
    'filter objects depending on their concept status:\n* `alles`: Toon objecten waarvan het attribuut `concept` true of false is.\n* `concept`: Toon objecten waarvan het attribuut `concept` true is.\n* `definitief`: Toon objecten waarvan het attribuut `concept` false is (standaard).\n',
});
export const DATUM_GELDIGHEID = Type.String({ description: 'filter objecten op hun geldigheids datum.' });

const today = () => new Date().toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Body = Record<string, unknown>;

export interface VersionedConfig {
  table: repository.VersionedTable;
  collection: 'informatieobjecttypen' | 'besluittypen' | 'zaaktypen';
  resource: 'informatieobjecttype' | 'besluittype' | 'zaaktype';
  soort: string;
  /** The attribute the versions share: omschrijving, or identificatie for zaaktypen. */
  keyField: 'omschrijving' | 'identificatie';
  /** Checks needing no transaction (a remote resource), run before it. */
  check?(body: Body, apiRoot: string): Promise<InvalidParam[]>;
  /** Preconditions of publishing, in its transaction. */
  publishable?(tx: Tx, v: repository.VersionRecord): Promise<InvalidParam[]>;
  /**
   * The kinds of related types that are published (ztc-010, ztc-011: `non-concept-relation`):
   * for a create what `next` names, for a change what `current` or `next` names, for a delete
   * what `current` names or is named by. `body` is the request's, for relations it names
   * without keeping them.
   */
  publishedRelations(tx: Tx, actie: Actie, next: repository.VersionRecord, current: repository.VersionRecord | undefined, body: Body): Promise<string[]>;
  /** Writable attributes other than catalogus, omschrijving, begin- and eindeGeldigheid, merged over the current ones. */
  data(body: Body, current: Record<string, unknown> | undefined, apiRoot: string): Record<string, unknown>;
  /** Resolves relations given in the body into `data` (by omschrijving); returns what is wrong. */
  relations?(tx: Tx, body: Body, catalogus: string, data: Record<string, unknown>): Promise<InvalidParam[]>;
  toApi(db: Database['db'] | Tx, v: repository.VersionRecord, apiRoot: string, date: string): Promise<Record<string, unknown>>;
  expandable: string[];
  expand(db: Database['db'], v: repository.VersionRecord, api: Record<string, unknown>, fields: string[], apiRoot: string, date: string): Promise<Record<string, unknown>>;
  schemas: {
    read: TSchema;
    expanded: TSchema;
    listName: string;
    createBody: TSchema;
    createResponse: TSchema;
    updateBody: TSchema;
    /** What the standard documents where it differs from what is enforced. */
    documented: {
      createBody?: TSchema;
      create?: Record<number, ResponseSpec>;
      update?: { body?: TSchema; bodyRequired?: boolean; responses?: Record<number, ResponseSpec> };
      patch: { body?: TSchema; responses?: Record<number, ResponseSpec> };
      destroy: Record<number, ResponseSpec>;
      publish?: { body?: TSchema; bodyRequired?: boolean };
    };
  };
  listQuery: Record<string, TSchema>;
  /** Zaaktypen: a retrieve may take `datumGeldigheid`, the date the related URLs are valid on. */
  retrieveDatumGeldigheid?: boolean;
  /** Extra list filters from the query (besluittypen: informatieobjecttypen). */
  listFilter?(db: Database['db'], query: Record<string, string>): Promise<Partial<repository.VersionFilter> | 'none'>;
  summaries: { list: string; create: string; read: string; head: string; update: string; patch: string; destroy: string; publish: string };
}

export const UNSPECIFIED_BODY = Unspecified('Unspecified request body');
export const UNSPECIFIED_RESPONSE = { 200: { description: 'OK', schema: Unspecified('Unspecified response body') } };

export function versionedOperations(database: Database, config: VersionedConfig): Operation[] {
  const { table, collection, resource } = config;
  const TAGS = [collection];
  const url = (apiRoot: string, uuid: string) => `${apiRoot}/${collection}/${uuid}`;

  async function existing(uuid: string) {
    const found = await repository.findVersion(database.db, table, uuid);
    if (!found) throw notFound(`${config.soort} ${uuid} bestaat niet.`);
    return found;
  }

  /** Audits and announces one change in the current transaction. */
  async function record(tx: Tx, auth: Authorization, apiRoot: string, v: repository.VersionRecord, actie: AuditActie, notificatieActie: string, resultaat: number, oud?: unknown, nieuw?: unknown, toelichting?: string) {
    const self = url(apiRoot, v.uuid);
    await writeAudit(tx, auth, { component: 'ztc', hoofdObject: self, resource, resourceUrl: self, resourceWeergave: v.key, actie, resultaat, oud, nieuw, toelichting });
    await enqueueNotificatie(tx, { kanaal: collection, hoofdObject: self, resource, resourceUrl: self, actie: notificatieActie, kenmerken: { catalogus: urls(apiRoot).catalogus(v.catalogus) } });
  }

  async function save(auth: Authorization, apiRoot: string, body: Body, actie: 'create' | 'update' | 'partial_update', current?: repository.VersionRecord): Promise<HandlerResult> {
    const errors: InvalidParam[] = [];
    // The concept rules give way to a new eindeGeldigheid only (ztc-009) and to a correction.
    const waived = onlyEindeGeldigheid(actie, Object.keys(body)) || forcedCorrection(auth, actie);
    if (current) {
      const published = checkConcept(current.concept, waived);
      if (published.length) throw validationError(published);
    }
    const catalogusUrl = body.catalogus as string | undefined;
    let catalogus = current?.catalogus;
    if (catalogusUrl !== undefined) catalogus = ownUuid(catalogusUrl, 'catalogussen');
    const v: repository.VersionRecord = {
      uuid: current?.uuid ?? randomUUID(),
      catalogus: catalogus ?? '',
      key: (body[config.keyField] as string | undefined) ?? current?.key ?? '',
      beginGeldigheid: (body.beginGeldigheid as string | undefined) ?? current!.beginGeldigheid,
      eindeGeldigheid: body.eindeGeldigheid !== undefined ? (body.eindeGeldigheid as string | null) : (current?.eindeGeldigheid ?? null),
      concept: current?.concept ?? true,
      data: config.data(body, current?.data, apiRoot),
    };
    if (config.check) errors.push(...(await config.check(body, apiRoot)));
    const self = url(apiRoot, v.uuid);
    const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
      if (!catalogus || !(await repository.catalogusExists(tx, catalogus))) {
        errors.push({ name: 'catalogus', code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' });
      } else {
        if (config.relations) errors.push(...(await config.relations(tx, body, catalogus, v.data)));
        // A precondition of the whole change, so reported first.
        if (!waived) errors.unshift(...nonConceptRelation(await config.publishedRelations(tx, actie, v, current, body)));
        // ztc-016: published versions may not overlap (a published one may still get a new eindeGeldigheid).
        if (!v.concept) errors.push(...checkOverlap(await repository.overlappingVersions(tx, table, v), config.soort));
      }
      if (errors.length) throw validationError(errors);
      await repository.saveVersion(tx, table, v);
      const nieuw = await config.toApi(tx, v, apiRoot, today());
      await record(tx, auth, apiRoot, v, actie, actie, actie === 'create' ? 201 : 200, current ? await config.toApi(tx, current, apiRoot, today()) : undefined, nieuw);
      return nieuw;
    });
    return actie === 'create' ? { status: 201, body: nieuw, headers: { Location: self } } : { status: 200, body: nieuw };
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
      query: Type.Object({ ...config.listQuery, status: Type.Optional(STATUS), datumGeldigheid: Type.Optional(DATUM_GELDIGHEID), page: Type.Optional(PAGE), expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: PaginatedList(config.schemas.listName, config.schemas.expanded) } },
      async handler({ query, apiRoot, request }) {
        const q = query as Record<string, string | undefined> & { page?: number };
        const fields = expandFields(q.expand, config.expandable);
        const errors: InvalidParam[] = [];
        const status = q.status ?? 'definitief';
        if (!['alles', 'concept', 'definitief'].includes(status)) errors.push({ name: 'status', code: 'invalid_choice', reason: 'Kies uit alles, concept, definitief.' });
        if (q.datumGeldigheid !== undefined && !DATE.test(q.datumGeldigheid)) errors.push({ name: 'datumGeldigheid', code: 'invalid', reason: 'Voer een geldige datum in (YYYY-MM-DD).' });
        if (errors.length) throw validationError(errors);
        const page = q.page ?? 1;
        let catalogus: string | undefined;
        const extra = config.listFilter ? await config.listFilter(database.db, q as Record<string, string>) : {};
        if (q.catalogus !== undefined) catalogus = ownUuid(q.catalogus, 'catalogussen') ?? 'none';
        const date = q.datumGeldigheid ?? today();
        const { count, results } =
          extra === 'none' || catalogus === 'none'
            ? { count: 0, results: [] }
            : await repository.listVersions(database.db, table, { catalogus, key: q[config.keyField], status: status as repository.VersionFilter['status'], datumGeldigheid: q.datumGeldigheid, page, ...extra });
        const body = await Promise.all(
          results.map(async (v) => {
            const api = await config.toApi(database.db, v, apiRoot, date);
            return fields.length ? { ...api, _expand: await config.expand(database.db, v, api, fields, apiRoot, date) } : api;
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
      body: config.schemas.createBody,
      responses: { 201: { description: 'Created', schema: config.schemas.createResponse, headers: LOCATION } },
      document: { body: config.schemas.documented.createBody, responses: config.schemas.documented.create },
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
      query: Type.Object({ ...(config.retrieveDatumGeldigheid ? { datumGeldigheid: Type.Optional(DATUM_GELDIGHEID) } : {}), expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: config.schemas.expanded } },
      head: { operationId: `${resource}_headers`, summary: config.summaries.head },
      etag: true,
      async handler({ params, query, apiRoot }) {
        const q = query as { expand?: string; datumGeldigheid?: string };
        const fields = expandFields(q.expand, config.expandable);
        if (q.datumGeldigheid !== undefined && !DATE.test(q.datumGeldigheid)) throw validationError([{ name: 'datumGeldigheid', code: 'invalid', reason: 'Voer een geldige datum in (YYYY-MM-DD).' }]);
        const date = q.datumGeldigheid ?? today();
        const v = await existing(params.uuid);
        const api = await config.toApi(database.db, v, apiRoot, date);
        return { status: 200, body: fields.length ? { ...api, _expand: await config.expand(database.db, v, api, fields, apiRoot, date) } : api };
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
      body: config.schemas.updateBody,
      responses: { 200: { description: 'OK', schema: config.schemas.read } },
      document: config.schemas.documented.update,
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
      body: config.schemas.updateBody,
      responses: { 200: { description: 'OK', schema: config.schemas.read } },
      document: { ...config.schemas.documented.patch, bodyRequired: false },
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
      document: { responses: config.schemas.documented.destroy },
      async handler({ params, auth, apiRoot }) {
        const current = await existing(params.uuid);
        const forced = forcedCorrection(auth, 'destroy');
        const published = checkConcept(current.concept, forced);
        if (published.length) throw validationError(published);
        await database.db.transaction().execute(async (tx: Tx) => {
          const related = forced ? [] : nonConceptRelation(await config.publishedRelations(tx, 'destroy', current, current, {}));
          if (related.length) throw validationError(related);
          const oud = await config.toApi(tx, current, apiRoot, today());
          await repository.deleteVersion(tx, table, current.uuid);
          await record(tx, auth, apiRoot, current, 'destroy', 'destroy', 204, oud);
        });
        return { status: 204 };
      },
    }),
    defineOperation({
      method: 'POST',
      path: `/${collection}/{uuid}/publish`,
      operationId: `${resource}_publish`,
      summary: config.summaries.publish,
      description: `Publiceren van het ${resource} zorgt ervoor dat dit buiten de Catalogi API gebruikt kan worden. Na het publiceren zijn geen inhoudelijke wijzigingen meer mogelijk; maak daarvoor een nieuwe versie aan.`,
      tags: TAGS,
      scopes: SCHRIJVEN,
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: config.schemas.read } },
      document: config.schemas.documented.publish,
      async handler({ params, auth, apiRoot }) {
        const current = await existing(params.uuid);
        const published = { ...current, concept: false };
        const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
          const errors = [...((await config.publishable?.(tx, published)) ?? []), ...checkOverlap(await repository.overlappingVersions(tx, table, published), config.soort)];
          if (errors.length) throw validationError(errors);
          await repository.saveVersion(tx, table, published);
          const nieuw = await config.toApi(tx, published, apiRoot, today());
          await record(tx, auth, apiRoot, published, 'partial_update', 'publish', 200, await config.toApi(tx, current, apiRoot, today()), nieuw, 'Gepubliceerd');
          return nieuw;
        });
        return { status: 200, body: nieuw };
      },
    }),
  ];
}
