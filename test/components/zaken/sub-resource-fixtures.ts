/**
 * What the tests of a zaak's sub-resources share: a real Open Grond (Catalogi and Zaken APIs)
 * with a published zaaktype and its types made through the Catalogi API, zaken inserted with
 * SQL (in any state: closed, archived, confidential), and a fake remote server for the resources of
 * other APIs (informatieobjecten, besluiten, contactmomenten, verzoeken, objects), whose
 * Documenten API checks the zaakinformatieobject in our API as the reference does.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ADMIN, registerWithDefault, startTestServer, type TestServer } from '../../helpers/server.ts';
import type { ClientSpec } from '../../../src/components/autorisaties/provision.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../../src/platform/http/schema.ts';
import { CATALOGI, createZaaktype, ZAKEN } from './fixtures.ts';

export async function startZakenServer(extraClients: ClientSpec[] = []): Promise<TestServer> {
  return startTestServer({ components: ['autorisaties', 'catalogi', 'zaken'], extraClients, verwerkingsactiviteiten: registerWithDefault(ADMIN.clientId, ...extraClients.map((c) => c.clientId)) });
}

export interface Zaaktype {
  url: string;
  roltypen: { behandelaar: string; initiator: string };
  eigenschap: string;
  zaakobjecttype: string;
  informatieobjecttype: string;
}

/**
 * A published zaaktype with roltypen (behandelaar, initiator), an eigenschap, a zaakobjecttype
 * and an informatieobjecttype among its informatieobjecttypen; a second one gives the types for
 * the rules "must belong to the zaak's zaaktype".
 */
