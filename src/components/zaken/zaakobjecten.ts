/**
 * Zaakobjecten: an OBJECT a zaak is about, by URL (`object`) and/or described in place
 * (`objectIdentificatie`, one variant per `objectType`). Rules as the standard and the
 * reference implementation state them:
 * - `object`, when given, must answer 200 (`bad-url`); one of `object` and
 *   `objectIdentificatie` is needed on create (`invalid-zaakobject`);
 * - `zaakobjecttype`, when given, must be a zaakobjecttype of the zaak's zaaktype
 *   (`zaaktype-mismatch`);
 * - objectType `overige` needs `objectTypeOverige` or `objectTypeOverigeDefinitie`
 *   (`missing-object-type-overige`), other types may not have `objectTypeOverige`
 *   (`invalid-object-type-overige-usage`); a definitie needs an `object`, whose data must meet
 *   the objecttype's schema (see overige-definitie.ts);
 * - `zaak`, `object`, `objectType` and `zaakobjecttype` do not change (`wijzigen-niet-toegelaten`).
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { validateVariant } from '../../platform/http/validation.ts';
import { Enum, named, Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { checkBelongsToZaaktype } from './catalogi.ts';
import { asLookup, relatedResources } from './related.ts';
import { checkJqExpressions, checkObjectAgainstDefinitie, type OverigeDefinitie } from './overige-definitie.ts';
import { PaginatedZaakObjectList, PatchedZaakObject, ZaakObject } from './schemas.ts';
import { shownUrl, storedUrl } from './urls.ts';
import {
  assertMayChange,
  assertMayRead,
  auditToelichting,
  recordZaakMutation,
  zaakFromUrl,
  zaakUrl,
  ZAKEN_AANMAKEN,
  ZAKEN_BIJWERKEN,
  ZAKEN_GEFORCEERD_BIJWERKEN,
  ZAKEN_LEZEN,
  ZAKEN_VERWIJDEREN,
  type ZaakRef,
} from './zaak-access.ts';
import { answerSchema, checkArchiefstatus, checkUnchangedUrls, loadSubResource, pageOfRows, readableSubResources, ZAAK_FILTER, type SubResourceRow } from './sub-resources.ts';
import { LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['zaakobjecten'];
const CREATE = [ZAKEN_AANMAKEN, ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
const UPDATE = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
const DESTROY = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN, ZAKEN_VERWIJDEREN];

const OBJECT_TYPES = ['adres', 'besluit', 'buurt', 'enkelvoudig_document', 'gemeente', 'gemeentelijke_openbare_ruimte', 'huishouden', 'inrichtingselement', 'kadastrale_onroerende_zaak', 'kunstwerkdeel', 'maatschappelijke_activiteit', 'medewerker', 'natuurlijk_persoon', 'niet_natuurlijk_persoon', 'openbare_ruimte', 'organisatorische_eenheid', 'pand', 'spoorbaandeel', 'status', 'terreindeel', 'terrein_gebouwd_object', 'vestiging', 'waterdeel', 'wegdeel', 'wijk', 'woonplaats', 'woz_deelobject', 'woz_object', 'woz_waarde', 'zakelijk_recht', 'overige'] as const;
/** Objects of these types are only referred to by URL: their variant has no objectIdentificatie. */
const BY_URL_ONLY = ['besluit', 'enkelvoudig_document', 'status'];

const ZaakObjectAnswer = answerSchema(ZaakObject);
const ZaakObjectList = named('PaginatedZaakObjectList', Type.Object({ ...PaginatedZaakObjectList.properties, results: Type.Optional(Type.Array(ZaakObjectAnswer)) }));

const ZaakObjectQuery = Type.Object({
  zaak: Type.Optional(ZAAK_FILTER),
  object: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de resource die het OBJECT beschrijft.' })),
  objectType: Type.Optional(Enum(OBJECT_TYPES, { description: 'Beschrijft het type OBJECT gerelateerd aan de ZAAK. Als er geen passend type is, dan moet het type worden opgegeven onder `objectTypeOverige`.' })),
  page: Type.Optional(PAGE),
});

type Body = Record<string, unknown>;

export function zaakobjectUrl(apiRoot: string, uuid: string): string {
  return `${apiRoot}/zaakobjecten/${uuid}`;
}

