/**
 * Gebruiksrechten: conditions on using a document other than reading it. They are not
 * enforced by the API; they keep the document's `indicatieGebruiksrecht` in step: creating one
 * sets it to true, removing the last one sets it back to null (on the current version).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { Type } from '../../platform/http/schema.ts';
import { validationError } from '../../platform/http/problem.ts';
import { acceptingLocalDateTimes, parseDateTime } from '../../platform/http/date-time.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Gebruiksrechten, GebruiksrechtenExpanded, GebruiksrechtenRequest, PatchedGebruiksrechtenRequest } from './schemas.ts';
import * as repository from './repository.ts';
import { AANMAKEN, assertMay, auditToelichting, authorisedDocuments, BIJWERKEN, LEZEN, recordDocumentMutation, urlsFor, VERWIJDEREN, type Urls } from './access.ts';
import { documentRef } from './informatieobjecten.ts';
import { EXPAND, LOCATION, UuidParams } from '../../platform/http/parameters.ts';
import { deleteByUuid, documentFromUrl, expandInformatieobject, relationFields, subResourceOf } from './sub-resources.ts';
import type { DocumentenDeps } from './index.ts';

const TAGS = ['gebruiksrechten'];
// Clients send startdatum as the reference implementation accepts it, often without an offset.
const GebruiksrechtenBody = acceptingLocalDateTimes(GebruiksrechtenRequest);
const PatchedGebruiksrechtenBody = acceptingLocalDateTimes(PatchedGebruiksrechtenRequest);
const instant = (value: string | null | undefined) => (value === null || value === undefined ? null : parseDateTime(value)!.toISOString());
const DATE_FILTERS = ['startdatum__lt', 'startdatum__lte', 'startdatum__gt', 'startdatum__gte', 'einddatum__lt', 'einddatum__lte', 'einddatum__gt', 'einddatum__gte'] as const;
const OPERATORS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

interface Row {
  uuid: string;
  informatieobject_id: number;
  io_uuid: string;
  startdatum: Date | string;
  einddatum: Date | string | null;
  omschrijving_voorwaarden: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toApi(row: Row, urls: Urls): Gebruiksrechten {
  return {
    url: `${urls.apiRoot}/gebruiksrechten/${row.uuid}`,
    informatieobject: urls.document(row.io_uuid),
    startdatum: iso(row.startdatum),
    einddatum: row.einddatum === null ? null : iso(row.einddatum),
    omschrijvingVoorwaarden: row.omschrijving_voorwaarden,
  };
}

const selectRows = (db: DocumentenDeps['database']['db'] | Tx) =>
  db.selectFrom('documenten.gebruiksrechten as g').innerJoin('documenten.informatieobject as io', 'io.id', 'g.informatieobject_id').select(['g.uuid', 'g.informatieobject_id', 'io.uuid as io_uuid', 'g.startdatum', 'g.einddatum', 'g.omschrijving_voorwaarden']);

export function gebruiksrechtenOperations(deps: DocumentenDeps): Operation[] {
  const { database, references } = deps;
  const resource = subResourceOf(deps, 'gebruiksrechten', (db, uuid) => selectRows(db).where('g.uuid', '=', uuid).executeTakeFirst() as Promise<Row | undefined>);

  /** Sets the current version's indicatieGebruiksrecht from whether the document has gebruiksrechten. */
  async function syncIndicatie(tx: Tx, io: repository.InformatieobjectRow) {
    const current = (await repository.findInformatieobjectById(tx, io.id, { forUpdate: true }))!;
    const indicatie = (await repository.hasGebruiksrechten(tx, current)) ? true : null;
    await repository.updateVersie(tx, current, current.versie, { indicatieGebruiksrecht: indicatie });
  }

  async function save(auth: Authorization, urls: Urls, body: Record<string, unknown>, uuid: string, actie: 'create' | 'update' | 'partial_update', toelichting: string | undefined, oud?: Gebruiksrechten) {
    const io = await documentFromUrl(deps, urls, body.informatieobject as string);
    assertMay(auth, urls, io, actie === 'create' ? [AANMAKEN] : [BIJWERKEN]);
    const nieuw = await database.db.transaction().execute(async (tx) => {
      const values = { informatieobject_id: io.id, startdatum: instant(body.startdatum as string), einddatum: instant(body.einddatum as string | null | undefined), omschrijving_voorwaarden: body.omschrijvingVoorwaarden as string };
      if (actie === 'create') await tx.insertInto('documenten.gebruiksrechten').values({ uuid, ...values }).execute();
      else await tx.updateTable('documenten.gebruiksrechten').set(values).where('uuid', '=', uuid).execute();
      await syncIndicatie(tx, io);
      const nieuw = toApi((await selectRows(tx).where('g.uuid', '=', uuid).executeTakeFirst()) as Row, urls);
      await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'gebruiksrechten', resourceUrl: nieuw.url, resourceWeergave: `${nieuw.informatieobject} - ${nieuw.omschrijvingVoorwaarden.slice(0, 100)}`, actie, resultaat: actie === 'create' ? 201 : 200, oud, nieuw, toelichting });
      return nieuw;
    });
    return actie === 'create' ? { status: 201, body: nieuw, headers: { Location: nieuw.url } } : { status: 200, body: nieuw };
  }

  async function update(uuid: string, body: Record<string, unknown>, auth: Authorization, apiRoot: string, headers: Record<string, string | string[] | undefined>, partial: boolean) {
    const urls = urlsFor(references, apiRoot);
    const { row, io } = await resource.load(uuid);
    assertMay(auth, urls, io, [BIJWERKEN]);
    const oud = toApi(row, urls);
    const merged = { ...oud, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
    if (urls.ownUuid(merged.informatieobject, 'enkelvoudiginformatieobjecten') !== io.uuid) {
      throw validationError([{ name: 'informatieobject', code: 'wijzigen-niet-toegelaten', reason: 'Het informatieobject van gebruiksrechten mag niet gewijzigd worden.' }]);
    }
    return save(auth, urls, merged, uuid, partial ? 'partial_update' : 'update', auditToelichting(headers), oud);
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/gebruiksrechten',
      operationId: 'gebruiksrechten_list',
      summary: 'Alle GEBRUIKSRECHTen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [LEZEN],
      query: Type.Object({
        informatieobject: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het INFORMATIEOBJECT.' })),
        ...Object.fromEntries(
          DATE_FILTERS.map((name) => [
            name,
            Type.Optional(Type.String({ description: name.startsWith('start') ? 'Begindatum van de periode waarin de gebruiksrechtvoorwaarden van toepassing zijn. Doorgaans is de datum van creatie van het informatieobject de startdatum.' : 'Einddatum van de periode waarin de gebruiksrechtvoorwaarden van toepassing zijn.' })),
          ]),
        ),
        expand: Type.Optional(EXPAND),
      }),
      responses: { 200: { description: 'OK', schema: Type.Array(GebruiksrechtenExpanded) } },
      async handler({ query, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const expand = relationFields(query.expand);
        let rows = selectRows(database.db).where((eb) => authorisedDocuments(eb, auth, LEZEN, urls));
        if (query.informatieobject !== undefined) {
          const uuid = urls.ownUuid(query.informatieobject, 'enkelvoudiginformatieobjecten');
          if (!uuid) return { status: 200, body: [] };
          rows = rows.where('io.uuid', '=', uuid);
        }
        for (const name of DATE_FILTERS) {
          const value = (query as Record<string, string | undefined>)[name];
          if (value === undefined) continue;
          const time = parseDateTime(value);
          if (!time) throw validationError([{ name, code: 'invalid', reason: 'Voer een geldige datum/tijd in (ISO 8601).' }]);
          const [column, operator] = name.split('__') as ['startdatum' | 'einddatum', keyof typeof OPERATORS];
          rows = rows.where(sql.ref(`g.${column}`), OPERATORS[operator], time.toISOString());
        }
        const found = (await rows.orderBy('g.id').execute()) as Row[];
        return { status: 200, body: await Promise.all(found.map((r) => expandInformatieobject(deps, toApi(r, urls), r.io_uuid, expand, urls))) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/gebruiksrechten',
      operationId: 'gebruiksrechten_create',
      summary: 'Maak een GEBRUIKSRECHT aan.',
      description: 'Voeg GEBRUIKSRECHTen toe voor een INFORMATIEOBJECT.  \n**Opmerkingen**\n   - Het toevoegen van gebruiksrechten zorgt ervoor dat de  `indicatieGebruiksrecht` op het informatieobject op `true` gezet wordt.',
      tags: TAGS,
      scopes: [AANMAKEN],
      auditHeaders: true,
      body: GebruiksrechtenBody,
      document: { body: GebruiksrechtenRequest },
      responses: { 201: { description: 'Created', schema: Gebruiksrechten, headers: LOCATION } },
      handler: ({ body, auth, apiRoot, request }) => save(auth, urlsFor(references, apiRoot), body, randomUUID(), 'create', auditToelichting(request.headers)),
    }),
    defineOperation({
      method: 'GET',
      path: '/gebruiksrechten/{uuid}',
      operationId: 'gebruiksrechten_retrieve',
      summary: 'Een specifieke GEBRUIKSRECHT opvragen.',
      description: 'Een specifieke GEBRUIKSRECHT opvragen.',
      tags: TAGS,
      scopes: [LEZEN],
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: GebruiksrechtenExpanded } },
      head: { operationId: 'gebruiksrechten_headers', summary: 'De headers voor een specifiek(e) GEBRUIKSRECHT INFORMATIEOBJECT opvragen ' },
      etag: true,
      async handler({ params, query, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const expand = relationFields(query.expand);
        const { row, io } = await resource.load(params.uuid);
        assertMay(auth, urls, io, [LEZEN]);
        return { status: 200, body: await expandInformatieobject(deps, toApi(row, urls), row.io_uuid, expand, urls) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/gebruiksrechten/{uuid}',
      operationId: 'gebruiksrechten_update',
      summary: 'Werk een GEBRUIKSRECHT in zijn geheel bij.',
      description: 'Werk een GEBRUIKSRECHT in zijn geheel bij.',
      tags: TAGS,
      scopes: [BIJWERKEN],
      auditHeaders: true,
      params: UuidParams,
      body: GebruiksrechtenBody,
      document: { body: GebruiksrechtenRequest },
      responses: { 200: { description: 'OK', schema: Gebruiksrechten } },
      handler: ({ params, body, auth, apiRoot, request }) => update(params.uuid, body, auth, apiRoot, request.headers, false),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/gebruiksrechten/{uuid}',
      operationId: 'gebruiksrechten_partial_update',
      summary: 'Werk een GEBRUIKSRECHT relatie deels bij.',
      description: 'Werk een GEBRUIKSRECHT relatie deels bij.',
      tags: TAGS,
      scopes: [BIJWERKEN],
      auditHeaders: true,
      params: UuidParams,
      body: PatchedGebruiksrechtenBody,
      document: { body: PatchedGebruiksrechtenRequest, bodyRequired: false },
      responses: { 200: { description: 'OK', schema: Gebruiksrechten } },
      handler: ({ params, body, auth, apiRoot, request }) => update(params.uuid, body, auth, apiRoot, request.headers, true),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/gebruiksrechten/{uuid}',
      operationId: 'gebruiksrechten_destroy',
      summary: 'Verwijder een GEBRUIKSRECHT.',
      description:
        '\n**Opmerkingen**\n  - Indien het laatste GEBRUIKSRECHT van een INFORMATIEOBJECT verwijderd  wordt, dan wordt de `indicatieGebruiksrecht` van het INFORMATIEOBJECT op`null` gezet.',
      tags: TAGS,
      scopes: [VERWIJDEREN],
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content', apiVersionHeader: false } },
      async handler({ params, auth, apiRoot, request }) {
        const urls = urlsFor(references, apiRoot);
        const { row, io } = await resource.load(params.uuid);
        assertMay(auth, urls, io, [VERWIJDEREN]);
        const oud = toApi(row, urls);
        await database.db.transaction().execute(async (tx) => {
          await deleteByUuid(tx, 'documenten.gebruiksrechten', params.uuid, 'Gebruiksrechten');
          await syncIndicatie(tx, io);
          await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'gebruiksrechten', resourceUrl: oud.url, actie: 'destroy', resultaat: 204, oud, toelichting: auditToelichting(request.headers) });
        });
        return { status: 204 };
      },
    }),
  ];
}
