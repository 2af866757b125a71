import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import { DRC, documentBody, LIMITED, startDocumentenServer, uploadPart, type DocumentenServer } from './fixtures.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('Documenten API: large documents in bestandsdelen', () => {
  let server: DocumentenServer;
  let iot: string;

  before(async () => {
    // Parts of 1000 bytes, so a document of a few kB is uploaded in several.
    server = await startDocumentenServer({ bestandsdeelOmvang: 1000 });
    iot = await server.informatieobjecttype();
    // `limited` may lock and unlock with the lock, but not force an unlock.
    await server.grantLimited([{ scopes: ['documenten.lezen', 'documenten.bijwerken', 'documenten.lock'], informatieobjecttype: iot, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }]);
  });
  after(() => server.close());

  /** A locked document of `size` bytes with its parts to upload. */
  async function largeDocument(size: number) {
    const body = documentBody(iot, { bestandsomvang: size });
    delete body.inhoud;
    const created = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  }

  it('creates a document without inhoud locked, with parts of the bestandsdeel size, and merges them at unlock', async () => {
    const content = randomBytes(3500);
    const doc = await largeDocument(content.length);
    assert.equal(doc.locked, true);
    assert.match(doc.lock, /^[0-9a-f]{32}$/);
    assert.equal(doc.inhoud, null);
    assert.deepEqual(doc.bestandsdelen.map((d: any) => [d.volgnummer, d.omvang, d.voltooid]), [[1, 1000, false], [2, 1000, false], [3, 1000, false], [4, 500, false]]);

    // Not all parts yet: unlocking is refused.
    const first = await uploadPart(server, doc.bestandsdelen[0].url, doc.lock, content.subarray(0, 1000));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { url: doc.bestandsdelen[0].url, lock: doc.lock, omvang: 1000, voltooid: true, volgnummer: 1 });
    const early = await server.call('POST', `${doc.url}/unlock`, { body: { lock: doc.lock }, client: LIMITED });
    assert.deepEqual(early.body.invalidParams.map((p: any) => p.code), ['incomplete-upload']);

    // Uploaded out of order, one as application/x-www-form-urlencoded.
    for (const i of [3, 1]) assert.equal((await uploadPart(server, doc.bestandsdelen[i].url, doc.lock, content.subarray(i * 1000, i * 1000 + doc.bestandsdelen[i].omvang))).status, 200);
    const urlencoded = await fetch(doc.bestandsdelen[2].url, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await server.token()}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ lock: doc.lock }).toString() + '&inhoud=' + [...content.subarray(2000, 3000)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
    });
    assert.equal(urlencoded.status, 200, await urlencoded.clone().text());
    assert.deepEqual((await server.call('GET', doc.url)).body.bestandsdelen.map((d: any) => d.voltooid), [true, true, true, true]);
    const partFiles = server.contentFiles().length;

    assert.equal((await server.call('POST', `${doc.url}/unlock`, { body: { lock: doc.lock } })).status, 204);
    const merged = (await server.call('GET', doc.url)).body;
    assert.equal(merged.locked, false);
    assert.deepEqual(merged.bestandsdelen, []);
    assert.equal(merged.bestandsomvang, 3500);
    assert.equal(merged.inhoud, `${doc.url}/download?versie=1`);
    assert.equal(server.contentFiles().length, partFiles - 4 + 1, 'the parts are removed once merged');

    const response = await fetch(merged.inhoud, { headers: { Authorization: `Bearer ${await server.token()}` } });
    assert.equal(response.headers.get('content-length'), '3500');
    assert.equal(sha256(Buffer.from(await response.arrayBuffer())), sha256(content));
  });

  it('refuses a part of the wrong size or with the wrong lock, and keeps nothing of it', async () => {
    const doc = await largeDocument(1500);
    const filesBefore = server.contentFiles().length;
    const tooBig = await uploadPart(server, doc.bestandsdelen[0].url, doc.lock, randomBytes(1001));
    assert.deepEqual(tooBig.body.invalidParams.map((p: any) => p.code), ['file-size']);
    const tooSmall = await uploadPart(server, doc.bestandsdelen[1].url, doc.lock, randomBytes(10));
    assert.deepEqual(tooSmall.body.invalidParams.map((p: any) => p.code), ['file-size']);
    const wrongLock = await uploadPart(server, doc.bestandsdelen[0].url, 'fout', randomBytes(1000));
    assert.deepEqual(wrongLock.body.invalidParams.map((p: any) => p.code), ['incorrect-lock-id']);
    const json = await server.call('PUT', doc.bestandsdelen[0].url, { body: { lock: doc.lock } });
    assert.equal(json.status, 415);
    assert.equal(server.contentFiles().length, filesBefore);

    // Nothing uploaded: unlocking asks for the parts; a forced unlock drops the upload.
    const unlock = await server.call('POST', `${doc.url}/unlock`, { body: { lock: doc.lock }, client: LIMITED });
    assert.deepEqual(unlock.body.invalidParams.map((p: any) => p.code), ['file-size']);
    await uploadPart(server, doc.bestandsdelen[0].url, doc.lock, randomBytes(1000));
    assert.equal((await server.call('POST', `${doc.url}/unlock`)).status, 204);
    const dropped = (await server.call('GET', doc.url)).body;
    assert.deepEqual([dropped.locked, dropped.bestandsdelen, dropped.inhoud, dropped.bestandsomvang], [false, [], null, null]);
    assert.equal(server.contentFiles().length, filesBefore, 'a forced unlock removes the uploaded parts');
  });

  it('replaces a part uploaded twice, keeping only the last upload', async () => {
    const doc = await largeDocument(1000);
    const filesBefore = server.contentFiles().length;
    await uploadPart(server, doc.bestandsdelen[0].url, doc.lock, Buffer.alloc(1000, 1));
    await uploadPart(server, doc.bestandsdelen[0].url, doc.lock, Buffer.alloc(1000, 2));
    assert.equal(server.contentFiles().length, filesBefore + 1);
    await server.call('POST', `${doc.url}/unlock`, { body: { lock: doc.lock } });
    const response = await fetch(`${doc.url}/download`, { headers: { Authorization: `Bearer ${await server.token()}` } });
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), Buffer.alloc(1000, 2));
  });

  it('updates with a large file through a new version with its own parts', async () => {
    const doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(iot, { content: 'klein' }) })).body;
    const lock = (await server.call('POST', `${doc.url}/lock`)).body.lock;
    const body = documentBody(iot, { bestandsomvang: 1200, identificatie: doc.identificatie, lock });
    delete body.inhoud;
    const v2 = await server.call('PUT', doc.url, { body });
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    assert.deepEqual(v2.body.bestandsdelen.map((d: any) => d.omvang), [1000, 200]);
    const content = randomBytes(1200);
    await uploadPart(server, v2.body.bestandsdelen[0].url, lock, content.subarray(0, 1000));
    await uploadPart(server, v2.body.bestandsdelen[1].url, lock, content.subarray(1000));
    assert.equal((await server.call('POST', `${doc.url}/unlock`, { body: { lock } })).status, 204);
    const download = async (versie: number) => Buffer.from(await (await fetch(`${doc.url}/download?versie=${versie}`, { headers: { Authorization: `Bearer ${await server.token()}` } })).arrayBuffer());
    assert.equal((await download(1)).toString(), 'klein');
    assert.equal(sha256(await download(2)), sha256(content));
  });
});
