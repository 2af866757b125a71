/**
 * The Fastify app every component is registered on: problem+json for every error (also
 * Fastify's own: bad JSON, wrong content type, oversized bodies, unknown routes), CORS, and
 * request ids. No trailing slashes: `/applicaties/` is not `/applicaties`.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import { randomUUID } from 'node:crypto';
import { ProblemError } from './problem.ts';
import { registerTracing } from './trace.ts';

export interface AppOptions {
  logger?: boolean | object;
  /** Largest request body in bytes (operations may allow more). */
  bodyLimit?: number;
  /** Origins allowed by CORS; `*` for any. */
  corsOrigins?: string[];
  /** Trust X-Forwarded-* from a load balancer in front. */
  trustProxy?: boolean;
}

export async function createApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    exposeHeadRoutes: false,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID()),
    // Graceful shutdown: stop accepting, let in-flight requests finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  // An empty body with Content-Type application/json (as clients send on DELETE or publish)
  // is no body, as the reference implementation reads it: operations that need a body still
  // answer parse_error for it (api.ts), the others ignore it.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });

  const origins = options.corsOrigins ?? ['*'];
  await app.register(cors, {
    origin: origins.includes('*') ? true : origins,
    exposedHeaders: ['API-version', 'Location', 'ETag', 'Content-Crs', 'Warning', 'traceparent'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Crs', 'Content-Crs', 'If-None-Match', 'X-Request-Id', 'traceparent', 'Verwerkingsactiviteit'],
  });
  registerTracing(app);

  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    const problem = error instanceof ProblemError ? error : fromFastifyError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(JSON.stringify(problem.toProblem()));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new ProblemError({ status: 404, code: 'not_found', title: 'Niet gevonden.', detail: `Er is geen resource op ${request.method} ${request.url.split('?')[0]}.` });
    reply.code(404).type('application/problem+json').send(JSON.stringify(problem.toProblem()));
  });

  return app;
}

/** Fastify's own errors (raised before a handler runs) in ZGW problem form. */
function fromFastifyError(error: FastifyError): ProblemError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError({ status: 415, code: 'unsupported_media_type', title: 'Ongeldige media type.', detail: 'Gebruik Content-Type: application/json.' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError({ status: 413, code: 'payload_too_large', title: 'Request body te groot.', detail: error.message });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ProblemError({ status: 400, code: 'parse_error', title: 'Ongeldige JSON.', detail: 'De request body is leeg.' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ProblemError({ status: 400, code: 'parse_error', title: 'Ongeldige request.', detail: error.message });
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new ProblemError({ status: 400, code: 'parse_error', title: 'Ongeldige JSON.', detail: `De request body is geen geldige JSON: ${error.message}` });
  }
  if (error.statusCode && error.statusCode < 500) {
    return new ProblemError({ status: error.statusCode, code: 'error', title: error.message, detail: error.message });
  }
  return new ProblemError({ status: 500, code: 'error', title: 'Er is een interne serverfout opgetreden.', detail: 'Er is een interne serverfout opgetreden.' });
}
