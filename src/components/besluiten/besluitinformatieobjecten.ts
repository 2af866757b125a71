/**
 * The besluitinformatieobject: the relation between a besluit and an informatieobject (in the
 * Documenten API) in which it is laid down. List, create, read and delete; the standard has no
 * update (the relation itself cannot change).
 *
 * The Documenten API mirrors it as an ObjectInformatieObject, which it checks against this
 * API: created only while the besluitinformatieobject exists, removed only once it is gone.
 * So, as for a besluit's ZaakBesluit (besluiten.ts): the local change first, committed with
 * its audit record; then the mirror in the Documenten API; and when that is refused or
 * unreachable, the local change undone (audited) and 400 `pending-relations`. A
 * besluitinformatieobject has no notification of its own: the kanaal `besluiten` announces
 * the besluit only.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { auditToelichting } from '../../platform/audit/audit.ts';
import { EXPAND, LOCATION, UuidParams } from '../../platform/http/parameters.ts';
import { BesluitInformatieObject, BesluitInformatieObjectExpanded } from './schemas.ts';
import * as repository from './repository.ts';
import type { BesluitInformatieObjectRow, BesluitInformatieObjectView, BesluitRow } from './repository.ts';
import { auditBesluit, assertMayAccess, visibleTo, BESLUITEN_AANMAKEN, BESLUITEN_LEZEN, BESLUITEN_VERWIJDEREN } from './access.ts';
import { besluitUuid, referencesFor, type References } from './references.ts';
import { RelationError } from './relations.ts';
import { besluitInformatieObjectNietUniek, informatieobjecttypeOfBesluittype, listsInformatieobjecttype, pendingRelation } from './rules.ts';
import { besluitToApi, besluitUrl, type BesluitenDeps } from './besluiten.ts';
import { expander } from './expand.ts';

const TAGS = ['besluitinformatieobjecten'];
const UNIQUE_VIOLATION = '23505';

const bioUrl = (apiRoot: string, uuid: string) => `${apiRoot}/besluitinformatieobjecten/${uuid}`;

function toApi(bio: Pick<BesluitInformatieObjectView, 'uuid' | 'informatieobject' | 'besluit_uuid'>, refs: References, apiRoot: string): BesluitInformatieObject {
  return { url: bioUrl(apiRoot, bio.uuid), informatieobject: refs.shown(bio.informatieobject), besluit: besluitUrl(apiRoot, bio.besluit_uuid) };
}

/** How the audit trail names one: the besluit's identificatie and the informatieobject's uuid, as the reference implementation does (with its identificatie). */
function weergave(besluitIdentificatie: string, informatieobject: string): string {
  return `(${besluitIdentificatie}) - ${informatieobject.split('/').pop()}`;
}

