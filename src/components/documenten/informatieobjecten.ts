/**
 * Enkelvoudiginformatieobjecten (documents): every change makes a new version and every
 * version is kept (`?versie=`, `?registratieOp=`); the content of any version is streamed by
 * `/download`. A document is changed only while locked (lock.ts), with its lock.
 *
 * Content arrives either as base64 `inhoud` in the JSON body (small documents) or, when
 * `inhoud` is left out and `bestandsomvang` is given, in bestandsdelen: the document is then
 * created (or updated) locked, with parts to upload (bestandsdelen.ts), merged at unlock.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { Type, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { notFound, ProblemError, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { pageEnvelope } from '../../platform/http/pagination.ts';
import { deleteAuditTrail } from '../../platform/audit/audit.ts';
import { referenceError } from '../../platform/references/resolver.ts';
import { resourceOfShape } from '../../platform/references/expected.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { InformatieObjectType } from '../catalogi/schemas.ts';
import {
  EIOZoekRequest,
  EnkelvoudigInformatieObject,
  EnkelvoudigInformatieObjectCreateLock,
  EnkelvoudigInformatieObjectCreateLockRequest,
  EnkelvoudigInformatieObjectExpanded,
  EnkelvoudigInformatieObjectWithLock,
  EnkelvoudigInformatieObjectWithLockRequest,
  PaginatedEnkelvoudigInformatieObjectList,
  PatchedEnkelvoudigInformatieObjectWithLockRequest,
} from './schemas.ts';
import * as repository from './repository.ts';
import type { Bestandsdeel, InformatieobjectRow, Versie } from './repository.ts';
import {
  AANMAKEN,
  assertMay,
  auditToelichting,
  authorisedDocuments,
  BIJWERKEN,
  GEFORCEERD_BIJWERKEN,
  LEZEN,
  recordDocumentMutation,
  urlsFor,
  VERWIJDEREN,
  type DocumentRef,
  type Urls,
} from './access.ts';
import { committingContent, storeBase64 } from './content.ts';
import { checkIndicatieGebruiksrecht, checkStatus, checkFileSize } from './rules.ts';
import type { DocumentenDeps } from './index.ts';
import { EXPAND, expandFields, LOCATION, UuidParams } from '../../platform/http/parameters.ts';

export const TAGS = ['enkelvoudiginformatieobjecten'];
// Documenten 1.5.0 gives `page` no minimum, unlike the other APIs: kept as the spec says.
const PAGE = Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.' });
const VERSIE = Type.Integer({ description: 'Het (automatische) versienummer van het INFORMATIEOBJECT.' });
const REGISTRATIE_OP = Type.String({
  description: 'Een datumtijd in ISO8601 formaat. De versie van het INFORMATIEOBJECT die qua `begin_registratie` het kortst hiervoor zit wordt opgehaald.',
});
/** A JSON body with base64 `inhoud`: about 48 MiB of content; larger documents go in bestandsdelen (docs/performance.md). */
export const JSON_BODY_LIMIT = 64 * 1024 * 1024;
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

export const INFORMATIEOBJECTTYPE = resourceOfShape('informatieobjecttype', InformatieObjectType);

/** A document and the version shown, as the rules and the representation need them. */
export interface Loaded {
  io: InformatieobjectRow;
  versie: Versie;
}

export function documentRef(io: InformatieobjectRow, urls: Urls): DocumentRef {
  return {
    id: io.id,
    uuid: io.uuid,
    url: urls.document(io.uuid),
    lock: io.lock,
    versie: io.versie,
    bronorganisatie: io.bronorganisatie,
    informatieobjecttype: io.informatieobjecttype,
    vertrouwelijkheidaanduiding: io.vertrouwelijkheidaanduiding,
  };
}

/** The version's attributes that decide access (a past version may be more confidential than the current one). */
export const accessOf = (v: Versie) => ({ informatieobjecttype: v.informatieobjecttype, vertrouwelijkheidaanduiding: v.vertrouwelijkheidaanduiding });

