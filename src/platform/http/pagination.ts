import type { FastifyRequest } from 'fastify';
import { notFound } from './problem.ts';

/** Results per page in every list, as in the ZGW reference implementations. */
export const PAGE_SIZE = 100;

/**
 * The ZGW list envelope `{count, next, previous, results}` for one page (1-based) of a list
 * with `count` results in all. `next`/`previous` repeat the request's other query parameters.
 * A page past the end is a 404, as in the reference implementations.
 */
export function pageEnvelope<T>(listUrl: string, request: FastifyRequest, page: number, count: number, results: T[]) {
  if (page > 1 && (page - 1) * PAGE_SIZE >= count) throw notFound('Ongeldige pagina.');
  const pageUrl = (n: number) => {
    const url = new URL(listUrl);
    for (const [k, v] of Object.entries(request.query as Record<string, string>)) if (k !== 'page') url.searchParams.set(k, String(v));
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  return { count, next: page * PAGE_SIZE < count ? pageUrl(page + 1) : null, previous: page > 1 ? pageUrl(page - 1) : null, results };
}