export function besluitInformatieObjectOperations({ database, references: resolver, relations }: BesluitenDeps): Operation[] {
  async function load(uuid: string): Promise<BesluitInformatieObjectView> {
    const bio = await repository.findBesluitInformatieObject(database.db, uuid);
    if (!bio) throw notFound(`Besluitinformatieobject ${uuid} bestaat niet.`);
    return bio;
  }

  /** The besluit a body refers to: one of this API's (`no_match`) that exists (`does_not_exist`). */
  async function besluitOf(url: string, refs: References): Promise<BesluitRow> {
    const uuid = besluitUuid(refs, url);
    if (!uuid) throw validationError([{ name: 'besluit', code: 'no_match', reason: 'Ongeldige hyperlink - Geen URL match.' }]);
    const besluit = await repository.findBesluit(database.db, uuid);
    if (!besluit) throw validationError([{ name: 'besluit', code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' }]);
    return besluit;
  }

  /**
   * The informatieobject must be one (`bad-url`, `invalid-resource`), of an
   * informatieobjecttype the besluit's besluittype names, and not yet related to the besluit.
   */
  async function check(refs: References, besluit: BesluitRow, informatieobject: string): Promise<void> {
    const errors: InvalidParam[] = [];
    const document = await refs.fetch('informatieobject', informatieobject);
    if (!document.ok) errors.push(document.error);
    else {
      const besluittype = await refs.fetch('besluittype', refs.shown(besluit.besluittype), 'besluit');
      const informatieobjecttype = String(document.resource.informatieobjecttype);
      if (!besluittype.ok) errors.push(besluittype.error);
      else if (!listsInformatieobjecttype(besluittype.resource, informatieobjecttype, refs.same)) {
        // Another version of a named type is related by omschrijving: look the type up for it.
        const type = await refs.fetch('informatieobjecttype', informatieobjecttype);
        errors.push(...informatieobjecttypeOfBesluittype(informatieobjecttype, besluittype.resource, type.ok ? type.resource : undefined, refs.same));
      }
    }
    errors.push(...besluitInformatieObjectNietUniek(await repository.besluitInformatieObjectTaken(database.db, besluit.id, refs.stored(informatieobject))));
    if (errors.length) throw validationError(errors);
  }

  async function create(body: BesluitInformatieObject, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const refs = referencesFor(resolver, apiRoot);
    const besluit = await besluitOf(body.besluit, refs);
    assertMayAccess(auth, BESLUITEN_AANMAKEN, besluit.besluittype, refs.stored);
    await check(refs, besluit, body.informatieobject);
    const hoofdObject = besluitUrl(apiRoot, besluit.uuid);
    const audit = (bio: Pick<BesluitInformatieObjectRow, 'uuid' | 'informatieobject'>) => ({
      besluit: hoofdObject,
      resource: 'besluitinformatieobject',
      resourceUrl: bioUrl(apiRoot, bio.uuid),
      resourceWeergave: weergave(besluit.identificatie, bio.informatieobject),
    });
    let bio: BesluitInformatieObjectRow;
    try {
      bio = await database.db.transaction().execute(async (tx) => {
        const bio = await repository.insertBesluitInformatieObject(tx, { uuid: randomUUID(), besluit_id: besluit.id, informatieobject: refs.stored(body.informatieobject) });
        await auditBesluit(tx, auth, { ...audit(bio), actie: 'create', resultaat: 201, nieuw: toApi({ ...bio, besluit_uuid: besluit.uuid }, refs, apiRoot), toelichting: auditToelichting(request.headers) });
        return bio;
      });
    } catch (error) {
      // The same relation created twice at once: the second loses at the database.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw validationError(besluitInformatieObjectNietUniek(true));
      throw error;
    }
    const created = toApi({ ...bio, besluit_uuid: besluit.uuid }, refs, apiRoot);
    try {
      const oio = await relations.registerObjectInformatieObject(body.informatieobject, hoofdObject, apiRoot);
      await database.db.transaction().execute((tx) => repository.setObjectInformatieObject(tx, bio.id, oio));
    } catch (error) {
      if (!(error instanceof RelationError)) throw error;
      await database.db.transaction().execute(async (tx) => {
        await repository.deleteBesluitInformatieObject(tx, bio.id);
        await auditBesluit(tx, auth, { ...audit(bio), actie: 'destroy', resultaat: 400, oud: created, toelichting: `Teruggedraaid: ${error.message}` });
      });
      throw validationError(pendingRelation('informatieobject', error.message));
    }
    return { status: 201, body: created, headers: { Location: created.url! } };
  }

  async function destroy(uuid: string, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const refs = referencesFor(resolver, apiRoot);
    const { besluit_uuid, besluit_besluittype, besluit_identificatie, ...row } = await load(uuid);
    assertMayAccess(auth, BESLUITEN_VERWIJDEREN, besluit_besluittype, refs.stored);
    const oud = toApi({ ...row, besluit_uuid }, refs, apiRoot);
    const audit = { besluit: besluitUrl(apiRoot, besluit_uuid), resource: 'besluitinformatieobject', resourceUrl: oud.url!, resourceWeergave: weergave(besluit_identificatie, row.informatieobject) };
    await database.db.transaction().execute(async (tx) => {
      await repository.deleteBesluitInformatieObject(tx, row.id);
      await auditBesluit(tx, auth, { ...audit, actie: 'destroy', resultaat: 204, oud, toelichting: auditToelichting(request.headers) });
    });
    if (row.objectinformatieobject) {
      try {
        await relations.removeObjectInformatieObject(row.objectinformatieobject, apiRoot);
      } catch (error) {
        if (!(error instanceof RelationError)) throw error;
        await database.db.transaction().execute(async (tx) => {
          await repository.restoreBesluitInformatieObject(tx, row);
          await auditBesluit(tx, auth, { ...audit, actie: 'create', resultaat: 400, nieuw: oud, toelichting: `Hersteld: ${error.message}` });
        });
        throw validationError(pendingRelation('informatieobject', error.message));
      }
    }
    return { status: 204 };
  }

  async function expanded(bio: BesluitInformatieObjectView, refs: References, apiRoot: string, expansion: ReturnType<typeof expander>): Promise<Record<string, unknown>> {
    const body = toApi(bio, refs, apiRoot);
    if (!expansion.fields.length) return body;
    const besluit = async () => {
      const row = await repository.findBesluit(database.db, bio.besluit_uuid);
      return row ? besluitToApi(row, refs, apiRoot) : {};
    };
    return { ...body, _expand: await expansion.expand({ informatieobject: body.informatieobject, besluit: body.besluit }, { besluit }) };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/besluitinformatieobjecten',
      operationId: 'besluitinformatieobject_list',
      summary: 'Alle BESLUIT-INFORMATIEOBJECT relaties opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [BESLUITEN_LEZEN],
      query: Type.Object({
        besluit: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het BESLUIT.' })),
        informatieobject: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het INFORMATIEOBJECT (in de Documenten API) waarin (een deel van) het besluit beschreven is.' })),
        expand: Type.Optional(EXPAND),
      }),
      responses: { 200: { description: 'OK', schema: Type.Array(BesluitInformatieObjectExpanded) } },
      async handler({ query, auth, apiRoot }) {
        const refs = referencesFor(resolver, apiRoot);
        const expansion = expander(query.expand, ['informatieobject', 'besluit'], refs, auth);
        // A besluit URL that is none of ours matches nothing (brc-008a: a deleted besluit has no relations).
        const besluitUuidFilter = query.besluit === undefined ? undefined : (besluitUuid(refs, query.besluit) ?? '00000000-0000-0000-0000-000000000000');
        const filter = { besluitUuid: besluitUuidFilter, informatieobject: query.informatieobject === undefined ? undefined : refs.stored(query.informatieobject) };
        const rows = await repository.listBesluitInformatieObjecten(database.db, filter, visibleTo(auth, BESLUITEN_LEZEN, refs.stored));
        return { status: 200, body: await Promise.all(rows.map((row) => expanded(row, refs, apiRoot, expansion))) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/besluitinformatieobjecten',
      operationId: 'besluitinformatieobject_create',
      summary: 'Maak een BESLUIT-INFORMATIEOBJECT relatie aan.',
      description: CREATE_DESCRIPTION,
      tags: TAGS,
      scopes: [BESLUITEN_AANMAKEN],
      body: BesluitInformatieObject,
      auditHeaders: true,
      responses: { 201: { description: 'Created', schema: BesluitInformatieObject, headers: LOCATION } },
      handler: ({ body, auth, apiRoot, request }) => create(body, auth, apiRoot, request),
    }),
    defineOperation({
      method: 'GET',
      path: '/besluitinformatieobjecten/{uuid}',
      operationId: 'besluitinformatieobject_read',
      summary: 'Een specifieke BESLUIT-INFORMATIEOBJECT relatie opvragen.',
      description: 'Een specifieke BESLUIT-INFORMATIEOBJECT relatie opvragen.',
      tags: TAGS,
      scopes: [BESLUITEN_LEZEN],
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: BesluitInformatieObjectExpanded } },
      async handler({ params, query, auth, apiRoot }) {
        const refs = referencesFor(resolver, apiRoot);
        const bio = await load(params.uuid);
        assertMayAccess(auth, BESLUITEN_LEZEN, bio.besluit_besluittype, refs.stored);
        return { status: 200, body: await expanded(bio, refs, apiRoot, expander(query.expand, ['informatieobject', 'besluit'], refs, auth)) };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/besluitinformatieobjecten/{uuid}',
      operationId: 'besluitinformatieobject_delete',
      summary: 'Verwijder een BESLUIT-INFORMATIEOBJECT relatie.',
      description: 'Verwijder een BESLUIT-INFORMATIEOBJECT relatie.',
      tags: TAGS,
      scopes: [BESLUITEN_VERWIJDEREN],
      params: UuidParams,
      auditHeaders: true,
      responses: { 204: { description: 'No content' } },
      handler: ({ params, auth, apiRoot, request }) => destroy(params.uuid, auth, apiRoot, request),
    }),
  ];
}

const CREATE_DESCRIPTION = `Registreer een INFORMATIEOBJECT bij een BESLUIT. Er worden twee types van
relaties met andere objecten gerealiseerd:

**Er wordt gevalideerd op**
- geldigheid \`besluit\` URL
- geldigheid \`informatieobject\` URL
- de combinatie \`informatieobject\` en \`besluit\` moet uniek zijn
- \`informatieobject.informatieobjecttype\` moet in het ZTC gerelateerd zijn
    aan \`besluit.besluittype\`

**Opmerkingen**
- De \`registratiedatum\` wordt door het systeem op 'NU' gezet. De
  \`aardRelatie\` wordt ook door het systeem gezet.
- Bij het aanmaken wordt ook in de Documenten API de gespiegelde relatie
  aangemaakt, echter zonder de relatie-informatie.`;
