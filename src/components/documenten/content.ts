/**
 * Content and the transactions that refer to it, without orphans: content is stored before
 * the transaction that refers to it (it is streamed, and a transaction must not wait on a
 * client), so when that transaction fails the content is removed again; content no longer
 * referred to is removed only after the transaction that drops the reference commits.
 *
 * @example
 * const stored = await store.put(stream);
 * await committingContent(store, [stored.key], () => database.db.transaction().execute(…), oldKeys);
 */
import { Readable } from 'node:stream';
import type { ContentStore } from './storage.ts';

/**
 * Runs `transaction`, which refers to the freshly stored `added` keys: when it fails they are
 * removed; when it commits, the `dropped` keys (no longer referred to) are.
 */
export async function committingContent<T>(store: ContentStore, added: string[], transaction: () => Promise<T>, dropped: () => string[] = () => []): Promise<T> {
  let result: T;
  try {
    result = await transaction();
  } catch (error) {
    await store.delete(added);
    throw error;
  }
  await store.delete(dropped());
  return result;
}

/** Base64 `inhoud` of a JSON body (small documents), stored. */
export async function storeBase64(store: ContentStore, inhoud: string): Promise<{ key: string; size: number }> {
  return store.put(Readable.from([Buffer.from(inhoud, 'base64')]));
}

/** The parts' contents one after the other: a large document merged at unlock. */
export function concatenated(store: ContentStore, keys: string[]): AsyncIterable<Uint8Array> {
  return (async function* () {
    for (const key of keys) yield* store.get(key);
  })();
}
