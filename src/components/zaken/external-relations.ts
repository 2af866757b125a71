/**
 * A zaak's relation to a resource of another API that only names it by URL, as
 * zaakcontactmomenten (a contactmoment) and zaakverzoeken (a verzoek) are: list, create, read
 * and delete. The URL must answer with that resource (`bad-url` / `invalid-resource`); an
 * archived zaak gets no new ones. The kanaal `zaken` announces their creation only.
 *
 * The reference implementation also registers the mirrored relation in the other API
 * (ObjectContactmoment, ObjectVerzoek); the Zaken API 1.5.2 does not ask for it and those
 * APIs are not part of Open Grond, so that is not done here.
 */
import { randomUUID } from 'node:crypto';
import type { TObject } from '@sinclair/typebox';
import type { Tx } from '../../platform/db/database.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { asLookup, relatedResources } from './related.ts';
import { shownUrl, storedUrl } from './urls.ts';
import { assertMayChange, assertMayRead, auditToelichting, recordZaakMutation, zaakFromUrl, zaakUrl, ZAKEN_BIJWERKEN, ZAKEN_LEZEN } from './zaak-access.ts';
import { allRows, checkArchiefstatus, loadSubResource, readableSubResources, ZAAK_FILTER, type SubResourceRow } from './sub-resources.ts';
import { LOCATION, UuidParams } from '../../platform/http/parameters.ts';

export interface ExternalRelation {
  /** The path segment, e.g. `zaakcontactmomenten`. */
  collection: string;
  /** The resource and table name, e.g. `zaakcontactmoment`. */
  resource: 'zaakcontactmoment' | 'zaakverzoek';
  /** The attribute (and column) with the other resource's URL, e.g. `contactmoment`; also its kind. */
  field: 'contactmoment' | 'verzoek';
  /** How the standard names it in summaries: `ZAAKCONTACTMOMENT`. */
  title: string;
  schema: TObject;
  /** The list filter's description of `field`. */
  fieldDescription: string;
}

export function externalRelationOperations(deps: ZakenDeps, relation: ExternalRelation): Operation[] {
  const { database } = deps;
  const related = relatedResources(deps.references);
  const { collection, resource, field, title, schema } = relation;
  const TAGS = [collection];
  const url = (apiRoot: string, uuid: string) => `${apiRoot}/${collection}/${uuid}`;
  const toApi = (row: SubResourceRow, apiRoot: string): Record<string, unknown> => ({
    url: url(apiRoot, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(apiRoot, row.zaak_uuid),
    [field]: shownUrl(row[field], apiRoot),
  });

  return [
    defineOperation({
      method: 'GET',
      path: `/${collection}`,
      operationId: `${resource}_list`,
      summary: `Alle ${title}en opvragen.`,
      description: `Alle ${title}en opvragen.`,
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: Type.Object({ zaak: Type.Optional(ZAAK_FILTER), [field]: Type.Optional(Type.String({ format: 'uri', description: relation.fieldDescription })) }),
      responses: { 200: { description: 'OK', schema: Type.Array(schema) } },
      async handler({ query, auth, apiRoot }) {
        const q = query as Record<string, string | undefined>;
        let rows = readableSubResources(database.db, resource, auth, apiRoot, q.zaak);
        if (q[field] !== undefined) rows = rows.where(`part.${field}`, '=', storedUrl(q[field], apiRoot));
        return { status: 200, body: (await allRows(rows)).map((r) => toApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: `/${collection}`,
      operationId: `${resource}_create`,
      summary: `Maak een ${title} aan.`,
      description: `**Er wordt gevalideerd op**\n- geldigheid URL naar de ${field.toUpperCase()}`,
      tags: TAGS,
      scopes: [ZAKEN_BIJWERKEN],
      auditHeaders: true,
      body: schema,
      responses: { 201: { description: 'Created', schema, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const b = body as Record<string, string>;
        const zaak = await zaakFromUrl(database.db, b.zaak!, apiRoot);
        assertMayChange(auth, zaak, [ZAKEN_BIJWERKEN]);
        const errors: InvalidParam[] = [];
        const other = asLookup(await related[field](b[field]!, apiRoot), field);
        if (!other.ok) errors.push(other.error);
        const uuid = randomUUID();
        const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
          errors.push(...(await checkArchiefstatus(tx, zaak)));
          if (errors.length) throw validationError(errors);
          await tx.insertInto(`zaken.${resource}`).values({ uuid, zaak_id: zaak.id, [field]: storedUrl(b[field]!, apiRoot) }).execute();
          const nieuw = toApi((await loadSubResource(tx, resource, uuid, apiRoot)).row, apiRoot);
          await recordZaakMutation(tx, auth, { zaak, resource, resourceUrl: nieuw.url as string, actie: 'create', resultaat: 201, nieuw, resourceWeergave: b[field]!.slice(0, 200), toelichting: auditToelichting(request.headers) });
          return nieuw;
        });
        return { status: 201, body: nieuw, headers: { Location: nieuw.url as string } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: `/${collection}/{uuid}`,
      operationId: `${resource}_retrieve`,
      summary: `Een specifiek ${title} opvragen.`,
      description: `Een specifiek ${title} opvragen.`,
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema } },
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, resource, params.uuid, apiRoot);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: `/${collection}/{uuid}`,
      operationId: `${resource}_destroy`,
      summary: `Verwijder een ${title}.`,
      description: `Verwijder een ${title}.`,
      tags: TAGS,
      scopes: [ZAKEN_BIJWERKEN],
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot, request }) {
        const { row, zaak } = await loadSubResource(database.db, resource, params.uuid, apiRoot);
        assertMayChange(auth, zaak, [ZAKEN_BIJWERKEN]);
        const oud = toApi(row, apiRoot);
        await database.db.transaction().execute(async (tx: Tx) => {
          await tx.deleteFrom(`zaken.${resource}`).where('id', '=', row.id).execute();
          await recordZaakMutation(tx, auth, { zaak, resource, resourceUrl: oud.url as string, actie: 'destroy', resultaat: 204, oud, resourceWeergave: String(oud[field]).slice(0, 200), toelichting: auditToelichting(request.headers), notify: false });
        });
        return { status: 204 };
      },
    }),
  ];
}