export async function publishedZaaktype(server: TestServer, identificatie: string): Promise<Zaaktype> {
  const post = async (path: string, body: unknown) => {
    const answer = await server.call('POST', path.startsWith('http') ? path : `${CATALOGI}${path}`, { body });
    if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  // A concept first: its types are added, then it is published.
  const zaaktype = await createZaaktype(server, { identificatie, omschrijving: `Zaaktype ${identificatie}` }, false);
  const { catalogus } = (await server.call('GET', zaaktype)).body;
  const informatieobjecttype = (await post('/informatieobjecttypen', { catalogus, omschrijving: `Document ${identificatie}`, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2019-01-01', informatieobjectcategorie: 'Brief' })).url;
  const behandelaar = (await post('/roltypen', { zaaktype, omschrijving: 'Behandelaar', omschrijvingGeneriek: 'behandelaar' })).url;
  const initiator = (await post('/roltypen', { zaaktype, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' })).url;
  const eigenschap = (await post('/eigenschappen', { zaaktype, naam: 'kleur', definitie: 'De kleur', specificatie: { formaat: 'tekst', lengte: '10', kardinaliteit: '1', waardenverzameling: ['rood', 'groen'] } })).url;
  const zaakobjecttype = (
    await post('/zaakobjecttypen', { zaaktype, catalogus, anderObjecttype: false, objecttype: 'https://objecttypen.example/api/v2/objecttypes/1', relatieOmschrijving: 'betreft', beginGeldigheid: '2019-01-01' })
  ).url;
  await post('/zaaktype-informatieobjecttypen', { zaaktype, informatieobjecttype, volgnummer: 1, richting: 'inkomend' });
  await post(`${informatieobjecttype}/publish`, {});
  await post(`${zaaktype}/publish`, {});
  return { url: zaaktype, roltypen: { behandelaar, initiator }, eigenschap, zaakobjecttype, informatieobjecttype };
}

export interface ZaakSpec {
  zaaktype: string;
  vertrouwelijkheidaanduiding?: Vertrouwelijkheidaanduiding;
  /** Set: the zaak is closed. */
  einddatum?: string;
  archiefstatus?: string;
  /** The URL of the zaak this one is a deelzaak of. */
  hoofdzaak?: string;
}

/** A zaak inserted with SQL; its URL on the test server. */
export async function insertZaak(server: TestServer, spec: ZaakSpec): Promise<string> {
  const uuid = randomUUID();
  const zaaktype = new URL(spec.zaaktype);
  const hoofdzaak = spec.hoofdzaak ? await server.og.database.db.selectFrom('zaken.zaak').select('id').where('uuid', '=', spec.hoofdzaak.split('/').pop()!).executeTakeFirstOrThrow() : undefined;
  await server.og.database.db
    .insertInto('zaken.zaak')
    .values({
      uuid,
      identificatie: `ZAAK-${uuid.slice(0, 8)}`,
      bronorganisatie: '000000000',
      // Our own URLs are stored as paths.
      zaaktype: zaaktype.origin === new URL(server.baseUrl).origin ? zaaktype.pathname : spec.zaaktype,
      registratiedatum: '2024-01-01',
      verantwoordelijke_organisatie: '000000000',
      startdatum: '2024-01-01',
      vertrouwelijkheid_rank: VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(spec.vertrouwelijkheidaanduiding ?? 'openbaar'),
      einddatum: spec.einddatum ?? null,
      archiefstatus: spec.archiefstatus ?? 'nog_te_archiveren',
      hoofdzaak_id: hoofdzaak?.id ?? null,
    })
    .execute();
  return `${server.baseUrl}${ZAKEN}/zaken/${uuid}`;
}

/** The paths the fake remote server serves, and what it was asked to do. */
export interface RemoteServer {
  url: string;
  /** Serves `body` (JSON) at `path` until removed. */
  serve(path: string, body: unknown): string;
  remove(path: string): void;
  /** The ObjectInformatieObjecten its Documenten API holds: url → {informatieobject, object, objectType}. */
  objectinformatieobjecten: Map<string, Record<string, unknown>>;
  /** When set, its Documenten API refuses to make or delete relations, with this status. */
  refuseRelations?: number;
  close(): Promise<void>;
}

/**
 * A fake server for the other APIs. `/documenten/api/v1/objectinformatieobjecten` behaves as
 * the reference Documenten API: POST checks that our zaakinformatieobject exists (with `token`),
 * DELETE that it is gone.
 */
export async function startRemote(zaken: TestServer): Promise<RemoteServer> {
  const resources = new Map<string, unknown>();
  const objectinformatieobjecten = new Map<string, Record<string, unknown>>();
  let remote: RemoteServer;

  const relationExists = async (relation: Record<string, unknown>) => {
    const query = `zaak=${encodeURIComponent(String(relation.object))}&informatieobject=${encodeURIComponent(String(relation.informatieobject))}`;
    const answer = await zaken.call('GET', `${ZAKEN}/zaakinformatieobjecten?${query}`);
    return answer.status === 200 && answer.body.length === 1;
  };

  const server = http.createServer(async (request, response) => {
    const path = request.url ?? '/';
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    let text = '';
    for await (const chunk of request) text += chunk;
    if (request.method === 'GET' && resources.has(path)) return send(200, resources.get(path));
    if (request.method === 'POST' && path === '/documenten/api/v1/objectinformatieobjecten') {
      if (remote.refuseRelations) return send(remote.refuseRelations, { code: 'refused' });
      const relation = JSON.parse(text) as Record<string, unknown>;
      if (!(await relationExists(relation))) return send(400, { invalidParams: [{ name: 'nonFieldErrors', code: 'inconsistent-relation' }] });
      const url = `${remote.url}/documenten/api/v1/objectinformatieobjecten/${randomUUID()}`;
      objectinformatieobjecten.set(url, relation);
      return send(201, { url, ...relation });
    }
    if (request.method === 'DELETE' && path.startsWith('/documenten/api/v1/objectinformatieobjecten/')) {
      if (remote.refuseRelations) return send(remote.refuseRelations, { code: 'refused' });
      const url = `${remote.url}${path}`;
      const relation = objectinformatieobjecten.get(url);
      if (!relation) return send(404);
      if (await relationExists(relation)) return send(400, { invalidParams: [{ name: 'nonFieldErrors', code: 'remote-relation-exists' }] });
      objectinformatieobjecten.delete(url);
      return send(204);
    }
    return send(404, { detail: 'Niet gevonden.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  remote = {
    url,
    serve(path, body) {
      resources.set(path, body);
      return `${url}${path}`;
    },
    remove(path) {
      resources.delete(path);
    },
    objectinformatieobjecten,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return remote;
}

/** An enkelvoudiginformatieobject of `informatieobjecttype`, served by `remote`; its URL. */
export function informatieobject(remote: RemoteServer, informatieobjecttype: string): string {
  const path = `/documenten/api/v1/enkelvoudiginformatieobjecten/${randomUUID()}`;
  return remote.serve(path, {
    url: `${remote.url}${path}`,
    identificatie: 'DOC-1',
    bronorganisatie: '000000000',
    creatiedatum: '2024-01-01',
    titel: 'Brief',
    auteur: 'Tester',
    taal: 'nld',
    informatieobjecttype,
    versie: 1,
    locked: false,
  });
}

/** Gives `clientId` these autorisaties (component zrc) through the Autorisaties API. */
export async function grant(server: TestServer, clientId: string, autorisaties: { scopes: string[]; zaaktype: string; maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding }[]): Promise<void> {
  const answer = await server.call('POST', '/autorisaties/api/v1/applicaties', {
    body: { clientIds: [clientId], label: clientId, heeftAlleAutorisaties: false, autorisaties: autorisaties.map((a) => ({ component: 'zrc', ...a })) },
  });
  if (answer.status !== 201) throw new Error(`applicatie: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** A client identity (no rights until {@link grant}). */
export function client(name: string): { clientId: string; secret: string } {
  return { clientId: name, secret: `${name}-secret-0123456789` };
}