/** A version as the API shows it (`EnkelvoudigInformatieObject`). */
export function toApi(io: InformatieobjectRow, v: Versie, bestandsdelen: Bestandsdeel[], urls: Urls): EnkelvoudigInformatieObject {
  const url = urls.document(io.uuid);
  const current = v.versie === io.versie;
  return {
    url,
    identificatie: v.identificatie,
    bronorganisatie: v.bronorganisatie,
    creatiedatum: v.creatiedatum,
    titel: v.titel,
    vertrouwelijkheidaanduiding: v.vertrouwelijkheidaanduiding,
    auteur: v.auteur,
    status: v.status as EnkelvoudigInformatieObject['status'],
    inhoudIsVervallen: v.inhoudIsVervallen,
    formaat: v.formaat,
    taal: v.taal,
    versie: v.versie,
    beginRegistratie: v.beginRegistratie,
    bestandsnaam: v.bestandsnaam,
    inhoud: v.inhoud === null ? null : `${url}/download?versie=${v.versie}`,
    bestandsomvang: v.bestandsomvang,
    link: v.link,
    beschrijving: v.beschrijving,
    ontvangstdatum: v.ontvangstdatum,
    verzenddatum: v.verzenddatum,
    indicatieGebruiksrecht: v.indicatieGebruiksrecht,
    verschijningsvorm: v.verschijningsvorm,
    ondertekening: v.ondertekening as EnkelvoudigInformatieObject['ondertekening'],
    integriteit: v.integriteit as EnkelvoudigInformatieObject['integriteit'],
    informatieobjecttype: urls.shown(v.informatieobjecttype),
    locked: io.lock !== '',
    // The parts of the current version's upload. Their lock is not shown: a reader must not
    // learn the checkout; the client uploading has it.
    bestandsdelen: current
      ? bestandsdelen.map((d) => ({ url: `${urls.apiRoot}/bestandsdelen/${d.uuid}`, volgnummer: d.volgnummer, omvang: d.omvang, voltooid: d.inhoud !== null, lock: '' }))
      : [],
    trefwoorden: v.trefwoorden,
  };
}

/** The document with this uuid (a path parameter): 404 when there is none. */
export async function loadDocument(deps: DocumentenDeps, uuid: string): Promise<InformatieobjectRow> {
  const io = await repository.findInformatieobject(deps.database.db, uuid);
  if (!io) throw notFound(`Enkelvoudiginformatieobject ${uuid} bestaat niet.`);
  return io;
}

/** `?versie=` / `?registratieOp=`: the version asked for, or the current one; 404 when there is no such version. */
async function loadVersie(deps: DocumentenDeps, io: InformatieobjectRow, query: { versie?: number; registratieOp?: string }): Promise<Versie> {
  let registratieOp: string | undefined;
  if (query.registratieOp !== undefined) {
    const time = Date.parse(query.registratieOp);
    if (Number.isNaN(time)) throw validationError([{ name: 'registratieOp', code: 'invalid', reason: 'Voer een geldige datum/tijd in (ISO 8601).' }]);
    registratieOp = new Date(time).toISOString();
  }
  const versie = await repository.findVersie(deps.database.db, io, { versie: query.versie, registratieOp });
  if (!versie) throw notFound('Deze versie van het enkelvoudiginformatieobject bestaat niet.');
  return versie;
}

/** A document with `_expand.informatieobjecttype` when asked for: the type as the Catalogi API serves it. */
export async function expandDocument(deps: DocumentenDeps, body: EnkelvoudigInformatieObject, expand: boolean, apiRoot: string): Promise<Record<string, unknown>> {
  if (!expand) return body;
  const found = await deps.references.fetch(body.informatieobjecttype, INFORMATIEOBJECTTYPE, { apiRoot });
  return { ...body, _expand: { informatieobjecttype: found.ok ? found.resource : null } };
}

