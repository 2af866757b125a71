/**
 * Verzendingen: a document received from or sent to a betrokkene, with the one channel it
 * went through (an address, e-mail, fax, telephone or MijnOverheid).
 *
 * The official document declares these operations without a security requirement; they carry
 * personal data (addresses), so they take the documenten scopes for the document's type, as
 * the reference implementation does.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { Type } from '../../platform/http/schema.ts';
import { validationError } from '../../platform/http/problem.ts';
import { pageEnvelope, PAGE_SIZE } from '../../platform/http/pagination.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { PaginatedVerzendingList, PatchedVerzendingRequest, Verzending, VerzendingExpanded, VerzendingRequest } from './schemas.ts';
import { AANMAKEN, assertMay, authorisedDocuments, BIJWERKEN, LEZEN, recordDocumentMutation, urlsFor, VERWIJDEREN, type Urls } from './access.ts';
import { documentRef } from './informatieobjecten.ts';
import { EXPAND, LOCATION, UuidParams } from '../../platform/http/parameters.ts';
import { deleteByUuid, documentFromUrl, expandInformatieobject, relationFields, subResourceOf } from './sub-resources.ts';
import { checkVerzendingAdres } from './rules.ts';
import type { DocumentenDeps } from './index.ts';

const TAGS = ['verzendingen'];

interface Row {
  uuid: string;
  informatieobject_id: number;
  io_uuid: string;
  betrokkene: string;
  aard_relatie: string;
  toelichting: string;
  ontvangstdatum: string | null;
  verzenddatum: string | null;
  contact_persoon: string;
  contactpersoonnaam: string;
  binnenlands_correspondentieadres: unknown;
  buitenlands_correspondentieadres: unknown;
  correspondentie_postadres: unknown;
  faxnummer: string | null;
  emailadres: string | null;
  mijn_overheid: boolean;
  telefoonnummer: string | null;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));

function toApi(row: Row, urls: Urls): Verzending {
  return {
    url: `${urls.apiRoot}/verzendingen/${row.uuid}`,
    betrokkene: urls.shown(row.betrokkene),
    informatieobject: urls.document(row.io_uuid),
    aardRelatie: row.aard_relatie as Verzending['aardRelatie'],
    toelichting: row.toelichting,
    ontvangstdatum: row.ontvangstdatum,
    verzenddatum: row.verzenddatum,
    contactPersoon: urls.shown(row.contact_persoon),
    contactpersoonnaam: row.contactpersoonnaam,
    binnenlandsCorrespondentieadres: json(row.binnenlands_correspondentieadres),
    buitenlandsCorrespondentieadres: json(row.buitenlands_correspondentieadres),
    correspondentiePostadres: json(row.correspondentie_postadres),
    faxnummer: row.faxnummer,
    emailadres: row.emailadres,
    mijnOverheid: row.mijn_overheid,
    telefoonnummer: row.telefoonnummer,
  };
}

function toRow(body: Record<string, unknown>, urls: Urls, informatieobjectId: number) {
  const group = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  return {
    informatieobject_id: informatieobjectId,
    betrokkene: urls.stored(body.betrokkene as string),
    aard_relatie: body.aardRelatie as string,
    toelichting: (body.toelichting as string | undefined) ?? '',
    ontvangstdatum: (body.ontvangstdatum as string | null | undefined) ?? null,
    verzenddatum: (body.verzenddatum as string | null | undefined) ?? null,
    contact_persoon: urls.stored(body.contactPersoon as string),
    contactpersoonnaam: (body.contactpersoonnaam as string | undefined) ?? '',
    binnenlands_correspondentieadres: group(body.binnenlandsCorrespondentieadres),
    buitenlands_correspondentieadres: group(body.buitenlandsCorrespondentieadres),
    correspondentie_postadres: group(body.correspondentiePostadres),
    faxnummer: (body.faxnummer as string | null | undefined) ?? null,
    emailadres: (body.emailadres as string | null | undefined) ?? null,
    mijn_overheid: (body.mijnOverheid as boolean | undefined) ?? false,
    telefoonnummer: (body.telefoonnummer as string | null | undefined) ?? null,
  };
}

const selectRows = (db: Db | Tx) => db.selectFrom('documenten.verzending as z').innerJoin('documenten.informatieobject as io', 'io.id', 'z.informatieobject_id').selectAll('z').select('io.uuid as io_uuid');

export function verzendingOperations(deps: DocumentenDeps): Operation[] {
  const { database, references } = deps;
  const resource = subResourceOf(deps, 'Verzending', (db, uuid) => selectRows(db).where('z.uuid', '=', uuid).executeTakeFirst() as Promise<Row | undefined>);

  async function save(auth: Authorization, urls: Urls, body: Record<string, unknown>, uuid: string, actie: 'create' | 'update' | 'partial_update', oud?: Verzending) {
    const io = await documentFromUrl(deps, urls, body.informatieobject as string);
    const errors = checkVerzendingAdres(body);
    if (errors.length) throw validationError(errors);
    assertMay(auth, urls, io, actie === 'create' ? [AANMAKEN] : [BIJWERKEN]);
    const nieuw = await database.db.transaction().execute(async (tx) => {
      const values = toRow(body, urls, io.id);
      if (actie === 'create') await tx.insertInto('documenten.verzending').values({ uuid, ...values }).execute();
      else await tx.updateTable('documenten.verzending').set(values).where('uuid', '=', uuid).execute();
      const nieuw = toApi((await selectRows(tx).where('z.uuid', '=', uuid).executeTakeFirst()) as Row, urls);
      await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'verzending', resourceUrl: nieuw.url, actie, resultaat: actie === 'create' ? 201 : 200, oud, nieuw });
      return nieuw;
    });
    return actie === 'create' ? { status: 201, body: nieuw, headers: { Location: nieuw.url } } : { status: 200, body: nieuw };
  }

  async function update(uuid: string, body: Record<string, unknown>, auth: Authorization, apiRoot: string, partial: boolean) {
    const urls = urlsFor(references, apiRoot);
    const { row, io } = await resource.load(uuid);
    assertMay(auth, urls, io, [BIJWERKEN]);
    const oud = toApi(row, urls);
    // A PUT replaces every field; a PATCH keeps what it leaves out.
    const merged = partial ? { ...oud, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } : body;
    return save(auth, urls, merged, uuid, partial ? 'partial_update' : 'update', oud);
  }

  async function list(query: { aardRelatie?: string; informatieobject?: string; betrokkene?: string; expand?: string; page?: number }, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const urls = urlsFor(references, apiRoot);
    const expand = relationFields(query.expand);
    const page = query.page ?? 1;
    let rows = selectRows(database.db).where((eb) => authorisedDocuments(eb, auth, LEZEN, urls));
    if (query.aardRelatie !== undefined) rows = rows.where('z.aard_relatie', '=', query.aardRelatie);
    if (query.betrokkene !== undefined) rows = rows.where('z.betrokkene', '=', urls.stored(query.betrokkene));
    if (query.informatieobject !== undefined) rows = rows.where('io.uuid', '=', urls.ownUuid(query.informatieobject, 'enkelvoudiginformatieobjecten') ?? '00000000-0000-0000-0000-000000000000');
    const [{ count }] = await rows.clearSelect().select((eb) => eb.fn.countAll<number>().as('count')).execute();
    const found = (await rows.orderBy('z.id').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute()) as Row[];
    const results = await Promise.all(found.map((r) => expandInformatieobject(deps, toApi(r, urls), r.io_uuid, expand, urls)));
    return { status: 200, body: pageEnvelope(`${apiRoot}/verzendingen`, request, page, Number(count), results) };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/verzendingen',
      operationId: 'verzending_list',
      summary: 'Alle VERZENDINGen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [LEZEN],
      query: Type.Object({
        aardRelatie: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['afzender', 'geadresseerde'], description: 'Omschrijving van de aard van de relatie van de BETROKKENE tot het INFORMATIEOBJECT.' })),
        informatieobject: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het informatieobject dat is ontvangen of verzonden.' })),
        betrokkene: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de betrokkene waarvan het informatieobject is ontvangen of waaraan dit is verzonden.' })),
        expand: Type.Optional(EXPAND),
        page: Type.Optional(Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.' })),
      }),
      responses: { 200: { description: 'OK', schema: PaginatedVerzendingList } },
      handler: ({ query, auth, apiRoot, request }) => list(query, auth, apiRoot, request),
    }),
    defineOperation({
      method: 'POST',
      path: '/verzendingen',
      operationId: 'verzending_create',
      summary: 'Maak een VERZENDING aan.',
      description: 'Voeg VERZENDINGen toe voor een INFORMATIEOBJECT en een BETROKKENE.',
      tags: TAGS,
      scopes: [AANMAKEN],
      body: VerzendingRequest,
      responses: { 201: { description: 'Created', schema: Verzending, headers: LOCATION } },
      handler: ({ body, auth, apiRoot }) => save(auth, urlsFor(references, apiRoot), body, randomUUID(), 'create'),
    }),
    defineOperation({
      method: 'GET',
      path: '/verzendingen/{uuid}',
      operationId: 'verzending_retrieve',
      summary: 'Een specifieke VERZENDING opvragen.',
      description: 'Een specifieke VERZENDING opvragen.',
      tags: TAGS,
      scopes: [LEZEN],
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: VerzendingExpanded } },
      head: { operationId: 'verzending_headers', summary: 'De headers voor een specifiek(e) VERZENDING opvragen ' },
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
      path: '/verzendingen/{uuid}',
      operationId: 'verzending_update',
      summary: 'Werk een VERZENDING in zijn geheel bij.',
      description: 'Werk een VERZENDING in zijn geheel bij.',
      tags: TAGS,
      scopes: [BIJWERKEN],
      params: UuidParams,
      body: VerzendingRequest,
      responses: { 200: { description: 'OK', schema: Verzending } },
      handler: ({ params, body, auth, apiRoot }) => update(params.uuid, body, auth, apiRoot, false),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/verzendingen/{uuid}',
      operationId: 'verzending_partial_update',
      summary: 'Werk een VERZENDING relatie deels bij.',
      description: 'Werk een VERZENDING relatie deels bij.',
      tags: TAGS,
      scopes: [BIJWERKEN],
      params: UuidParams,
      body: PatchedVerzendingRequest,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: Verzending } },
      handler: ({ params, body, auth, apiRoot }) => update(params.uuid, body, auth, apiRoot, true),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/verzendingen/{uuid}',
      operationId: 'verzending_destroy',
      summary: 'Verwijder een VERZENDING.',
      description: 'Verwijder een VERZENDING.',
      tags: TAGS,
      scopes: [VERWIJDEREN],
      params: UuidParams,
      responses: { 204: { description: 'No content', apiVersionHeader: false } },
      async handler({ params, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const { row, io } = await resource.load(params.uuid);
        assertMay(auth, urls, io, [VERWIJDEREN]);
        const oud = toApi(row, urls);
        await database.db.transaction().execute(async (tx) => {
          await deleteByUuid(tx, 'documenten.verzending', params.uuid, 'Verzending');
          await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'verzending', resourceUrl: oud.url, actie: 'destroy', resultaat: 204, oud });
        });
        return { status: 204 };
      },
    }),
  ];
}
