/**
 * Objectinformatieobjecten: the Documenten side of a relation a zaak (Zaken API), besluit
 * (Besluiten API) or verzoek has with a document. The other API owns the relation and keeps
 * this side in step ("LET OP: Dit endpoint hoor je als consumer niet zelf aan te spreken"):
 *
 * - it first creates its zaakinformatieobject (besluit-, verzoekinformatieobject) and then
 *   this objectinformatieobject; creating one is refused (`inconsistent-relation`) unless the
 *   relation exists on the other side, asked for as `{api}/zaakinformatieobjecten?zaak=…&informatieobject=…`;
 * - it first removes its relation and then this one; removing one is refused
 *   (`remote-relation-exists`) while the relation still exists on the other side.
 *
 * The other side is reached through the reference resolver: in-process when this process
 * serves that API, over HTTP otherwise. A document with objectinformatieobjecten cannot be
 * destroyed (`pending-relations`, informatieobjecten.ts).
 */
import { randomUUID } from 'node:crypto';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { Type } from '../../platform/http/schema.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { resourceOfShape, type ExpectedResource } from '../../platform/references/expected.ts';
import { referenceError } from '../../platform/references/resolver.ts';
import { Zaak, ZaakInformatieObject } from '../zaken/schemas.ts';
import { ObjectInformatieObject, ObjectInformatieObjectRequest } from './schemas.ts';
import { AANMAKEN, assertMay, authorisedDocuments, LEZEN, recordDocumentMutation, urlsFor, VERWIJDEREN, type Urls } from './access.ts';
import { documentRef } from './informatieobjecten.ts';
import { LOCATION, UuidParams } from '../../platform/http/parameters.ts';
import { deleteByUuid, findDocumentFromUrl, subResourceOf } from './sub-resources.ts';
import type { DocumentenDeps } from './index.ts';

const TAGS = ['objectinformatieobjecten'];
type ObjectType = 'zaak' | 'besluit' | 'verzoek';

/** A resource with these properties (the required ones of its official schema, for APIs without schemas here). */
function withProperties(kind: string, keys: string[]): ExpectedResource {
  return { kind, matches: (body) => keys.every((key) => key in body) };
}

/** Per objectType: what the object URL must point at, its collection, and the relation resource listed on the other side. */
const OBJECT_TYPES: Record<ObjectType, { object: ExpectedResource; collection: string; relation: ExpectedResource }> = {
  zaak: { object: resourceOfShape('zaak', Zaak), collection: 'zaken', relation: resourceOfShape('zaakinformatieobject', ZaakInformatieObject) },
  // Besluiten API 1.1.0: the required properties of Besluit and BesluitInformatieObject.
  besluit: { object: withProperties('besluit', ['url', 'verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum']), collection: 'besluiten', relation: withProperties('besluitinformatieobject', ['informatieobject', 'besluit']) },
  verzoek: { object: withProperties('verzoek', ['url']), collection: 'verzoeken', relation: withProperties('verzoekinformatieobject', ['informatieobject', 'verzoek']) },
};

interface Row {
  uuid: string;
  informatieobject_id: number;
  io_uuid: string;
  object: string;
  object_type: ObjectType;
}

function toApi(row: Row, urls: Urls): ObjectInformatieObject {
  return { url: `${urls.apiRoot}/objectinformatieobjecten/${row.uuid}`, informatieobject: urls.document(row.io_uuid), object: urls.shown(row.object), objectType: row.object_type };
}

/**
 * The list URL that says whether the relation exists on the other side:
 * `…/zaken/api/v1/zaakinformatieobjecten?zaak=<object>&informatieobject=<document>`.
 */
function relationListUrl(objectType: ObjectType, objectUrl: string, documentUrl: string): string | undefined {
  const { collection } = OBJECT_TYPES[objectType];
  const match = new RegExp(`^(.*)/${collection}/[^/?#]+/?$`).exec(objectUrl);
  if (!match) return undefined;
  const query = new URLSearchParams({ [objectType]: objectUrl, informatieobject: documentUrl });
  return `${match[1]}/${objectType}informatieobjecten?${query}`;
}

