/**
 * The operations on catalogussen, and what the Catalogi API's operations share. Every
 * mutation is one transaction with its audit record (component `ztc`); catalogussen have no
 * notification kanaal.
 */
import { pageEnvelope } from '../../platform/http/pagination.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Database, Tx } from '../../platform/db/database.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { Catalogus, CatalogusExpanded, CatalogusUpdate, PaginatedList, PatchedCatalogus } from './schemas.ts';
import * as repository from './repository.ts';
import { catalogusTaken, checkRsin } from './rules.ts';
import { EXPAND, expandFields, LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';

export const LEZEN = ['catalogi.lezen'];
export const SCHRIJVEN = ['catalogi.schrijven'];
export const BIJWERKEN = ['catalogi.schrijven', 'catalogi.geforceerd-schrijven'];
export const VERWIJDEREN = ['catalogi.schrijven', 'catalogi.geforceerd-verwijderen'];
const UNIQUE_VIOLATION = '23505';

export type Actie = 'create' | 'update' | 'partial_update' | 'destroy';

/**
 * Whether a client may correct what the concept rules protect (non-concept-object,
 * non-concept-zaaktype, non-concept-relation): Catalogi 1.2 added `catalogi.geforceerd-schrijven`
 * for corrections, which change (update, partial update) an existing object, and
 * `catalogi.geforceerd-verwijderen` for deletes. Creating is no correction: a new object under
 * or related to a published one is refused whatever the scopes (ztc-011, where the suite's
 * all-rights client is refused).
 */
export function forcedCorrection(auth: Authorization, actie: Actie): boolean {
  if (actie === 'create') return false;
  return auth.hasScope('ztc', actie === 'destroy' ? 'catalogi.geforceerd-verwijderen' : 'catalogi.geforceerd-schrijven');
}

/** A comma-separated query parameter (`domein__in=a,b`) as a list; undefined when absent. */
export function listParam(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The ZGW list envelope for one page of `path` under `apiRoot`. */
export function pageOf<T>(apiRoot: string, path: string, request: FastifyRequest, page: number, count: number, results: T[]) {
  return pageEnvelope(`${apiRoot}${path}`, request, page, count, results);
}

export const urls = (apiRoot: string) => ({
  catalogus: (uuid: string) => `${apiRoot}/catalogussen/${uuid}`,
  informatieobjecttype: (uuid: string) => `${apiRoot}/informatieobjecttypen/${uuid}`,
  besluittype: (uuid: string) => `${apiRoot}/besluittypen/${uuid}`,
  zaaktype: (uuid: string) => `${apiRoot}/zaaktypen/${uuid}`,
});

/** The uuid of one of our own resources from its URL (any host), or undefined. */
export function ownUuid(url: string, collection: string): string | undefined {
  const match = new RegExp(`/catalogi/api/v1/${collection}/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i').exec(url);
  return match?.[1]?.toLowerCase();
}

export function catalogusToApi(c: repository.CatalogusView, apiRoot: string): Catalogus {
  const u = urls(apiRoot);
  return {
    url: u.catalogus(c.uuid),
    domein: c.domein,
    rsin: c.rsin,
    contactpersoonBeheerNaam: c.contactpersoonBeheerNaam,
    contactpersoonBeheerTelefoonnummer: c.contactpersoonBeheerTelefoonnummer,
    contactpersoonBeheerEmailadres: c.contactpersoonBeheerEmailadres,
    zaaktypen: c.zaaktypen.map(u.zaaktype),
    besluittypen: c.besluittypen.map((b) => u.besluittype(b.uuid)),
    besluittypeOmschrijving: [...new Set(c.besluittypen.map((b) => b.omschrijving))],
    informatieobjecttypen: c.informatieobjecttypen.map((i) => u.informatieobjecttype(i.uuid)),
    informatieobjecttypeOmschrijving: [...new Set(c.informatieobjecttypen.map((i) => i.omschrijving))],
    naam: c.naam,
    versie: c.versie,
    begindatumVersie: c.begindatumVersie,
  };
}

export interface CatalogiDeps {
  database: Database;
  /** Resources related to a catalogus for `expand`, filled in by the other resources' operations. */
  expandCatalogus?: (view: repository.CatalogusView, fields: string[], apiRoot: string) => Promise<Record<string, unknown>>;
}

function fromBody(uuid: string, body: { domein: string; rsin: string; contactpersoonBeheerNaam: string; contactpersoonBeheerTelefoonnummer?: string; contactpersoonBeheerEmailadres?: string; naam?: string | null; versie?: string | null; begindatumVersie?: string | null }): repository.CatalogusRecord {
  return {
    uuid,
    domein: body.domein,
    rsin: body.rsin,
    contactpersoonBeheerNaam: body.contactpersoonBeheerNaam,
    contactpersoonBeheerTelefoonnummer: body.contactpersoonBeheerTelefoonnummer ?? '',
    contactpersoonBeheerEmailadres: body.contactpersoonBeheerEmailadres ?? '',
    naam: body.naam ?? null,
    versie: body.versie ?? null,
    begindatumVersie: body.begindatumVersie ?? null,
  };
}

export function catalogusOperations({ database, expandCatalogus }: CatalogiDeps): Operation[] {
  const TAGS = ['catalogussen'];
  const EXPANDABLE = ['zaaktypen', 'besluittypen', 'informatieobjecttypen'];

  async function existing(uuid: string) {
    const found = await repository.findCatalogus(database.db, uuid);
    if (!found) throw notFound(`Catalogus ${uuid} bestaat niet.`);
    return found;
  }

  async function expanded(view: repository.CatalogusView, fields: string[], apiRoot: string) {
    const body: Record<string, unknown> = catalogusToApi(view, apiRoot);
    if (fields.length) body._expand = expandCatalogus ? await expandCatalogus(view, fields, apiRoot) : Object.fromEntries(fields.map((f) => [f, []]));
    return body;
  }

  async function save(auth: Authorization, apiRoot: string, record: repository.CatalogusRecord, actie: 'create' | 'update' | 'partial_update', oud?: Catalogus) {
    const errors: InvalidParam[] = checkRsin(record.rsin);
    const url = urls(apiRoot).catalogus(record.uuid);
    try {
      const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
        errors.push(...catalogusTaken(await repository.catalogusTaken(tx, record)));
        if (errors.length) throw validationError(errors);
        await repository.saveCatalogus(tx, record);
        const nieuw = catalogusToApi((await repository.findCatalogus(tx, record.uuid))!, apiRoot);
        await writeAudit(tx, auth, { component: 'ztc', hoofdObject: url, resource: 'catalogus', resourceUrl: url, resourceWeergave: `${record.domein} - ${record.rsin}`, actie, resultaat: actie === 'create' ? 201 : 200, oud, nieuw });
        return nieuw;
      });
      return actie === 'create' ? { status: 201, body: nieuw, headers: { Location: url } } : { status: 200, body: nieuw };
    } catch (error) {
      // Two requests creating the same domein and rsin at once: the second loses at the database.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw validationError(catalogusTaken(true));
      throw error;
    }
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/catalogussen',
      operationId: 'catalogus_list',
      summary: 'Alle CATALOGUSsen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: LEZEN,
      query: Type.Object({
        domein: Type.Optional(Type.String({ description: 'domein' })),
        domein__in: Type.Optional(Type.String({ description: 'domein__in' })),
        rsin: Type.Optional(Type.String({ description: 'rsin' })),
        rsin__in: Type.Optional(Type.String({ description: 'rsin__in' })),
        page: Type.Optional(PAGE),
        expand: Type.Optional(EXPAND),
      }),
      responses: { 200: { description: 'OK', schema: PaginatedList('PaginatedCatalogusList', CatalogusExpanded) } },
      async handler({ query, apiRoot, request }) {
        const fields = expandFields(query.expand, EXPANDABLE);
        const page = query.page ?? 1;
        const both = (one: string | undefined, many: string | undefined) => (one === undefined && many === undefined ? undefined : [...(one === undefined ? [] : [one]), ...(listParam(many) ?? [])]);
        const { count, results } = await repository.listCatalogussen(database.db, { domein: both(query.domein, query.domein__in), rsin: both(query.rsin, query.rsin__in), page });
        const body = await Promise.all(results.map((c) => expanded(c, fields, apiRoot)));
        return { status: 200, body: pageOf(apiRoot, '/catalogussen', request, page, count, body) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/catalogussen',
      operationId: 'catalogus_create',
      summary: 'Maak een CATALOGUS aan.',
      description: 'Maak een CATALOGUS aan.',
      tags: TAGS,
      scopes: SCHRIJVEN,
      body: Catalogus,
      responses: { 201: { description: 'Created', schema: Catalogus, headers: LOCATION } },
      handler: ({ body, auth, apiRoot }) => save(auth, apiRoot, fromBody(randomUUID(), body), 'create'),
    }),
    defineOperation({
      method: 'GET',
      path: '/catalogussen/{uuid}',
      operationId: 'catalogus_retrieve',
      summary: 'Een specifieke CATALOGUS opvragen.',
      description: 'Een specifieke CATALOGUS opvragen.',
      tags: TAGS,
      scopes: LEZEN,
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: CatalogusExpanded } },
      head: { operationId: 'catalogus_headers', summary: 'De headers voor een specifiek(e) CATALOGUS opvragen ' },
      etag: true,
      async handler({ params, query, apiRoot }) {
        const fields = expandFields(query.expand, EXPANDABLE);
        return { status: 200, body: await expanded(await existing(params.uuid), fields, apiRoot) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/catalogussen/{uuid}',
      operationId: 'catalogus_update',
      summary: 'Werk een CATALOGUS in zijn geheel bij.',
      description: 'Werk een CATALOGUS in zijn geheel bij.',
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      body: CatalogusUpdate,
      responses: { 200: { description: 'OK', schema: Catalogus } },
      async handler({ params, body, auth, apiRoot }) {
        const current = await existing(params.uuid);
        return save(auth, apiRoot, fromBody(current.uuid, body), 'update', catalogusToApi(current, apiRoot));
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: '/catalogussen/{uuid}',
      operationId: 'catalogus_partial_update',
      summary: 'Werk een CATALOGUS deels bij.',
      description: 'Werk een CATALOGUS deels bij.',
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      body: PatchedCatalogus,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: Catalogus } },
      async handler({ params, body, auth, apiRoot }) {
        const current = await existing(params.uuid);
        const merged = { ...current, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } as repository.CatalogusRecord;
        return save(auth, apiRoot, fromBody(current.uuid, merged), 'partial_update', catalogusToApi(current, apiRoot));
      },
    }),
  ];
}
