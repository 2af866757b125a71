import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DRC, documentBody, startDocumentenServer, type DocumentenServer } from './fixtures.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';

describe('Documenten API: verzendingen', () => {
  let server: DocumentenServer;
  let doc: any;

  before(async () => {
    server = await startDocumentenServer();
    doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(await server.informatieobjecttype()) })).body;
  });
  after(() => server.close());

  const verzending = (overrides: Record<string, unknown> = {}) => ({
    betrokkene: 'https://klanten.example.nl/api/v1/klanten/1',
    informatieobject: doc.url,
    aardRelatie: 'geadresseerde',
    verzenddatum: '2024-02-01',
    contactPersoon: 'https://medewerkers.example.nl/api/v1/medewerkers/2',
    ...overrides,
  });

  it('registers a verzending with exactly one channel, filters and expands it, and announces it', async () => {
    const none = await server.call('POST', `${DRC}/verzendingen`, { body: verzending() });
    assert.deepEqual(none.body.invalidParams.map((p: any) => p.code), ['invalid-address']);
    const two = await server.call('POST', `${DRC}/verzendingen`, { body: verzending({ emailadres: 'a@example.nl', telefoonnummer: '0612345678' }) });
    assert.deepEqual(two.body.invalidParams.map((p: any) => p.code), ['invalid-address']);

    const created = await server.call('POST', `${DRC}/verzendingen`, {
      body: verzending({ binnenlandsCorrespondentieadres: { huisnummer: 1, naamOpenbareRuimte: 'Dorpsstraat', woonplaatsnaam: 'Ergens' } }),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.binnenlandsCorrespondentieadres, { huisnummer: 1, naamOpenbareRuimte: 'Dorpsstraat', woonplaatsnaam: 'Ergens' });
    assert.equal(created.body.mijnOverheid, false);

    const patched = await server.call('PATCH', created.body.url, { body: { emailadres: 'b@example.nl' } });
    assert.deepEqual(patched.body.invalidParams.map((p: any) => p.code), ['invalid-address']);
    const moved = await server.call('PATCH', created.body.url, { body: { binnenlandsCorrespondentieadres: null, emailadres: 'b@example.nl' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.emailadres, 'b@example.nl');

    const list = await server.call('GET', `${DRC}/verzendingen?aardRelatie=geadresseerde&informatieobject=${encodeURIComponent(doc.url)}&expand=informatieobject`);
    assert.equal(list.body.count, 1);
    assert.equal(list.body.results[0]._expand.informatieobject.url, doc.url);
    assert.equal((await server.call('GET', `${DRC}/verzendingen?aardRelatie=afzender`)).body.count, 0);

    assert.equal((await server.call('DELETE', created.body.url)).status, 204);
    const acties = (await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'documenten' })).filter((n) => n.resource === 'verzending').map((n) => n.actie);
    assert.deepEqual(acties, ['create', 'partial_update', 'destroy']);
  });
});
