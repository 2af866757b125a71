/**
 * Reads an HTML form body as it arrives, for an upload that must not be held in memory (a
 * bestandsdeel): `multipart/form-data` or `application/x-www-form-urlencoded`, the media types
 * the Documenten API accepts there. One field, the file, is handed to a consumer as a stream
 * with backpressure (it stores it); the other fields are small and collected as text.
 *
 * @example
 * const form = await readForm(request.raw, 'inhoud', (content) => store.put(content));
 * form.fields.lock; form.file?.key;
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { ProblemError } from '../../platform/http/problem.ts';

export interface FormBody<T> {
  /** The fields other than the file, as text. */
  fields: Record<string, string>;
  /** What the consumer made of the file field, when the body had one. */
  file?: T;
}

/** The largest field other than the file. */
const MAX_FIELD = 64 * 1024;
const MAX_HEADERS = 16 * 1024;

export async function readForm<T>(body: IncomingMessage, fileField: string, onFile: (content: Readable) => Promise<T>): Promise<FormBody<T>> {
  const contentType = body.headers['content-type'] ?? '';
  const sink = new FileSink(onFile);
  try {
    const fields = contentType.toLowerCase().startsWith('multipart/form-data')
      ? await readMultipart(body, boundaryOf(contentType), fileField, sink)
      : await readUrlencoded(body, fileField, sink);
    return { fields, file: await sink.result() };
  } catch (error) {
    await sink.abort(error);
    throw error;
  }
}

/** A malformed body: 400, as for bad JSON. */
function malformed(detail: string): ProblemError {
  return new ProblemError({ status: 400, code: 'parse_error', title: 'Ongeldige request body.', detail });
}

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw malformed('De Content-Type multipart/form-data mist de boundary.');
  return boundary;
}

/** Feeds the file field's bytes to its consumer, waiting when it cannot keep up. */
class FileSink<T> {
  readonly #onFile: (content: Readable) => Promise<T>;
  #stream: PassThrough | undefined;
  #consumer: Promise<T> | undefined;
  #failure: unknown;
  #ended = false;

  constructor(onFile: (content: Readable) => Promise<T>) {
    this.#onFile = onFile;
  }

