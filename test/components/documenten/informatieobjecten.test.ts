import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DRC, documentBody, download, startDocumentenServer, type DocumentenServer } from './fixtures.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';

describe('Documenten API: documents, versions and locking', () => {
  let server: DocumentenServer;
  let iot: string;

  before(async () => {
    server = await startDocumentenServer();
    iot = await server.informatieobjecttype('zaakvertrouwelijk');
  });
  after(() => server.close());

  it('creates a document with base64 content, derives vertrouwelijkheidaanduiding and identificatie, and announces it', async () => {
    const created = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const doc = created.body;
    assert.equal(created.headers.get('location'), doc.url);
    assert.equal(doc.versie, 1);
    assert.equal(doc.vertrouwelijkheidaanduiding, 'zaakvertrouwelijk');
    assert.match(doc.identificatie, /^DOCUMENT-2024-\d{10}$/);
    assert.equal(doc.locked, false);
    assert.equal(doc.lock, '');
    assert.equal(doc.bestandsomvang, 12);
    assert.equal(doc.inhoud, `${doc.url}/download?versie=1`);
    assert.equal(doc.indicatieGebruiksrecht, null);
    assert.deepEqual(doc.bestandsdelen, []);

    const content = await download(server, doc.inhoud);
    assert.equal(content.status, 200);
    assert.equal(content.text, 'hallo wereld');
    assert.equal(content.headers.get('content-type'), 'application/octet-stream');
    assert.match(content.headers.get('content-disposition') ?? '', /filename="test.txt"/);

    const [notificatie] = await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'documenten', resourceUrl: doc.url });
    assert.equal(notificatie!.actie, 'create');
    assert.deepEqual(notificatie!.kenmerken, { bronorganisatie: '000000000', informatieobjecttype: iot, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' });
  });

  it('refuses an informatieobjecttype that does not answer, is no informatieobjecttype or is a concept', async () => {
    const bad = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(`${server.baseUrl}/catalogi/api/v1/informatieobjecttypen/00000000-0000-4000-8000-000000000000`) });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.invalidParams.map((p: any) => [p.name, p.code]), [['informatieobjecttype', 'bad-url']]);
    const notType = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(`${server.baseUrl}/catalogi/api/v1/catalogussen`) });
    assert.deepEqual(notType.body.invalidParams.map((p: any) => [p.name, p.code]), [['informatieobjecttype', 'invalid-resource']]);

    const catalogus = (await server.call('GET', '/catalogi/api/v1/catalogussen')).body.results[0].url;
    const concept = await server.call('POST', '/catalogi/api/v1/informatieobjecttypen', { body: { catalogus, omschrijving: 'concept', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01' } });
    const refused = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(concept.body.url) });
    assert.deepEqual(refused.body.invalidParams.map((p: any) => [p.name, p.code]), [['informatieobjecttype', 'not-published']]);
  });

  it('applies the status, indicatieGebruiksrecht and file-size rules, all at once', async () => {
    const broken = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, {
      body: documentBody(iot, { status: 'in_bewerking', ontvangstdatum: '2024-01-02', indicatieGebruiksrecht: true, bestandsomvang: 99 }),
    });
    assert.equal(broken.status, 400);
    assert.deepEqual(broken.body.invalidParams.map((p: any) => [p.name, p.code]).sort(), [
      ['indicatieGebruiksrecht', 'missing-gebruiksrechten'],
      ['nonFieldErrors', 'file-size'],
      ['status', 'invalid_for_received'],
    ]);
  });

  it("takes a blank status ('') as a value, and a blank vertrouwelijkheidaanduiding as the informatieobjecttype's", async () => {
    const doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { status: 'gearchiveerd', vertrouwelijkheidaanduiding: '' }) })).body;
    assert.deepEqual([doc.status, doc.vertrouwelijkheidaanduiding], ['gearchiveerd', 'zaakvertrouwelijk']);
    const lock = (await server.call('POST', `${doc.url}/lock`)).body.lock;
    // zrc-022 takes a document back out of gearchiveerd so.
    const blank = await server.call('PATCH', doc.url, { body: { status: '', vertrouwelijkheidaanduiding: '', lock } });
    assert.equal(blank.status, 200, JSON.stringify(blank.body));
    assert.deepEqual([blank.body.status, blank.body.vertrouwelijkheidaanduiding], ['', 'zaakvertrouwelijk']);
  });

  it('keeps every version: updates need the lock, and each makes a version shown and downloadable by versie and registratieOp', async () => {
    const doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { content: 'versie een' }) })).body;

    const unlocked = await server.call('PATCH', doc.url, { body: { titel: 'nieuw', lock: 'x' } });
    assert.deepEqual(unlocked.body.invalidParams.map((p: any) => p.code), ['unlocked']);

    const lock = await server.call('POST', `${doc.url}/lock`);
    assert.equal(lock.status, 200);
    assert.match(lock.body.lock, /^[0-9a-f]{32}$/);
    const again = await server.call('POST', `${doc.url}/lock`);
    assert.deepEqual(again.body.invalidParams.map((p: any) => p.code), ['existing-lock']);

    assert.deepEqual((await server.call('PATCH', doc.url, { body: { titel: 'nieuw' } })).body.invalidParams.map((p: any) => p.code), ['missing-lock-id']);
    assert.deepEqual((await server.call('PATCH', doc.url, { body: { titel: 'nieuw', lock: 'fout' } })).body.invalidParams.map((p: any) => p.code), ['incorrect-lock-id']);
    const put = await server.call('PUT', doc.url, { body: documentBody(iot, { titel: 'zonder lock' }) });
    assert.deepEqual(put.body.invalidParams.map((p: any) => [p.name, p.code]), [['lock', 'required']]);
    const otherType = await server.call('PATCH', doc.url, { body: { informatieobjecttype: await server.informatieobjecttype(), lock: lock.body.lock } });
    assert.deepEqual(otherType.body.invalidParams.map((p: any) => [p.name, p.code]), [['informatieobjecttype', 'wijzigen-niet-toegelaten']]);

    const otherSize = await server.call('PATCH', doc.url, { body: { bestandsomvang: 99, lock: lock.body.lock } });
    assert.deepEqual(otherSize.body.invalidParams.map((p: any) => p.code), ['file-size'], 'the content kept has its own size');

    const registratieVersie1 = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const v2 = await server.call('PATCH', doc.url, { body: { titel: 'tweede titel', lock: lock.body.lock } });
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    assert.equal(v2.body.versie, 2);
    assert.equal(v2.body.titel, 'tweede titel');
    assert.equal(v2.body.inhoud, `${doc.url}/download?versie=2`, 'a PATCH without inhoud keeps the content');
    const v3 = await server.call('PUT', doc.url, { body: documentBody(iot, { content: 'versie drie', titel: 'derde', identificatie: doc.identificatie, lock: lock.body.lock }) });
    assert.equal(v3.status, 200, JSON.stringify(v3.body));
    assert.equal(v3.body.versie, 3);

    assert.equal((await server.call('GET', doc.url)).body.titel, 'derde');
    assert.equal((await server.call('GET', `${doc.url}?versie=1`)).body.titel, 'testdocument');
    assert.equal((await server.call('GET', `${doc.url}?versie=2`)).body.titel, 'tweede titel');
    assert.equal((await server.call('GET', `${doc.url}?registratieOp=${encodeURIComponent(registratieVersie1)}`)).body.versie, 1);
    assert.equal((await server.call('GET', `${doc.url}?versie=9`)).status, 404);
    assert.equal((await download(server, `${doc.url}/download?versie=1`)).text, 'versie een');
    assert.equal((await download(server, `${doc.url}/download?versie=2`)).text, 'versie een');
    assert.equal((await download(server, `${doc.url}/download`)).text, 'versie drie');

    const list = await server.call('GET', `${DRC}/enkelvoudiginformatieobjecten?identificatie=${doc.identificatie}`);
    assert.equal(list.body.count, 1, 'a list shows each document once, in its current version');
    assert.equal(list.body.results[0].versie, 3);

    assert.equal((await server.call('POST', `${doc.url}/unlock`, { body: { lock: 'fout' }, client: limitedLocker() })).status, 403);
    assert.equal((await server.call('POST', `${doc.url}/unlock`, { body: { lock: lock.body.lock } })).status, 204);
    assert.equal((await server.call('GET', doc.url)).body.locked, false);
    const trail = await server.call('GET', `${doc.url}/audittrail`);
    assert.deepEqual(trail.body.map((e: any) => e.actie), ['create', 'lock', 'partial_update', 'update', 'unlock']);
  });

  it('lets documenten.geforceerd-unlock release a lock without it', async () => {
    const doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot) })).body;
    await server.call('POST', `${doc.url}/lock`);
    // The all-rights admin holds geforceerd-unlock: no body needed.
    assert.equal((await server.call('POST', `${doc.url}/unlock`)).status, 204);
  });

  it('filters _zoek by uuid and the list by trefwoorden', async () => {
    const a = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { trefwoorden: ['bouw', 'vergunning'] }) })).body;
    const b = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { trefwoorden: ['klacht'] }) })).body;
    const uuid = (url: string) => url.split('/').pop();
    const zoek = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { body: { uuid__in: [uuid(a.url), uuid(b.url)] } });
    assert.deepEqual(zoek.body.results.map((d: any) => d.url), [a.url, b.url]);
    const byTrefwoord = await server.call('GET', `${DRC}/enkelvoudiginformatieobjecten?trefwoorden=klacht,iets`);
    assert.deepEqual(byTrefwoord.body.results.map((d: any) => d.url), [b.url]);
  });

  it('keeps indicatieGebruiksrecht in step with the gebruiksrechten, and destroys a document with all that is its own', async () => {
    const doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot) })).body;
    // Without an offset, as clients send it: Dutch local time.
    const recht = await server.call('POST', `${DRC}/gebruiksrechten`, { body: { informatieobject: doc.url, startdatum: '2024-01-01T12:00:00', omschrijvingVoorwaarden: 'alleen intern' } });
    assert.equal(recht.status, 201, JSON.stringify(recht.body));
    assert.equal(recht.body.startdatum, '2024-01-01T11:00:00.000Z');
    assert.equal((await server.call('GET', doc.url)).body.indicatieGebruiksrecht, true);
    const listed = await server.call('GET', `${DRC}/gebruiksrechten?informatieobject=${encodeURIComponent(doc.url)}`);
    assert.deepEqual(listed.body.map((g: any) => g.url), [recht.body.url]);
    assert.equal((await server.call('DELETE', recht.body.url)).status, 204);
    assert.equal((await server.call('GET', doc.url)).body.indicatieGebruiksrecht, null);

    await server.call('POST', `${DRC}/gebruiksrechten`, { body: { informatieobject: doc.url, startdatum: '2024-01-01T12:00:00Z', omschrijvingVoorwaarden: 'x' } });
    const files = server.contentFiles().length;
    assert.equal((await server.call('DELETE', doc.url)).status, 204);
    assert.equal(server.contentFiles().length, files - 1, "the destroyed document's content is removed");
    assert.equal((await server.call('GET', doc.url)).status, 404);
    assert.deepEqual((await server.call('GET', `${DRC}/gebruiksrechten?informatieobject=${encodeURIComponent(doc.url)}`)).body, []);
    assert.equal((await server.call('GET', `${doc.url}/audittrail`)).status, 404);
  });

  it('leaves no content behind when a write is refused or rolled back', async () => {
    const doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { identificatie: 'UNIEK-1' }) })).body;
    const before = server.contentFiles().sort();
    // The content is stored before the transaction; the transaction then refuses the identificatie and rolls back.
    const duplicate = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { identificatie: 'UNIEK-1', content: 'weg ermee' }) });
    assert.deepEqual(duplicate.body.invalidParams.map((p: any) => [p.name, p.code]), [['identificatie', 'identificatie-niet-uniek']]);
    const lock = (await server.call('POST', `${doc.url}/lock`)).body.lock;
    // A new version taking another document's identificatie: its content is stored, the transaction rolls back.
    const other = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { identificatie: 'UNIEK-2' }) })).body;
    const taken = await server.call('PUT', doc.url, { body: documentBody(iot, { identificatie: 'UNIEK-2', content: 'ook weg', lock }) });
    assert.deepEqual(taken.body.invalidParams.map((p: any) => [p.name, p.code]), [['identificatie', 'identificatie-niet-uniek']]);
    const added = server.contentFiles().filter((f) => !before.includes(f));
    assert.equal(added.length, 1, "only the other document's content was added");
    assert.ok(before.every((f) => server.contentFiles().includes(f)));
    assert.equal((await server.call('GET', doc.url)).body.versie, 1);
    await server.call('POST', `${doc.url}/unlock`, { body: { lock } });
    assert.ok(other.url);
  });
});

/** A client that may lock but not force an unlock (none of its rights cover the document here). */
function limitedLocker() {
  return { clientId: 'test-limited', secret: 'test-limited-secret-0123456789' };
}