export function objectinformatieobjectOperations(deps: DocumentenDeps): Operation[] {
  const { database, references } = deps;
  const select = () =>
    database.db
      .selectFrom('documenten.objectinformatieobject as o')
      .innerJoin('documenten.informatieobject as io', 'io.id', 'o.informatieobject_id')
      .select(['o.uuid', 'o.informatieobject_id', 'io.uuid as io_uuid', 'o.object', 'o.object_type']);
  const resource = subResourceOf(deps, 'Objectinformatieobject', (_db, uuid) => select().where('o.uuid', '=', uuid).executeTakeFirst() as Promise<Row | undefined>);

  /** Whether the other side has the relation; an InvalidParam when that cannot be told. */
  async function relationExists(objectType: ObjectType, objectUrl: string, documentUrl: string, apiRoot: string): Promise<boolean | InvalidParam> {
    const listUrl = relationListUrl(objectType, objectUrl, documentUrl);
    const found = listUrl ? await references.fetchList(listUrl, OBJECT_TYPES[objectType].relation, { apiRoot }) : undefined;
    if (found?.ok) return found.resources.length > 0;
    return { name: 'nonFieldErrors', code: 'relation-lookup-error', reason: `De relatie kon niet opgevraagd worden: ${found?.reason ?? `${objectUrl} is geen URL van een ${objectType}`}.` };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/objectinformatieobjecten',
      operationId: 'objectinformatieobject_list',
      summary: 'Alle OBJECT-INFORMATIEOBJECT relaties opvragen.',
      description: ' Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [LEZEN],
      query: Type.Object({
        object: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het gerelateerde OBJECT (in deze of een andere API).' })),
        informatieobject: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het INFORMATIEOBJECT.' })),
      }),
      responses: { 200: { description: 'OK', schema: Type.Array(ObjectInformatieObject) } },
      async handler({ query, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        let rows = select().where((eb) => authorisedDocuments(eb, auth, LEZEN, urls));
        if (query.object !== undefined) rows = rows.where('o.object', '=', urls.stored(query.object));
        if (query.informatieobject !== undefined) {
          const uuid = urls.ownUuid(query.informatieobject, 'enkelvoudiginformatieobjecten');
          if (!uuid) return { status: 200, body: [] };
          rows = rows.where('io.uuid', '=', uuid);
        }
        const found = (await rows.orderBy('o.id').execute()) as Row[];
        return { status: 200, body: found.map((r) => toApi(r, urls)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/objectinformatieobjecten',
      operationId: 'objectinformatieobject_create',
      relationSync: true,
      summary: 'Maak een OBJECT-INFORMATIEOBJECT relatie aan.',
      description:
        "**LET OP: Dit endpoint hoor je als consumer niet zelf aan te spreken.** Andere API's, zoals de Zaken API en de Besluiten API, gebruiken dit endpoint bij het synchroniseren van relaties. **Er wordt gevalideerd op** - geldigheid `informatieobject` URL - de combinatie `informatieobject` en `object` moet uniek zijn - bestaan van `object` URL",
      tags: TAGS,
      scopes: [AANMAKEN],
      body: ObjectInformatieObjectRequest,
      responses: { 201: { description: 'Created', schema: ObjectInformatieObject, headers: LOCATION } },
      async handler({ body, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const objectType = body.objectType as ObjectType;
        const [found, object] = await Promise.all([findDocumentFromUrl(deps, urls, body.informatieobject), references.fetch(body.object, OBJECT_TYPES[objectType].object, { apiRoot })]);
        const errors = [...('error' in found ? [found.error] : []), ...referenceError('object', object)];
        if (errors.length || 'error' in found) throw validationError(errors);
        const document = found.io;
        assertMay(auth, urls, document, [AANMAKEN]);
        const stored = urls.stored(body.object);
        const duplicate = () => validationError([{ name: 'nonFieldErrors', code: 'unique', reason: 'De velden object en informatieobject moeten een unieke set zijn.' }]);
        if (await select().where('o.informatieobject_id', '=', document.id).where('o.object', '=', stored).executeTakeFirst()) throw duplicate();
        const exists = await relationExists(objectType, body.object, urls.document(document.uuid), apiRoot);
        if (typeof exists !== 'boolean') throw validationError([exists]);
        if (!exists) throw validationError([{ name: 'nonFieldErrors', code: 'inconsistent-relation', reason: `De relatie tussen ${objectType} en informatieobject bestaat niet in de API van het ${objectType}.` }]);

        const uuid = randomUUID();
        const nieuw = await database.db.transaction().execute(async (tx) => {
          await tx
            .insertInto('documenten.objectinformatieobject')
            .values({ uuid, informatieobject_id: document.id, object: stored, object_type: objectType })
            .execute()
            .catch((error: unknown) => {
              if ((error as { code?: string }).code === '23505') throw duplicate();
              throw error;
            });
          const nieuw = toApi({ uuid, informatieobject_id: document.id, io_uuid: document.uuid, object: stored, object_type: objectType }, urls);
          await recordDocumentMutation(tx, auth, urls, { document: documentRef(document, urls), resource: 'objectinformatieobject', resourceUrl: nieuw.url, actie: 'create', resultaat: 201, nieuw, notify: false });
          return nieuw;
        });
        return { status: 201, body: nieuw, headers: { Location: nieuw.url } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/objectinformatieobjecten/{uuid}',
      operationId: 'objectinformatieobject_retrieve',
      summary: 'Een specifieke OBJECT-INFORMATIEOBJECT relatie opvragen.',
      description: 'Een specifieke OBJECT-INFORMATIEOBJECT relatie opvragen.',
      tags: TAGS,
      scopes: [LEZEN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: ObjectInformatieObject } },
      head: { operationId: 'objectinformatieobject_headers', summary: 'De headers voor een specifiek(e) OOBJECT-INFORMATIEOBJECT opvragen ' },
      etag: true,
      async handler({ params, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const { row, io } = await resource.load(params.uuid);
        assertMay(auth, urls, io, [LEZEN]);
        return { status: 200, body: toApi(row, urls) };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/objectinformatieobjecten/{uuid}',
      operationId: 'objectinformatieobject_destroy',
      relationSync: true,
      summary: 'Verwijder een OBJECT-INFORMATIEOBJECT relatie.',
      description:
        "**LET OP: Dit endpoint hoor je als consumer niet zelf aan te spreken.** Andere API's, zoals de Zaken API en de Besluiten API, gebruiken dit endpoint bij het synchroniseren van relaties.",
      tags: TAGS,
      scopes: [VERWIJDEREN],
      params: UuidParams,
      responses: { 204: { description: 'No content', apiVersionHeader: false } },
      async handler({ params, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const { row, io } = await resource.load(params.uuid);
        assertMay(auth, urls, io, [VERWIJDEREN]);
        const oud = toApi(row, urls);
        let exists = await relationExists(row.object_type, oud.object, oud.informatieobject, apiRoot);
        if (typeof exists !== 'boolean') {
          // A zaak or besluit that is gone has no relations left.
          const object = await references.fetch(oud.object, OBJECT_TYPES[row.object_type].object, { apiRoot });
          if (object.ok || object.code !== 'bad-url') throw validationError([exists]);
          exists = false;
        }
        if (exists) throw validationError([{ name: 'nonFieldErrors', code: 'remote-relation-exists', reason: `De relatie bestaat nog in de API van het ${row.object_type}; die moet eerst verwijderd worden.` }]);
        await database.db.transaction().execute(async (tx) => {
          await deleteByUuid(tx, 'documenten.objectinformatieobject', params.uuid, 'Objectinformatieobject');
          await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'objectinformatieobject', resourceUrl: oud.url, actie: 'destroy', resultaat: 204, oud, notify: false });
        });
        return { status: 204 };
      },
    }),
  ];
}
