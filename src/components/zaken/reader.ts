/**
 * Reads the resource behind any URL a zaak refers to, as JSON: this process's own APIs
 * in-process (Zaken as the caller, Catalogi with an internal read-all identity), anything
 * else over HTTP with a timeout. `expand` is passed on, so a resource comes back expanded
 * as its own API expands it.
 */
import { Authorization } from '../../platform/auth/authorization.ts';
import type { InProcessApi } from './in-process.ts';
import { originOf } from './urls.ts';

export interface ReadResult {
  status: number;
  body?: unknown;
}

export interface ReadOptions {
  /** The API root of the request being handled: URLs on its host are this process's. */
  apiRoot: string;
  /** Who reads; this process's own APIs check its rights (default: the internal identity). */
  auth?: Authorization;
  /** The `expand` query parameter to pass on. */
  expand?: string;
}

export interface ResourceReader {
  read(url: string, options: ReadOptions): Promise<ReadResult>;
}

/** Reads of this process's own Catalogi API: the types are public within the process. */
export const INTERNAL = new Authorization({ clientId: 'zaken-intern', rights: { heeftAlleAutorisaties: true, autorisaties: [] } });

/**
 * @param apis this process's APIs; `asCaller` APIs check the caller's rights, the others are
 *   read with {@link INTERNAL}
 */
export function resourceReader(apis: { api: InProcessApi; asCaller: boolean }[], timeoutMs = 5000): ResourceReader {
  return {
    async read(url, { apiRoot, auth, expand }) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { status: 400 };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { status: 400 };
      const own = parsed.origin === originOf(apiRoot) ? apis.find((a) => a.api.serves(parsed.pathname)) : undefined;
      if (own) {
        const query: Record<string, string> = expand ? { expand } : {};
        return own.api.get(parsed.pathname, parsed.origin, own.asCaller && auth ? auth : INTERNAL, query);
      }
      if (expand) parsed.searchParams.set('expand', expand);
      try {
        const response = await fetch(parsed, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        const text = await response.text();
        try {
          return { status: response.status, body: text ? JSON.parse(text) : undefined };
        } catch {
          return { status: response.status };
        }
      } catch {
        return { status: 0 };
      }
    },
  };
}