  start(): void {
    if (this.#stream) throw malformed('Het bestand komt twee keer voor in de request body.');
    const stream = new PassThrough();
    this.#stream = stream;
    this.#consumer = this.#onFile(stream);
    this.#consumer.catch((error: unknown) => {
      this.#failure = error;
      stream.destroy();
    });
  }

  async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    if (this.#failure) throw this.#failure;
    const stream = this.#stream!;
    if (!stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
      });
    }
    if (this.#failure) throw this.#failure;
  }

  end(): void {
    if (!this.#stream || this.#ended) return;
    this.#ended = true;
    this.#stream.end();
  }

  /** What the consumer made of the file; undefined when there was none. */
  async result(): Promise<T | undefined> {
    if (!this.#consumer) return undefined;
    this.end();
    return this.#consumer;
  }

  /** The body is unusable: stop the consumer and wait for it to clean up. */
  async abort(error: unknown): Promise<void> {
    if (!this.#consumer) return;
    this.#stream!.destroy(error instanceof Error ? error : new Error(String(error)));
    await this.#consumer.catch(() => {});
  }
}

type Part = { kind: 'file' } | { kind: 'field'; name: string; chunks: Buffer[]; size: number };

async function readMultipart<T>(body: AsyncIterable<Buffer>, boundary: string, fileField: string, sink: FileSink<T>): Promise<Record<string, string>> {
  // Every boundary, the first too, is matched as CRLF--boundary: the body is read as if it started with a CRLF.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let state = 'preamble' as 'preamble' | 'after-boundary' | 'headers' | 'content' | 'end';
  let buffer: Buffer = Buffer.from('\r\n');
  let part: Part | undefined;

  const emit = async (bytes: Buffer) => {
    if (part?.kind === 'file') return sink.write(bytes);
    if (!part || bytes.length === 0) return;
    part.size += bytes.length;
    if (part.size > MAX_FIELD) throw malformed(`Het veld ${part.name} is te groot.`);
    part.chunks.push(Buffer.from(bytes));
  };
  const finishPart = () => {
    if (part?.kind === 'file') sink.end();
    else if (part) fields[part.name] = Buffer.concat(part.chunks).toString('utf8');
    part = undefined;
  };

  const step = async (): Promise<boolean> => {
    switch (state) {
      case 'preamble': {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          buffer = buffer.subarray(Math.max(0, buffer.length - delimiter.length + 1));
          return false;
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after-boundary';
        return true;
      }
      case 'after-boundary': {
        if (buffer.length < 2) return false;
        const next = buffer.subarray(0, 2).toString('latin1');
        if (next === '--') {
          state = 'end';
          return false;
        }
        if (next !== '\r\n') throw malformed('Onverwachte tekens na een multipart boundary.');
        buffer = buffer.subarray(2);
        state = 'headers';
        return true;
      }
      case 'headers': {
        const at = buffer.indexOf('\r\n\r\n');
        if (at < 0) {
          if (buffer.length > MAX_HEADERS) throw malformed('De headers van een multipart deel zijn te groot.');
          return false;
        }
        const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(buffer.subarray(0, at).toString('utf8'))?.[1];
        if (name === undefined) throw malformed('Een multipart deel mist Content-Disposition met een name.');
        if (name === fileField) {
          sink.start();
          part = { kind: 'file' };
        } else {
          part = { kind: 'field', name, chunks: [], size: 0 };
        }
        buffer = buffer.subarray(at + 4);
        state = 'content';
        return true;
      }
      case 'content': {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          // Keep what could be the start of the delimiter; the rest is content.
          const keep = Math.min(buffer.length, delimiter.length - 1);
          await emit(buffer.subarray(0, buffer.length - keep));
          buffer = buffer.subarray(buffer.length - keep);
          return false;
        }
        await emit(buffer.subarray(0, at));
        finishPart();
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after-boundary';
        return true;
      }
      case 'end':
        return false;
    }
  };

  for await (const chunk of body) {
    if (state === 'end') continue; // the epilogue is ignored
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    while (await step());
  }
  if (state !== 'end') throw malformed('De multipart body is onvolledig: de afsluitende boundary ontbreekt.');
  return fields;
}

/** `name=value&…`, percent-encoded, `+` for a space; the file field's value streamed as bytes. */
async function readUrlencoded<T>(body: AsyncIterable<Buffer>, fileField: string, sink: FileSink<T>): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  let inName = true;
  let name: number[] = [];
  let value: number[] = [];
  let isFile = false;
  let escape = ''; // a % sequence cut off at the end of a chunk

  const finishPair = () => {
    const key = decodeURIComponent(Buffer.from(name).toString('latin1').replaceAll('+', ' '));
    if (isFile) sink.end();
    else if (key !== '') fields[key] = Buffer.from(value).toString('utf8');
    name = [];
    value = [];
    inName = true;
    isFile = false;
  };

  for await (const chunk of body) {
    const out: number[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (inName) {
        if (byte === 0x3d /* = */) {
          inName = false;
          isFile = decodeURIComponent(Buffer.from(name).toString('latin1').replaceAll('+', ' ')) === fileField;
          if (isFile) sink.start();
        } else if (byte === 0x26 /* & */) {
          finishPair();
        } else {
          name.push(byte);
          if (name.length > MAX_FIELD) throw malformed('Een veldnaam is te groot.');
        }
        continue;
      }
      if (escape) {
        escape += String.fromCharCode(byte);
        if (escape.length < 3) continue;
        const decoded = Number.parseInt(escape.slice(1), 16);
        if (!/^%[0-9a-f]{2}$/i.test(escape)) throw malformed('Ongeldige %-codering in de request body.');
        escape = '';
        (isFile ? out : value).push(decoded);
      } else if (byte === 0x25 /* % */) {
        escape = '%';
      } else if (byte === 0x26 /* & */) {
        if (isFile) await sink.write(Buffer.from(out.splice(0)));
        finishPair();
      } else {
        (isFile ? out : value).push(byte === 0x2b /* + */ ? 0x20 : byte);
      }
      if (!isFile && value.length > MAX_FIELD) throw malformed('Een veld in de request body is te groot.');
    }
    if (isFile) await sink.write(Buffer.from(out));
  }
  if (escape) throw malformed('Ongeldige %-codering aan het eind van de request body.');
  if (name.length > 0 || !inName) finishPair();
  return fields;
}
