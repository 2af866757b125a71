/**
 * A besluit of a zaak served by this same process: the ZaakBesluit is registered in-process,
 * with the internal credential, after the besluit is committed, so the Zaken API can read it
 * back on the embedded database's one connection. The Zaken API is not built on this branch;
 * a stand-in answers its zaak and synchronisation endpoints under `/zaken/api/v1`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import type { OpenGrond } from '../../../src/server.ts';
import { besluitBody, publishedTypes, ROOT, type Catalogus } from './fixtures.ts';

let server: TestServer;
let types: Catalogus;
const zaakbesluiten = new Map<string, string>();
const registrations: { inProcess: boolean; credential: boolean; besluitZaak: unknown }[] = [];

/** The stand-in Zaken API: zaken of the test's zaaktype, and ZaakBesluiten checked against the besluit, read back in-process. */
function zakenStandIn(og: OpenGrond) {
  const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  const internal = (request: FastifyRequest) => request.headers.authorization === og.authenticator.internalCredential && !(request.raw.socket instanceof Socket);
  og.app.get<{ Params: { uuid: string } }>('/zaken/api/v1/zaken/:uuid', async (request) => ({
    url: `${origin(request)}/zaken/api/v1/zaken/${request.params.uuid}`, uuid: request.params.uuid, identificatie: 'Z-1', bronorganisatie: '000000000',
    zaaktype: types.zaaktype, verantwoordelijkeOrganisatie: '000000000', startdatum: '2024-01-01', einddatum: null, vertrouwelijkheidaanduiding: 'openbaar',
    betalingsindicatieWeergave: '', deelzaken: [], eigenschappen: [], rollen: [], status: null, resultaat: null, zaakinformatieobjecten: [], zaakobjecten: [],
  }));
  og.app.post<{ Params: { uuid: string }; Body: { besluit: string } }>('/zaken/api/v1/zaken/:uuid/besluiten', async (request, reply) => {
    const besluit = await og.references.fetch(request.body.besluit, { kind: 'besluit', matches: () => true }, { apiRoot: `${origin(request)}/zaken/api/v1` });
    registrations.push({ inProcess: !(request.raw.socket instanceof Socket), credential: internal(request), besluitZaak: besluit.ok ? besluit.resource.zaak : undefined });
    if (!internal(request) || !besluit.ok) return reply.code(400).send({ detail: 'Geweigerd.' });
    const url = `${origin(request)}/zaken/api/v1/zaken/${request.params.uuid}/besluiten/${randomUUID()}`;
    zaakbesluiten.set(url, request.body.besluit);
    return reply.code(201).send({ url, besluit: request.body.besluit });
  });
  og.app.delete('/zaken/api/v1/zaken/:uuid/besluiten/:id', async (request, reply) => {
    if (!internal(request)) return reply.code(403).send({ detail: 'Geweigerd.' });
    zaakbesluiten.delete(`${origin(request)}${request.url}`);
    return reply.code(204).send();
  });
}

before(async () => {
  // A stand-in Zaken API on this process's own routes: the real one is left out.
  server = await startTestServer({ components: ['autorisaties', 'catalogi', 'documenten', 'besluiten', 'referentielijsten'], beforeListen: zakenStandIn });
  types = await publishedTypes(server, 'PROC');
});

after(() => server?.close());

describe('a besluit of a zaak served here', () => {
  it('is registered in-process once committed, and its ZaakBesluit removed with it', async () => {
    const zaak = `${server.baseUrl}/zaken/api/v1/zaken/${randomUUID()}`;
    const created = await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(types.besluittype, { zaak }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(registrations, [{ inProcess: true, credential: true, besluitZaak: zaak }]);
    assert.deepEqual([...zaakbesluiten.values()], [created.body.url]);
    assert.equal((await server.call('DELETE', created.body.url)).status, 204);
    assert.deepEqual([...zaakbesluiten.values()], []);
  });
});
