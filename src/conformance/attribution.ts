/**
 * Counting a newman run per folder. Every assertion counts for the folder of the request it
 * ran after (a request's folder is where it lives in the suite, so a jump into
 * `common requests` counts there); a request that got no response (connection refused,
 * timeout) and a script that threw count as one failed assertion each.
 */
import type { NewmanEmitter, NewmanError } from 'newman';
import type { ItemInfo } from './collection.ts';

export interface Failure {
  request: string;
  assertion: string;
  message: string;
  /** HTTP status of the response the assertion ran on, when there was one. */
  status?: number;
}

export interface FolderResult {
  passed: number;
  failed: number;
  /** Requests executed (sent, or failed to send) in this folder. */
  requests: number;
  failures: Failure[];
}

export const emptyFolderResult = (): FolderResult => ({ passed: 0, failed: 0, requests: 0, failures: [] });

export class FolderTally {
  readonly folders = new Map<string, FolderResult>();
  /** Items started (including bridges), for the loop guard. */
  itemsStarted = 0;
  private lastStatus = new Map<string, number>();

  constructor(private readonly items: Map<string, ItemInfo>, folders: string[] = []) {
    for (const folder of folders) this.folders.set(folder, emptyFolderResult());
  }

  folder(key: string): FolderResult {
    let result = this.folders.get(key);
    if (!result) this.folders.set(key, (result = emptyFolderResult()));
    return result;
  }

  info(itemId: string | undefined, itemName = '?'): ItemInfo {
    return (itemId && this.items.get(itemId)) || { component: '?', folder: '(unknown)', request: itemName };
  }

  request(itemId: string | undefined, itemName: string | undefined, status: number | undefined, error?: NewmanError | null): void {
    const info = this.info(itemId, itemName);
    const folder = this.folder(info.folder);
    folder.requests += 1;
    if (itemId && status !== undefined) this.lastStatus.set(itemId, status);
    if (error) {
      folder.failed += 1;
      folder.failures.push({ request: info.request, assertion: '(request failed)', message: errorMessage(error) });
    }
  }

  assertion(itemId: string | undefined, itemName: string | undefined, assertion: string, error?: NewmanError | null, skipped = false): void {
    if (skipped) return;
    const info = this.info(itemId, itemName);
    const folder = this.folder(info.folder);
    if (!error) {
      folder.passed += 1;
      return;
    }
    folder.failed += 1;
    folder.failures.push({ request: info.request, assertion, message: errorMessage(error), status: itemId ? this.lastStatus.get(itemId) : undefined });
  }

  scriptError(itemId: string | undefined, itemName: string | undefined, listen: string, error: NewmanError): void {
    const info = this.info(itemId, itemName);
    const folder = this.folder(info.folder);
    folder.failed += 1;
    folder.failures.push({ request: info.request, assertion: `(${listen} script error)`, message: errorMessage(error), status: itemId ? this.lastStatus.get(itemId) : undefined });
  }

  /** Subscribes to a newman run's events. */
  attach(emitter: NewmanEmitter): void {
    emitter.on('beforeItem', () => {
      this.itemsStarted += 1;
    });
    emitter.on('request', (err, o) => this.request(o.item?.id, o.item?.name, o.response?.code, err));
    emitter.on('assertion', (err, o) => this.assertion(o.item?.id, o.item?.name, o.assertion ?? '(unnamed)', err, o.skipped));
    emitter.on('script', (err, o) => {
      if (err) this.scriptError(o.item?.id, o.item?.name, o.event?.listen ?? 'unknown', err);
    });
  }
}

function errorMessage(error: NewmanError): string {
  const name = error.name && error.name !== 'AssertionError' && error.name !== 'Error' ? error.name : '';
  const text = [name, error.message ?? error.code ?? ''].filter(Boolean).join(': ');
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
