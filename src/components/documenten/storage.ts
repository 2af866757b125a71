/**
 * Where the content of documents lives: a small interface, so the files can go elsewhere (an
 * object store) without the rest of the component noticing, and a filesystem implementation,
 * the default, in a directory under `--data-dir`.
 *
 * Content is streamed in and out and never held in memory. Every stored content has its own
 * key, written once: a new version gets new content, so a key is never overwritten while a
 * reader streams it. Keys referenced by no row are removed by the caller (see `content.ts`):
 * after a failed or rolled-back write, and after the commit that destroys a document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface ContentStore {
  /**
   * Stores what `content` yields under a new key. When the stream fails (or yields more than
   * `maxSize` bytes, a {@link ContentTooLarge}) nothing is kept.
   */
  put(content: Readable | AsyncIterable<Uint8Array>, options?: { maxSize?: number }): Promise<{ key: string; size: number }>;
  /** The content under `key`, streamed. */
  get(key: string): Readable;
  /** Removes the content under each key; a key that is gone already is no error. */
  delete(keys: string[]): Promise<void>;
}

/** A stream yielded more bytes than allowed. */
export class ContentTooLarge extends Error {
  constructor(readonly maxSize: number) {
    super(`Meer dan ${maxSize} bytes.`);
  }
}

const KEY = /^[0-9a-f]{32}$/;

/**
 * Content as files: `<dir>/<first two of key>/<key>`. A file is written under `<dir>/.tmp`
 * and renamed into place when complete, so a partly written file never has a key. The
 * directory is created on first use.
 */
export class FsContentStore implements ContentStore {
  readonly #dir: string;
  #ready = false;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async put(content: Readable | AsyncIterable<Uint8Array>, options: { maxSize?: number } = {}): Promise<{ key: string; size: number }> {
    this.#prepare();
    const key = randomUUID().replaceAll('-', '');
    const tmp = path.join(this.#dir, '.tmp', key);
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (options.maxSize !== undefined && size > options.maxSize) done(new ContentTooLarge(options.maxSize));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(content, count, fs.createWriteStream(tmp, { flags: 'wx' }));
      const target = this.#path(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(tmp, target);
      return { key, size };
    } catch (error) {
      await fs.promises.rm(tmp, { force: true });
      throw error;
    }
  }

  get(key: string): Readable {
    return fs.createReadStream(this.#path(key));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => fs.promises.rm(this.#path(key), { force: true })));
  }

  #path(key: string): string {
    if (!KEY.test(key)) throw new Error(`Ongeldige sleutel van inhoud: ${key}`);
    return path.join(this.#dir, key.slice(0, 2), key);
  }

  #prepare(): void {
    if (this.#ready) return;
    fs.mkdirSync(path.join(this.#dir, '.tmp'), { recursive: true });
    this.#ready = true;
  }
}