function toApi(row: SubResourceRow, apiRoot: string): Record<string, unknown> {
  return {
    url: zaakobjectUrl(apiRoot, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(apiRoot, row.zaak_uuid),
    object: row.object === '' ? '' : shownUrl(row.object, apiRoot),
    zaakobjecttype: row.zaakobjecttype === '' ? '' : shownUrl(row.zaakobjecttype, apiRoot),
    objectType: row.object_type,
    objectTypeOverige: row.object_type_overige,
    objectTypeOverigeDefinitie: row.object_type_overige_definitie,
    relatieomschrijving: row.relatieomschrijving,
    ...(row.object_identificatie ? { objectIdentificatie: row.object_identificatie } : {}),
  };
}

/** The attributes of a zaakobject as kept: the stored ones, overwritten by the body's. */
interface State {
  object: string;
  zaakobjecttype: string;
  objectType: string;
  objectTypeOverige: string;
  objectTypeOverigeDefinitie: OverigeDefinitie | null;
  relatieomschrijving: string;
  objectIdentificatie: Body | null;
}

function stateOf(body: Body, current: State | undefined): State {
  const given = <K extends keyof State>(key: K, fallback: State[K]): State[K] => (body[key] !== undefined ? (body[key] as State[K]) : (current?.[key] ?? fallback));
  const state: State = {
    object: given('object', ''),
    zaakobjecttype: given('zaakobjecttype', ''),
    objectType: given('objectType', ''),
    objectTypeOverige: given('objectTypeOverige', ''),
    objectTypeOverigeDefinitie: given('objectTypeOverigeDefinitie', null),
    relatieomschrijving: given('relatieomschrijving', ''),
    objectIdentificatie: given('objectIdentificatie', null),
  };
  // "Indien je hier gebruik van maakt ... is het gebruik van objectIdentificatie niet mogelijk": the object's data is at its URL.
  if (state.objectTypeOverigeDefinitie || BY_URL_ONLY.includes(state.objectType) || (state.objectIdentificatie && Object.keys(state.objectIdentificatie).length === 0)) {
    state.objectIdentificatie = null;
  }
  return state;
}

function storedState(row: SubResourceRow, apiRoot: string): State {
  return {
    object: row.object === '' ? '' : shownUrl(row.object, apiRoot),
    zaakobjecttype: row.zaakobjecttype === '' ? '' : shownUrl(row.zaakobjecttype, apiRoot),
    objectType: row.object_type,
    objectTypeOverige: row.object_type_overige,
    objectTypeOverigeDefinitie: row.object_type_overige_definitie,
    relatieomschrijving: row.relatieomschrijving,
    objectIdentificatie: row.object_identificatie,
  };
}

export function zaakobjectOperations(deps: ZakenDeps): Operation[] {
  const { database, catalogi } = deps;
  const related = relatedResources(deps.references);

  /** The rules that read other resources (object, zaakobjecttype, objecttype): before the transaction. */
  async function checkReferences(body: Body, state: State, zaak: ZaakRef, apiRoot: string, creating: boolean): Promise<InvalidParam[]> {
    const errors: InvalidParam[] = [];
    const definitie = body.objectTypeOverigeDefinitie ? (body.objectTypeOverigeDefinitie as OverigeDefinitie) : undefined;
    let object: Record<string, unknown> | undefined;
    if (creating && state.object) {
      const found = asLookup(await related.object(state.object, apiRoot), 'object');
      if (found.ok) object = found.resource;
      else errors.push(found.error);
    }
    let zaakobjecttype: Record<string, unknown> | undefined;
    if (creating && state.zaakobjecttype) {
      const found = await catalogi.fetch('zaakobjecttype', state.zaakobjecttype, apiRoot);
      if (found.ok) zaakobjecttype = found.resource;
      else errors.push(found.error);
    }
    if (definitie) errors.push(...checkJqExpressions(definitie));
    if (creating && !state.object && !state.objectIdentificatie && !definitie) {
      errors.push({ name: 'nonFieldErrors', code: 'invalid-zaakobject', reason: 'object or objectIdentificatie must be provided' });
    }
    if (definitie && !errors.length) {
      if (!state.object) errors.push({ name: 'object', code: 'required', reason: 'Indien je `objectTypeOverigeDefinitie` gebruikt, dan moet je een OBJECT url opgeven.' });
      else {
        object ??= await related.object(state.object, apiRoot).then((found) => (found.ok ? found.resource : undefined));
        if (object) errors.push(...(await checkObjectAgainstDefinitie(definitie, object, related, apiRoot)));
      }
    }
    if (zaakobjecttype) errors.push(...checkBelongsToZaaktype('nonFieldErrors', zaakobjecttype, zaak.zaaktype, apiRoot));
    return errors;
  }

  /** `overige` and `objectTypeOverige` go together. */
  function checkOverige(state: State): InvalidParam[] {
    if (state.objectType === 'overige' && !state.objectTypeOverige && !state.objectTypeOverigeDefinitie) {
      return [{ name: 'nonFieldErrors', code: 'missing-object-type-overige', reason: 'Als `objectType` de waarde "overige" heeft, moet `objectTypeOverige` of `objectTypeOverigeDefinitie` van een waarde voorzien zijn.' }];
    }
    if (state.objectType !== 'overige' && state.objectTypeOverige) {
      return [{ name: 'nonFieldErrors', code: 'invalid-object-type-overige-usage', reason: 'Als `objectType` niet de waarde "overige" heeft, mag `objectTypeOverige` niet van een waarde voorzien zijn.' }];
    }
    return [];
  }

  function columns(state: State, apiRoot: string) {
    return {
      object: state.object ? storedUrl(state.object, apiRoot) : '',
      zaakobjecttype: state.zaakobjecttype ? storedUrl(state.zaakobjecttype, apiRoot) : '',
      object_type: state.objectType,
      object_type_overige: state.objectTypeOverige,
      object_type_overige_definitie: state.objectTypeOverigeDefinitie ? JSON.stringify(state.objectTypeOverigeDefinitie) : null,
      relatieomschrijving: state.relatieomschrijving,
      object_identificatie: state.objectIdentificatie ? JSON.stringify(state.objectIdentificatie) : null,
    };
  }

  async function reload(db: Db | Tx, uuid: string, apiRoot: string) {
    return toApi((await loadSubResource(db, 'zaakobject', uuid, apiRoot)).row, apiRoot);
  }

  async function update(params: { uuid: string }, body: Body, auth: Authorization, apiRoot: string, actie: 'update' | 'partial_update') {
    const { row, zaak } = await loadSubResource(database.db, 'zaakobject', params.uuid, apiRoot);
    assertMayChange(auth, zaak, UPDATE);
    const current = storedState(row, apiRoot);
    const errors = checkUnchangedUrls(body, { zaak: zaak.url, object: current.object, zaakobjecttype: current.zaakobjecttype }, apiRoot);
    if (body.objectType !== undefined && body.objectType !== current.objectType) errors.push({ name: 'objectType', code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' });
    if (errors.length) throw validationError(errors);
    // A PATCH without objectType: its objectIdentificatie is of the stored type.
    if (body.objectType === undefined) validateVariant(PatchedZaakObject, current.objectType, body);
    const state = stateOf(body, current);
    errors.push(...(await checkReferences(body, state, zaak, apiRoot, false)));
    const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
      errors.push(...(await checkArchiefstatus(tx, zaak)), ...checkOverige(state));
      if (errors.length) throw validationError(errors);
      await tx.updateTable('zaken.zaakobject').set(columns(state, apiRoot)).where('id', '=', row.id).execute();
      const nieuw = await reload(tx, row.uuid, apiRoot);
      await recordZaakMutation(tx, auth, { zaak, resource: 'zaakobject', resourceUrl: nieuw.url as string, actie, resultaat: 200, oud: toApi(row, apiRoot), nieuw, resourceWeergave: weergave(state) });
      return nieuw;
    });
    return { status: 200, body: nieuw };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/zaakobjecten',
      operationId: 'zaakobject_list',
      summary: 'Alle ZAAKOBJECTen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: ZaakObjectQuery,
      responses: { 200: { description: 'OK', schema: ZaakObjectList } },
      async handler({ query, auth, apiRoot, request }) {
        let rows = readableSubResources(database.db, 'zaakobject', auth, apiRoot, query.zaak);
        if (query.object !== undefined) rows = rows.where('part.object', '=', storedUrl(query.object, apiRoot));
        if (query.objectType !== undefined) rows = rows.where('part.object_type', '=', query.objectType);
        return { status: 200, body: await pageOfRows(rows, request, `${apiRoot}/zaakobjecten`, query.page ?? 1, (page) => page.map((r) => toApi(r, apiRoot))) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/zaakobjecten',
      operationId: 'zaakobject_create',
      summary: 'Maak een ZAAKOBJECT aan.',
      description: 'Maak een ZAAKOBJECT aan.',
      tags: TAGS,
      scopes: CREATE,
      auditHeaders: true,
      body: ZaakObject,
      responses: { 201: { description: 'Created', schema: ZaakObjectAnswer, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const b = body as Body;
        const zaak = await zaakFromUrl(database.db, b.zaak as string, apiRoot);
        assertMayChange(auth, zaak, CREATE);
        const state = stateOf(b, undefined);
        const errors = await checkReferences(b, state, zaak, apiRoot, true);
        const uuid = randomUUID();
        const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
          errors.push(...(await checkArchiefstatus(tx, zaak)));
          if (!errors.length) errors.push(...checkOverige(state));
          if (errors.length) throw validationError(errors);
          await tx.insertInto('zaken.zaakobject').values({ uuid, zaak_id: zaak.id, ...columns(state, apiRoot) }).execute();
          const nieuw = await reload(tx, uuid, apiRoot);
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaakobject', resourceUrl: nieuw.url as string, actie: 'create', resultaat: 201, nieuw, resourceWeergave: weergave(state), toelichting: auditToelichting(request.headers) });
          return nieuw;
        });
        return { status: 201, body: nieuw, headers: { Location: nieuw.url as string } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaakobjecten/{uuid}',
      operationId: 'zaakobject_retrieve',
      summary: 'Een specifiek ZAAKOBJECT opvragen.',
      description: 'Een specifiek ZAAKOBJECT opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: ZaakObjectAnswer } },
      head: { operationId: 'zaakobject_headers', summary: 'De headers voor een specifiek(e) ZAAKOBJECT opvragen ' },
      etag: true,
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakobject', params.uuid, apiRoot);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/zaakobjecten/{uuid}',
      operationId: 'zaakobject_update',
      summary: 'Werk een ZAAKOBJECT in zijn geheel bij.',
      description: 'Werk een ZAAKOBJECT in zijn geheel bij.',
      tags: TAGS,
      scopes: UPDATE,
      params: UuidParams,
      body: ZaakObject,
      responses: { 200: { description: 'OK', schema: ZaakObjectAnswer } },
      handler: ({ params, body, auth, apiRoot }) => update(params, body as Body, auth, apiRoot, 'update'),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/zaakobjecten/{uuid}',
      operationId: 'zaakobject_partial_update',
      summary: 'Werk een ZAAKOBJECT deels bij.',
      description: 'Werk een ZAAKOBJECT deels bij.',
      tags: TAGS,
      scopes: UPDATE,
      params: UuidParams,
      body: PatchedZaakObject,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: ZaakObjectAnswer } },
      handler: ({ params, body, auth, apiRoot }) => update(params, body as Body, auth, apiRoot, 'partial_update'),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/zaakobjecten/{uuid}',
      operationId: 'zaakobject_destroy',
      summary: 'Verwijder een ZAAKOBJECT.',
      description: 'Verbreek de relatie tussen een ZAAK en een OBJECT door de ZAAKOBJECT resource te verwijderen.',
      tags: TAGS,
      scopes: DESTROY,
      params: UuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakobject', params.uuid, apiRoot);
        assertMayChange(auth, zaak, DESTROY);
        await database.db.transaction().execute(async (tx: Tx) => {
          await tx.deleteFrom('zaken.zaakobject').where('id', '=', row.id).execute();
          const oud = toApi(row, apiRoot);
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaakobject', resourceUrl: oud.url as string, actie: 'destroy', resultaat: 204, oud, resourceWeergave: weergave(storedState(row, apiRoot)) });
        });
        return { status: 204 };
      },
    }),
  ];
}

function weergave(state: State): string {
  return [state.objectType === 'overige' ? state.objectTypeOverige || 'overige' : state.objectType, state.relatieomschrijving].filter(Boolean).join(': ').slice(0, 200);
}