/** The current versions of documents with their bestandsdelen, as the API shows them. */
async function shown(deps: DocumentenDeps, rows: Loaded[], urls: Urls, expand: boolean): Promise<Record<string, unknown>[]> {
  const delen = await repository.bestandsdelenOf(deps.database.db, rows.map((r) => r.io.id));
  return Promise.all(rows.map((r) => expandDocument(deps, toApi(r.io, r.versie, delen.get(r.io.id) ?? [], urls), expand, urls.apiRoot)));
}

type Body = Record<string, unknown>;

/** What a create or update brings: the new version's attributes, and how its content arrives. */
interface Intended {
  versie: Versie;
  /** Base64 content of the body, decoded and stored before the transaction. */
  inhoud?: string;
  /** Content arrives in bestandsdelen of this total size (the document stays locked until they are merged). */
  largeUpload: boolean;
}

/**
 * The new version from the body and, for an update, the current version: a PATCH keeps what
 * it leaves out, a PUT (like a create) starts from the defaults. Field errors are collected.
 */
function intended(body: Body, current: Versie | undefined, partial: boolean, informatieobjecttype: string, vertrouwelijkheid: Vertrouwelijkheidaanduiding): Intended {
  const base = partial && current ? current : undefined;
  const pick = <K extends keyof Versie>(key: K, fallback: Versie[K]): Versie[K] => (body[key] !== undefined ? (body[key] as Versie[K]) : base ? base[key] : fallback);
  const inhoudGiven = typeof body.inhoud === 'string';
  const versie: Versie = {
    versie: current ? current.versie + 1 : 1,
    beginRegistratie: new Date().toISOString(),
    identificatie: pick('identificatie', current?.identificatie ?? ''),
    bronorganisatie: pick('bronorganisatie', ''),
    creatiedatum: pick('creatiedatum', ''),
    titel: pick('titel', ''),
    vertrouwelijkheidaanduiding: vertrouwelijkheid,
    auteur: pick('auteur', ''),
    status: pick('status', ''),
    inhoudIsVervallen: pick('inhoudIsVervallen', null),
    formaat: pick('formaat', ''),
    taal: pick('taal', ''),
    bestandsnaam: pick('bestandsnaam', ''),
    // A PATCH without inhoud keeps the current content; new content is filled in by the caller.
    inhoud: !inhoudGiven && body.inhoud === undefined && base ? base.inhoud : null,
    bestandsomvang: pick('bestandsomvang', null),
    link: pick('link', ''),
    beschrijving: pick('beschrijving', ''),
    ontvangstdatum: pick('ontvangstdatum', null),
    verzenddatum: pick('verzenddatum', null),
    // Kept in step with the gebruiksrechten: a PUT that leaves it out keeps it.
    indicatieGebruiksrecht: body.indicatieGebruiksrecht !== undefined ? (body.indicatieGebruiksrecht as boolean | null) : (current?.indicatieGebruiksrecht ?? null),
    verschijningsvorm: pick('verschijningsvorm', ''),
    ondertekening: pick('ondertekening', null),
    integriteit: pick('integriteit', null),
    informatieobjecttype,
    trefwoorden: pick('trefwoorden', []),
  };
  if (inhoudGiven && body.bestandsomvang === undefined) versie.bestandsomvang = null; // derived from the content
  const largeUpload = !inhoudGiven && versie.inhoud === null && versie.bestandsomvang !== null && versie.bestandsomvang > 0;
  return { versie, inhoud: inhoudGiven ? (body.inhoud as string) : undefined, largeUpload };
}

function fieldErrors(body: Body, intent: Intended, options: { hasGebruiksrechten: boolean; isCreate: boolean }): InvalidParam[] {
  return [
    ...checkIndicatieGebruiksrecht(body.indicatieGebruiksrecht as boolean | null | undefined, options),
    ...checkStatus(intent.versie.status, intent.versie.ontvangstdatum),
    ...(intent.inhoud !== undefined ? checkFileSize(Buffer.byteLength(intent.inhoud, 'base64'), body.bestandsomvang as number | null | undefined) : []),
  ];
}

