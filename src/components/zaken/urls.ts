/**
 * How the Zaken API stores the URLs it is given and shows the ones it keeps. A URL on the
 * host the client reached this instance at (the request's API root) is one of our own and is
 * stored as its path (`/catalogi/api/v1/zaaktypen/…`, see platform/http/local-url.ts), so it
 * keeps its identity under any host name; any other URL is stored as given.
 */
import { absoluteUrl } from '../../platform/http/local-url.ts';

/** Scheme and host of an API root: `https://gemeente.nl` of `https://gemeente.nl/zaken/api/v1`. */
function originOf(apiRoot: string): string {
  return new URL(apiRoot).origin;
}

/** The form a URL is stored in: a path when it is on this instance's host, else the URL itself. */
export function storedUrl(url: string, apiRoot: string): string {
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return parsed.origin === originOf(apiRoot) ? `${parsed.pathname}${parsed.search}` : url;
  } catch {
    return url;
  }
}

/** A stored URL as the client sees it: paths on the host of the request. */
export function shownUrl(stored: string, apiRoot: string): string;
export function shownUrl(stored: string | null, apiRoot: string): string | null;
export function shownUrl(stored: string | null, apiRoot: string): string | null {
  return stored === null ? null : absoluteUrl(originOf(apiRoot), stored);
}

/** Whether two URLs name the same resource (one may be stored as a path). */
export function sameUrl(a: string, b: string, apiRoot: string): boolean {
  return storedUrl(a, apiRoot) === storedUrl(b, apiRoot);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * The uuid in an URL of one of this instance's resources: `collection` under the API root
 * `/name/api/v1`, on the request's host (or given as a path); undefined for any other URL.
 *
 * @example
 * ownUuid('https://gemeente.nl/zaken/api/v1/zaken/3f…', 'zaken', 'zaken', apiRoot) // '3f…'
 */
export function ownUuid(url: string, api: string, collection: string, apiRoot: string): string | undefined {
  const path = storedUrl(url, apiRoot);
  const match = new RegExp(`^/${api}/api/v1/${collection}/(${UUID})$`, 'i').exec(path);
  return match?.[1]?.toLowerCase();
}
