/**
 * The suite's mock endpoints (`{{mock_url}}/200`, `/404`, `/communicatiekanaal`, ...), served
 * locally from the saved responses in ZGW_mocks.json: the status, headers and body each
 * example response records, for any method. Headers that describe the original transfer
 * (Content-Length, Content-Encoding, Connection, Date, ...) are left to node:http; a saved
 * response without a Content-Type gets `application/json` when its body is JSON.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isFolder, type PostmanCollection, type PostmanItem } from './suite.ts';

export interface MockRoute {
  name: string;
  method: string;
  path: string;
  /** The saved request's query string without `?`, '' if none. */
  query: string;
  status: number;
  headers: [string, string][];
  body: string;
}

const TRANSFER_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

interface SavedUrl {
  raw?: string;
  path?: (string | { value?: string })[];
  query?: { key?: string; value?: string | null; disabled?: boolean }[];
}
interface SavedResponse {
  code?: number;
  header?: { key: string; value: string; disabled?: boolean }[] | null;
  body?: string | null;
}

export function loadMockRoutes(collection: PostmanCollection): MockRoute[] {
  const routes: MockRoute[] = [];
  const walk = (items: PostmanItem[]) => {
    for (const item of items) {
      if (isFolder(item)) {
        walk(item.item!);
        continue;
      }
      const request = (item.request ?? {}) as { method?: string; url?: SavedUrl | string };
      const { path, query } = splitUrl(request.url);
      for (const saved of (item.response ?? []) as SavedResponse[]) {
        const headers = (saved.header ?? [])
          .filter((h) => !h.disabled && !TRANSFER_HEADERS.has(h.key.toLowerCase()))
          .map((h): [string, string] => [h.key, h.value ?? '']);
        const body = saved.body ?? '';
        if (body && !headers.some(([k]) => k.toLowerCase() === 'content-type')) {
          headers.push(['Content-Type', isJson(body) ? 'application/json' : 'text/plain; charset=utf-8']);
        }
        routes.push({ name: item.name, method: (request.method ?? 'GET').toUpperCase(), path, query, status: saved.code ?? 200, headers, body });
      }
    }
  };
  walk(collection.item);
  return routes;
}

function splitUrl(url: SavedUrl | string | undefined): { path: string; query: string } {
  const raw = typeof url === 'string' ? url : (url?.raw ?? '');
  // `{{mock_url}}/schema/openapi.yaml?v=3` → path `/schema/openapi.yaml`, query `v=3`
  const withoutHost = raw.replace(/^\{\{[^}]*\}\}/, '').replace(/^[a-z]+:\/\/[^/]*/i, '');
  const [path = '', query = ''] = withoutHost.split('?', 2) as [string?, string?];
  return { path: normalisePath(path), query };
}

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The saved response for a request: same path, preferring the same method and query. */
export function matchRoute(routes: MockRoute[], method: string, url: string): MockRoute | undefined {
  const parsed = new URL(url, 'http://mock');
  const path = normalisePath(decodeURIComponent(parsed.pathname));
  const query = parsed.search.replace(/^\?/, '');
  const candidates = routes.filter((r) => r.path === path);
  const score = (r: MockRoute) => (r.method === method.toUpperCase() ? 2 : 0) + (r.query === query ? 1 : 0);
  return candidates.sort((a, b) => score(b) - score(a))[0];
}

export interface MockServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

export async function startMockServer(routes: MockRoute[], host = '127.0.0.1', port = 0): Promise<MockServer> {
  const server = http.createServer((req, res) => {
    req.resume();
    const route = matchRoute(routes, req.method ?? 'GET', req.url ?? '/');
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ detail: `No mock for ${req.method} ${req.url}` }));
      return;
    }
    for (const [key, value] of route.headers) res.setHeader(key, value);
    res.statusCode = route.status;
    const noBody = req.method === 'HEAD' || route.status === 204 || route.status === 304;
    res.end(noBody ? undefined : route.body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