export function informatieobjectOperations(deps: DocumentenDeps): Operation[] {
  const { database, references, store } = deps;

  /** Resolves the informatieobjecttype of a new document: it must be one, and published. */
  async function resolveType(url: string, apiRoot: string): Promise<{ errors: InvalidParam[]; vertrouwelijkheid?: Vertrouwelijkheidaanduiding }> {
    const found = await references.fetch(url, INFORMATIEOBJECTTYPE, { apiRoot });
    if (!found.ok) return { errors: referenceError('informatieobjecttype', found) };
    if (found.resource.concept !== false) {
      return { errors: [{ name: 'informatieobjecttype', code: 'not-published', reason: 'Het informatieobjecttype is nog niet gepubliceerd (concept).' }] };
    }
    return { errors: [], vertrouwelijkheid: found.resource.vertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding };
  }

  async function create(body: Body, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const urls = urlsFor(references, apiRoot);
    const type = urls.stored(body.informatieobjecttype as string);
    // Left out or blank (''): the informatieobjecttype's (drc-007).
    const given = (body.vertrouwelijkheidaanduiding || undefined) as Vertrouwelijkheidaanduiding | undefined;
    // Who may create a document of this type is known before anything is fetched.
    if (given) assertMay(auth, urls, { informatieobjecttype: type, vertrouwelijkheidaanduiding: given }, [AANMAKEN]);
    const resolved = await resolveType(body.informatieobjecttype as string, apiRoot);
    const vertrouwelijkheid = given ?? resolved.vertrouwelijkheid ?? 'openbaar';
    const intent = intended(body, undefined, false, type, vertrouwelijkheid);
    const errors = [...resolved.errors, ...fieldErrors(body, intent, { hasGebruiksrechten: false, isCreate: true })];
    if (errors.length) throw validationError(errors);
    assertMay(auth, urls, { informatieobjecttype: type, vertrouwelijkheidaanduiding: vertrouwelijkheid }, [AANMAKEN]);

    const added = await storeContent(intent);
    const lock = intent.largeUpload ? randomUUID().replaceAll('-', '') : '';
    const uuid = randomUUID();
    const nieuw = await committingContent(store, added, () =>
      database.db.transaction().execute(async (tx) => {
        if (intent.versie.identificatie === '') {
          intent.versie.identificatie = await repository.nextIdentificatie(tx, intent.versie.bronorganisatie, Number(intent.versie.creatiedatum.slice(0, 4)) || new Date().getFullYear());
        } else if (await repository.identificatieTaken(tx, intent.versie.bronorganisatie, intent.versie.identificatie)) {
          throw identificatieNietUniek();
        }
        const io = await repository.insertInformatieobject(tx, uuid, intent.versie, lock).catch(uniqueToProblem);
        if (intent.largeUpload) await repository.createBestandsdelen(tx, io, intent.versie.bestandsomvang!, deps.bestandsdeelOmvang);
        const delen = (await repository.bestandsdelenOf(tx, [io.id])).get(io.id) ?? [];
        const nieuw = toApi(io, intent.versie, delen, urls);
        await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'enkelvoudiginformatieobject', resourceUrl: nieuw.url, resourceWeergave: intent.versie.identificatie, actie: 'create', resultaat: 201, nieuw, toelichting: auditToelichting(request.headers) });
        return nieuw;
      }),
    );
    return { status: 201, body: { ...nieuw, lock }, headers: { Location: nieuw.url } };
  }

  /** The new content of a create or update, stored; its key is set on the version. */
  async function storeContent(intent: Intended): Promise<string[]> {
    if (intent.inhoud !== undefined) {
      const stored = await storeBase64(store, intent.inhoud);
      intent.versie.inhoud = stored.key;
      intent.versie.bestandsomvang ??= stored.size;
      return [stored.key];
    }
    // An empty document has (empty) content to download, as the reference implementation does.
    if (intent.versie.inhoud === null && intent.versie.bestandsomvang === 0) {
      const stored = await store.put((async function* () {})());
      intent.versie.inhoud = stored.key;
      return [stored.key];
    }
    return [];
  }

  async function update(uuid: string, body: Body, auth: Authorization, apiRoot: string, request: FastifyRequest, partial: boolean) {
    const urls = urlsFor(references, apiRoot);
    const io = await loadDocument(deps, uuid);
    const current = (await repository.findVersie(database.db, io))!;
    assertMay(auth, urls, accessOf(current), [BIJWERKEN, GEFORCEERD_BIJWERKEN]);

    const errors: InvalidParam[] = [];
    // A document keeps its type: who may see it depends on it.
    if (body.informatieobjecttype !== undefined && urls.stored(body.informatieobjecttype as string) !== current.informatieobjecttype) {
      errors.push({ name: 'informatieobjecttype', code: 'wijzigen-niet-toegelaten', reason: 'Het informatieobjecttype van een document mag niet gewijzigd worden.' });
    }
    const vertrouwelijkheid = ((body.vertrouwelijkheidaanduiding || undefined) as Vertrouwelijkheidaanduiding | undefined) ?? current.vertrouwelijkheidaanduiding;
    const intent = intended(body, current, partial, current.informatieobjecttype, vertrouwelijkheid);
    errors.push(...fieldErrors(body, intent, { hasGebruiksrechten: await repository.hasGebruiksrechten(database.db, io), isCreate: false }));
    // Content kept from the current version keeps its size.
    if (intent.versie.inhoud !== null && intent.versie.inhoud === current.inhoud && current.bestandsomvang !== null) {
      errors.push(...checkFileSize(current.bestandsomvang, intent.versie.bestandsomvang));
    }
    if (errors.length) throw validationError(errors);
    checkLock(io, body.lock as string | undefined);
    assertMay(auth, urls, accessOf(intent.versie), [BIJWERKEN, GEFORCEERD_BIJWERKEN]);

    const oud = toApi(io, current, [], urls);
    const added = await storeContent(intent);
    let dropped: string[] = [];
    const nieuw = await committingContent(
      store,
      added,
      () =>
        database.db.transaction().execute(async (tx) => {
          const locked = (await repository.findInformatieobject(tx, uuid, { forUpdate: true }))!;
          checkLock(locked, body.lock as string | undefined);
          if (intent.versie.identificatie !== locked.identificatie && (await repository.identificatieTaken(tx, intent.versie.bronorganisatie, intent.versie.identificatie, locked.id))) {
            throw identificatieNietUniek();
          }
          // Parts of an earlier upload that was not finished make way for this version's.
          dropped = ((await repository.bestandsdelenOf(tx, [locked.id])).get(locked.id) ?? []).flatMap((d) => (d.inhoud ? [d.inhoud] : []));
          await repository.deleteBestandsdelen(tx, locked);
          await repository.insertVersie(tx, locked, intent.versie).catch(uniqueToProblem);
          const next = (await repository.findInformatieobject(tx, uuid))!;
          if (intent.largeUpload) await repository.createBestandsdelen(tx, next, intent.versie.bestandsomvang!, deps.bestandsdeelOmvang);
          const delen = (await repository.bestandsdelenOf(tx, [next.id])).get(next.id) ?? [];
          const nieuw = toApi(next, intent.versie, delen, urls);
          await recordDocumentMutation(tx, auth, urls, { document: documentRef(next, urls), resource: 'enkelvoudiginformatieobject', resourceUrl: nieuw.url, resourceWeergave: intent.versie.identificatie, actie: partial ? 'partial_update' : 'update', resultaat: 200, oud, nieuw, toelichting: auditToelichting(request.headers) });
          return nieuw;
        }),
      () => dropped,
    );
    return { status: 200, body: nieuw };
  }

  async function list(auth: Authorization, apiRoot: string, request: FastifyRequest, filter: Omit<repository.ListFilter, 'authorised'>, expandParam: string | undefined, path: string) {
    const urls = urlsFor(references, apiRoot);
    const expand = expandFields(expandParam, ['informatieobjecttype'], { exactPaths: true }).length > 0;
    const { count, results } = await repository.listCurrent(database.db, { ...filter, authorised: (eb) => authorisedDocuments(eb, auth, LEZEN, urls) });
    return { status: 200, body: pageEnvelope(`${apiRoot}${path}`, request, filter.page, count, await shown(deps, results, urls, expand)) };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/enkelvoudiginformatieobjecten',
      operationId: 'enkelvoudiginformatieobject_list',
      summary: 'Alle (ENKELVOUDIGe) INFORMATIEOBJECTen opvragen.',
      description:
        'Deze lijst kan gefilterd wordt met query-string parameters. \nDe objecten bevatten metadata over de documenten en de downloadlink (`inhoud`) naar de binary data. Alleen de laatste versie van elk(ENKELVOUDIG) INFORMATIEOBJECT wordt getoond. Specifieke versies kunnen alleen',
      tags: TAGS,
      scopes: [LEZEN],
      query: Type.Object({
        identificatie: Type.Optional(Type.String({ description: 'Een binnen een gegeven context ondubbelzinnige referentie naar het INFORMATIEOBJECT.' })),
        bronorganisatie: Type.Optional(Type.String({ description: 'Het RSIN van de Niet-natuurlijk persoon zijnde de organisatie die het informatieobject heeft gecreëerd of heeft ontvangen en als eerste in een samenwerkingsketen heeft vastgelegd.' })),
        trefwoorden: Type.Optional(Type.Array(Type.String(), { description: "Een lijst van trefwoorden gescheiden door comma's." })),
        expand: Type.Optional(EXPAND),
        page: Type.Optional(PAGE),
      }),
      responses: { 200: { description: 'OK', schema: PaginatedEnkelvoudigInformatieObjectList } },
      handler: ({ query, auth, apiRoot, request }) => {
        const trefwoorden = query.trefwoorden?.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
        return list(auth, apiRoot, request, { identificatie: query.identificatie, bronorganisatie: query.bronorganisatie, trefwoorden, page: query.page ?? 1 }, query.expand, '/enkelvoudiginformatieobjecten');
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/enkelvoudiginformatieobjecten',
      operationId: 'enkelvoudiginformatieobject_create',
      summary: 'Maak een (ENKELVOUDIG) INFORMATIEOBJECT aan.',
      description:
        '**Er wordt gevalideerd op** \n - geldigheid `informatieobjecttype` URL - de resource moet opgevraagd kunnen worden uit de catalogi API en de vorm van een INFORMATIEOBJECTTYPE hebben. \n- publicatie `informatieobjecttype` - `concept` moet `false` zijn',
      tags: TAGS,
      scopes: [AANMAKEN],
      auditHeaders: true,
      body: EnkelvoudigInformatieObjectCreateLockRequest,
      bodyLimit: JSON_BODY_LIMIT,
      responses: { 201: { description: 'Created', schema: EnkelvoudigInformatieObjectCreateLock, headers: LOCATION } },
      handler: ({ body, auth, apiRoot, request }) => create(body as Body, auth, apiRoot, request),
    }),
    defineOperation({
      method: 'GET',
      path: '/enkelvoudiginformatieobjecten/{uuid}',
      operationId: 'enkelvoudiginformatieobject_retrieve',
      summary: 'Een specifiek (ENKELVOUDIG) INFORMATIEOBJECT opvragen.',
      description:
        ' Het object bevat metadata over het document en de downloadlink (`inhoud`) naar de binary data. Dit geeft standaard de laatste versie van het (ENKELVOUDIG) INFORMATIEOBJECT. Specifieke versies kunnen middels query-string parameters worden opgevraagd.',
      tags: TAGS,
      scopes: [LEZEN],
      params: UuidParams,
      query: Type.Object({ versie: Type.Optional(VERSIE), registratieOp: Type.Optional(REGISTRATIE_OP), expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: EnkelvoudigInformatieObjectExpanded } },
      head: { operationId: 'enkelvoudiginformatieobject_headers', summary: 'De headers voor een specifiek(e) ENKELVOUDIG INFORMATIEOBJECT opvragen ' },
      etag: true,
      async handler({ params, query, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const expand = expandFields(query.expand, ['informatieobjecttype'], { exactPaths: true }).length > 0;
        const io = await loadDocument(deps, params.uuid);
        const versie = await loadVersie(deps, io, query);
        assertMay(auth, urls, accessOf(versie), [LEZEN]);
        const [body] = await shown(deps, [{ io, versie }], urls, expand);
        return { status: 200, body };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/enkelvoudiginformatieobjecten/{uuid}',
      operationId: 'enkelvoudiginformatieobject_update',
      summary: 'Werk een (ENKELVOUDIG) INFORMATIEOBJECT in zijn geheel bij.',
      description: 'Dit creëert altijd een nieuwe versie van het (ENKELVOUDIG) INFORMATIEOBJECT. \n \n**Er wordt gevalideerd op**\n- correcte `lock` waarde',
      tags: TAGS,
      scopes: [BIJWERKEN, GEFORCEERD_BIJWERKEN],
      auditHeaders: true,
      params: UuidParams,
      body: EnkelvoudigInformatieObjectWithLockRequest,
      bodyLimit: JSON_BODY_LIMIT,
      responses: { 200: { description: 'OK', schema: EnkelvoudigInformatieObjectWithLock } },
      handler: ({ params, body, auth, apiRoot, request }) => update(params.uuid, body as Body, auth, apiRoot, request, false),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/enkelvoudiginformatieobjecten/{uuid}',
      operationId: 'enkelvoudiginformatieobject_partial_update',
      summary: 'Werk een (ENKELVOUDIG) INFORMATIEOBJECT deels bij.',
      description: 'Dit creëert altijd een nieuwe versie van het (ENKELVOUDIG) INFORMATIEOBJECT. \n\n**Er wordt gevalideerd op**\n - correcte `lock` waarde',
      tags: TAGS,
      scopes: [BIJWERKEN, GEFORCEERD_BIJWERKEN],
      auditHeaders: true,
      params: UuidParams,
      body: PatchedEnkelvoudigInformatieObjectWithLockRequest,
      bodyLimit: JSON_BODY_LIMIT,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: EnkelvoudigInformatieObjectWithLock } },
      handler: ({ params, body, auth, apiRoot, request }) => update(params.uuid, body as Body, auth, apiRoot, request, true),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/enkelvoudiginformatieobjecten/{uuid}',
      operationId: 'enkelvoudiginformatieobject_destroy',
      summary: 'Verwijder een (ENKELVOUDIG) INFORMATIEOBJECT.',
      description:
        'Verwijder een (ENKELVOUDIG) INFORMATIEOBJECT en alle bijbehorende versies, samen met alle gerelateerde resources binnen deze API. Dit is alleen mogelijk als er geen OBJECTINFORMATIEOBJECTen relateerd zijn aan het (ENKELVOUDIG) INFORMATIEOBJECT.\n\n**Gerelateerde resources**\n- GEBRUIKSRECHTen\n- audit trail regels',
      tags: TAGS,
      scopes: [VERWIJDEREN],
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content', apiVersionHeader: false } },
      async handler({ params, auth, apiRoot, request }) {
        const urls = urlsFor(references, apiRoot);
        const io = await loadDocument(deps, params.uuid);
        const current = (await repository.findVersie(database.db, io))!;
        assertMay(auth, urls, accessOf(current), [VERWIJDEREN]);
        if (await repository.hasObjectinformatieobjecten(database.db, io)) throw pendingRelations();
        let keys: string[] = [];
        await committingContent(
          store,
          [],
          () =>
            database.db.transaction().execute(async (tx) => {
              keys = await repository.contentKeys(tx, io);
              const oud = toApi(io, current, [], urls);
              await repository.deleteInformatieobject(tx, io).catch((error: unknown) => {
                // An objectinformatieobject made meanwhile still holds on to it.
                if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw pendingRelations();
                throw error;
              });
              await deleteAuditTrail(tx, oud.url);
              await recordDocumentMutation(tx, auth, urls, { document: documentRef(io, urls), resource: 'enkelvoudiginformatieobject', resourceUrl: oud.url, resourceWeergave: current.identificatie, actie: 'destroy', resultaat: 204, oud, toelichting: auditToelichting(request.headers) });
            }),
          () => keys,
        );
        return { status: 204 };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/enkelvoudiginformatieobjecten/{uuid}/download',
      operationId: 'enkelvoudiginformatieobject_download',
      summary: 'Download de binaire data van het (ENKELVOUDIG) INFORMATIEOBJECT.',
      description: 'Download de binaire data van het (ENKELVOUDIG) INFORMATIEOBJECT.',
      tags: TAGS,
      scopes: [LEZEN],
      params: UuidParams,
      query: Type.Object({ versie: Type.Optional(VERSIE), registratieOp: Type.Optional(REGISTRATIE_OP) }),
      responses: { 200: { description: 'OK' } },
      document: { responses: { 200: { description: 'OK', mediaType: 'application/octet-stream', schema: Type.String({ format: 'binary' }) } } },
      async handler({ params, query, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const io = await loadDocument(deps, params.uuid);
        const versie = await loadVersie(deps, io, query);
        assertMay(auth, urls, accessOf(versie), [LEZEN]);
        if (versie.inhoud === null) throw notFound('Deze versie van het document heeft (nog) geen inhoud.');
        const filename = (versie.bestandsnaam || `${io.uuid}.bin`).replace(/["\\\r\n]/g, '_');
        return {
          status: 200,
          // Streamed from the store: the content is never held in memory.
          body: store.get(versie.inhoud),
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(versie.bestandsnaam || `${io.uuid}.bin`)}`,
            ...(versie.bestandsomvang !== null ? { 'Content-Length': String(versie.bestandsomvang) } : {}),
          },
        };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/enkelvoudiginformatieobjecten/_zoek',
      operationId: 'enkelvoudiginformatieobject__zoek',
      summary: 'Voer een zoekopdracht uit op (ENKELVOUDIG) INFORMATIEOBJECTen.',
      description: 'Zoeken/filteren gaat normaal via de `list` operatie, deze is echter niet geschikt voor zoekopdrachten met UUIDs.',
      tags: TAGS,
      scopes: [LEZEN],
      query: Type.Object({ page: Type.Optional(PAGE) }),
      body: EIOZoekRequest,
      responses: { 200: { description: 'OK', schema: PaginatedEnkelvoudigInformatieObjectList } },
      handler: ({ query, body, auth, apiRoot, request }) =>
        list(auth, apiRoot, request, { uuids: body.uuid__in, identificatie: body.identificatie, bronorganisatie: body.bronorganisatie, page: query.page ?? 1 }, body.expand, '/enkelvoudiginformatieobjecten/_zoek'),
    }),
  ];
}

/** 400 on `lock` unless the document is locked and the body brings its lock. */
export function checkLock(io: InformatieobjectRow, lock: string | undefined): void {
  const problem = (code: string, reason: string) => validationError([{ name: 'nonFieldErrors', code, reason }]);
  if (io.lock === '') throw problem('unlocked', 'Een niet vergrendeld document kan niet gewijzigd worden; vergrendel het eerst (lock).');
  if (lock === undefined) throw problem('missing-lock-id', 'Geef de lock op waarmee het document vergrendeld is.');
  if (lock !== io.lock) throw problem('incorrect-lock-id', 'De lock is niet juist.');
}

function identificatieNietUniek(): ProblemError {
  return validationError([{ name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze bronorganisatie.' }]);
}

/** Two requests taking the same identificatie at once: the second loses at the database. */
function uniqueToProblem(error: unknown): never {
  if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw identificatieNietUniek();
  throw error;
}

function pendingRelations(): ProblemError {
  return validationError([{ name: 'nonFieldErrors', code: 'pending-relations', reason: 'Alle relaties met het document (objectinformatieobjecten) moeten verwijderd zijn voordat het document verwijderd kan worden.' }]);
}
