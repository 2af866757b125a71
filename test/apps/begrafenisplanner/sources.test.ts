/**
 * The app's HTTP client and its messages: a source that does not answer, an FSC error on the
 * way, and the codes of the Begraafplaatsen API each become the Dutch sentence the pages show;
 * the upload form is read without a library.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { SourceClient, SourceError } from '../../../src/apps/begrafenisplanner/sources/http.ts';
import { message } from '../../../src/apps/begrafenisplanner/pages/common.ts';
import { parseMultipart } from '../../../src/apps/begrafenisplanner/multipart.ts';
import { bevestigingPdf, winAnsi } from '../../../src/apps/begrafenisplanner/pdf.ts';
import { PDFDocument } from 'pdf-lib';

const credentials = { clientId: 'test', secret: 'test-secret' };

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void>; seen: http.IncomingHttpHeaders[] }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

test('a source that does not answer: unreachable, with a message that keeps the person calm', async () => {
  const closed = await serve(() => {});
  await closed.close();
  const client = new SourceClient('Zaken API', { origin: closed.url }, credentials, 2000);
  const error = await client.get('/zaken/api/v1/zaken').then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof SourceError);
  assert.ok(error.unreachable);
  assert.deepEqual(message(error), { status: 502, text: 'De Zaken API is op dit moment niet bereikbaar. Probeer het over een paar minuten opnieuw; wat u al had ingevuld is bewaard.' });
});

test('through an Outway: the grant hash goes along, the resource URL is followed through it, an FSC error is "unreachable"', async () => {
  const outway = await serve((req, res) => {
    if (req.url === '/down') {
      res.writeHead(502, { 'content-type': 'application/json', 'fsc-error-code': 'ERROR_CODE_INWAY_UNREACHABLE' }).end('{"code":"ERROR_CODE_INWAY_UNREACHABLE"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
  });
  try {
    const client = new SourceClient('Documenten API', { origin: 'http://gemeente.example', outway: { address: outway.url, grantHash: '$1$4$abc' } }, credentials);
    assert.deepEqual(await client.get('http://gemeente.example/documenten/api/v1/x?y=1'), { path: '/documenten/api/v1/x?y=1' });
    assert.equal(outway.seen[0]!['fsc-grant-hash'], '$1$4$abc');
    assert.match(String(outway.seen[0]!.authorization), /^Bearer ey/);
    const error = await client.get('/down').catch((e: unknown) => e);
    assert.ok(error instanceof SourceError && error.unreachable);
    assert.match(message(error).text, /De Documenten API is op dit moment niet bereikbaar/);
  } finally {
    await outway.close();
  }
});

test('the Begraafplaatsen API codes become their own messages', () => {
  const of = (status: number, code: string) => message(new SourceError('Begraafplaatsen API', status, { code }));
  assert.deepEqual(of(409, 'tijdslot-bezet'), { status: 409, text: 'Dit tijdslot is zojuist door iemand anders gereserveerd. Kies een ander tijdslot.' });
  assert.match(of(409, 'grafplaats-bezet').text, /Deze grafplaats is zojuist/);
  assert.match(of(400, 'geen-tijdslot').text, /niet begraven worden/);
  assert.match(of(409, 'reservering-verlopen').text, /verlopen/);
  assert.match(of(403, 'permission_denied').text, /weigert deze app de toegang/);
  assert.equal(message(new Error('boom')).status, 500);
  assert.doesNotMatch(message(new Error('boom')).text, /boom/);
});

test('the upload form: fields and a file, binary intact', () => {
  const file = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x00, 0xff]);
  const body = Buffer.concat([
    Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="titel"\r\n\r\nVerlof\r\n'),
    Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="verlof"; filename="C:\\\\map\\\\verlof.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
    file,
    Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="leeg"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n'),
  ]);
  const parsed = parseMultipart(body, 'multipart/form-data; boundary=XyZ');
  assert.deepEqual(parsed.fields, { titel: 'Verlof' });
  assert.deepEqual(Object.keys(parsed.files), ['verlof']);
  assert.equal(parsed.files.verlof![0]!.filename, 'verlof.pdf');
  assert.equal(parsed.files.verlof![0]!.contentType, 'application/pdf');
  assert.deepEqual(parsed.files.verlof![0]!.data, file);
});

test('the confirmation PDF: any name can be written, the letter says what was confirmed', async () => {
  assert.equal(winAnsi('Yılmaz – Łukasz Şahin, José'), "Yilmaz - Lukasz Sahin, José");
  const pdf = await bevestigingPdf({
    gemeente: 'Gemeente Oefenstad',
    zaakIdentificatie: 'ZAAK-2026-0000000001',
    overledene: 'Ayşe Yılmaz',
    rechthebbende: 'Zoë de Wit',
    uitvaartonderneming: 'Uitvaartonderneming De Laatste Eer',
    begraafplaats: 'Begraafplaats Rustoord',
    adres: 'Rustoordweg 12, 1235 CD Oefenstad',
    graf: 'vak 1, graf 3, plaats 1',
    start: new Date('2026-12-04T09:00:00+01:00'),
  });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const doc = await PDFDocument.load(pdf);
  assert.equal(doc.getPageCount(), 1);
  assert.equal(doc.getTitle(), 'Bevestiging begrafenis ZAAK-2026-0000000001');
});
