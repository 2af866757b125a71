import type { FastifyRequest } from 'fastify';

/**
 * Scheme and host the client used, for the absolute URLs every ZGW resource carries. A
 * configured public URL wins; otherwise the Host header (and X-Forwarded-* when the app is
 * started with trustProxy behind a load balancer).
 */
export function requestOrigin(request: FastifyRequest, publicUrl?: string): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
