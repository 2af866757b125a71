import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readForm } from '../../../src/components/documenten/form-body.ts';

/** A request body arriving in chunks of `chunkSize` bytes. */
function body(contentType: string, data: Buffer, chunkSize: number): IncomingMessage {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  return Object.assign(Readable.from(chunks), { headers: { 'content-type': contentType } }) as unknown as IncomingMessage;
}

async function collect(content: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of content) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function multipart(boundary: string, parts: { name: string; value: Buffer | string; filename?: string }[], preamble = ''): Buffer {
  const pieces: Buffer[] = [Buffer.from(preamble)];
  for (const part of parts) {
    const disposition = `Content-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    pieces.push(Buffer.from(`--${boundary}\r\n${disposition}\r\n${part.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

describe('readForm', () => {
  it('streams the file field and collects the others, whatever the chunking (a boundary may be cut in two)', async () => {
    // Content that contains CRLF and dashes, like the delimiter's beginning.
    const file = Buffer.concat([randomBytes(5000), Buffer.from('\r\n--gren\r\n--gre\r\n-'), randomBytes(3000)]);
    const data = multipart('grens', [{ name: 'lock', value: 'abc123' }, { name: 'inhoud', value: file, filename: 'a.bin' }, { name: 'extra', value: 'ja' }], 'preamble to ignore\r\n');
    for (const chunkSize of [1, 7, 64, 1000, data.length]) {
      const form = await readForm(body('multipart/form-data; boundary="grens"', data, chunkSize), 'inhoud', collect);
      assert.deepEqual(form.fields, { lock: 'abc123', extra: 'ja' }, `chunks of ${chunkSize}`);
      assert.deepEqual(form.file, file, `chunks of ${chunkSize}`);
    }
  });

  it('reads application/x-www-form-urlencoded with the file percent-encoded', async () => {
    const file = Buffer.from([0, 1, 0x25, 0x26, 0x2b, 0x3d, 255, 32]);
    const encoded = `lock=a%20b+c&inhoud=${[...file].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}&x=1`;
    for (const chunkSize of [1, 2, 5, encoded.length]) {
      const form = await readForm(body('application/x-www-form-urlencoded', Buffer.from(encoded), chunkSize), 'inhoud', collect);
      assert.deepEqual(form.fields, { lock: 'a b c', x: '1' });
      assert.deepEqual(form.file, file);
    }
  });

  it('answers 400 for a body without its closing boundary, and stops the consumer', async () => {
    const data = multipart('grens', [{ name: 'inhoud', value: randomBytes(100), filename: 'a.bin' }]);
    let consumerError: unknown;
    const consume = (content: Readable) => collect(content).catch((error: unknown) => {
      consumerError = error;
      throw error;
    });
    await assert.rejects(readForm(body('multipart/form-data; boundary=grens', data.subarray(0, 120), 10), 'inhoud', consume), (error: any) => error.status === 400 && error.code === 'parse_error');
    assert.ok(consumerError, 'the consumer saw the body fail');
  });

  it('has no file when the body has none', async () => {
    const form = await readForm(body('multipart/form-data; boundary=b', multipart('b', [{ name: 'lock', value: 'x' }]), 3), 'inhoud', collect);
    assert.deepEqual(form, { fields: { lock: 'x' }, file: undefined });
  });
});
