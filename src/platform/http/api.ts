/**
 * How a component declares its API: a list of operations, each with the schemas of its path
 * parameters, query string, body and responses, the scopes it needs and a handler. The same
 * declaration registers the Fastify routes (validation, serialisation) and produces the
 * OpenAPI document, so what is documented is exactly what is enforced.
 *
 * Handlers get a plain context and return `{ status, body, headers }`; they never touch
 * Fastify, which keeps them easy to test and to call in-process.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { createHash } from 'node:crypto';
import { Socket } from 'node:net';
import { Authorization, NO_RIGHTS, type ComponentCode } from '../auth/authorization.ts';
import type { Authenticator } from '../auth/jwt.ts';
import { compileValidator, type Part } from './validation.ts';
import { notFound, permissionDenied, ProblemError } from './problem.ts';
import { buildOpenApi, toYaml } from './openapi.ts';
import { requestOrigin } from './origin.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  description: string;
  schema?: TSchema;
  /** The media type the schema describes; `application/json` when absent (a download is `application/octet-stream`). */
  mediaType?: string;
  /** `false`: documented without the `API-version` header, where the standard does so (the answer still carries it). */
  apiVersionHeader?: false;
  /** Response headers, documented; e.g. `Location` on 201. */
  headers?: Record<string, { description: string; schema: object }>;
  /** Documented without any headers, as some standards document their 204 (no API-version either). */
  bare?: boolean;
}

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  auth: Authorization;
  /** The API root as the client sees it, e.g. `https://gemeente.nl/autorisaties/api/v1`. */
  apiRoot: string;
  /** The raw request, for headers such as If-None-Match or Accept-Crs. */
  request: FastifyRequest;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Operation<P extends TObject | undefined = TObject | undefined, Q extends TObject | undefined = TObject | undefined, B extends TSchema | undefined = TSchema | undefined> {
  method: Method;
  /** OpenAPI path relative to the API root, e.g. `/applicaties/{uuid}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /**
   * The scopes of which the client needs at least one on this API's component; `null` for a
   * public operation (one the standard declares without a security requirement, as the
   * Referentielijsten API does): no JWT is asked for or checked, a token sent anyway is
   * ignored, the handler gets {@link ANONYMOUS}, and the document says `security: []`.
   */
  scopes: string[] | null;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  /** Also answer HEAD with the GET's headers (only where the standard has a HEAD operation). */
  head?: { operationId: string; summary: string };
  /** Set an ETag on 200 answers and answer a matching If-None-Match with 304. */
  etag?: boolean;
  /**
   * Geometry in the body or answer: which CRS headers the standard requires. `accept`: the
   * client must send `Accept-Crs` (missing → 412, not EPSG:4326 → 406); `content`: a request
   * with a body must send `Content-Crs` (missing → 412, unsupported → 415). Answers carry
   * `Content-Crs: EPSG:4326`.
   */
  crs?: { accept: boolean; content: boolean };
  /**
   * Document the optional request headers the ZGW specs list on their audited mutations:
   * `X-NLX-Logrecord-ID` and `X-Audit-Toelichting` (the latter is the audit record's toelichting).
   */
  auditHeaders?: boolean;
  /**
   * What the official document says where it differs from what is enforced: some standards
   * document an operation loosely (an "unspecified" body, 200 for a create). The OpenAPI
   * document uses these instead of `body` / `responses`; validation and serialisation don't.
   */
  document?: { body?: TSchema; bodyRequired?: boolean; responses?: Record<number, ResponseSpec> };
  /** Maximum body size in bytes, where an operation needs more than the default. */
  bodyLimit?: number;
  /** The body may be left out (the handler then gets `undefined`); documented as not required. */
  optionalBody?: boolean;
  /**
   * A body the handler reads itself from `request.raw`, as a stream, in one of `mediaTypes`
   * (an upload that must not be held in memory). It is not parsed or validated; document it
   * with `document.body`. Another content type is answered 415.
   */
  rawBody?: { mediaTypes: string[] };
  /**
   * An endpoint the standard reserves for synchronising relations between APIs ("Dit endpoint
   * hoor je als consumer niet zelf aan te spreken": zaakbesluit_create/destroy,
   * objectinformatieobject_create/destroy). Besides reads, it is the only write that accepts
   * the process's internal credential, in-process: this process's own APIs keep their
   * relations here with `ReferenceResolver.send`.
   */
  relationSync?: boolean;
  handler(ctx: HandlerContext<Static<NonNullable<P>>, Static<NonNullable<Q>>, Static<NonNullable<B>>>): Promise<HandlerResult>;
}

/** Typed helper: infers the handler's parameter types from the schemas. */
export function defineOperation<P extends TObject | undefined = undefined, Q extends TObject | undefined = undefined, B extends TSchema | undefined = undefined>(
  operation: Operation<P, Q, B>,
): Operation {
  return operation as unknown as Operation;
}

export interface ApiDefinition {
  /** First path segment: `/autorisaties/api/v1`. */
  name: string;
  /** The component code scopes are granted on; may be absent only when every operation is public. */
  component?: ComponentCode;
  title: string;
  /** The version of the standard implemented, sent as `API-version`. */
  version: string;
  description: string;
  /** Named schemas that must appear in the document even if no operation references them. */
  operations: Operation[];
  /** Document a required `Content-Type: application/json` header on POST, PUT and PATCH, as the newer ZGW specs do. */
  contentTypeHeader?: boolean;
}

/** The caller of a public operation: no client, no rights. */
export const ANONYMOUS = new Authorization({ clientId: '', rights: NO_RIGHTS });

export interface RegisterOptions {
  authenticator: Authenticator;
  /** Fixed public URL (scheme and host) instead of the request's Host/X-Forwarded-* headers. */
  publicUrl?: string;
}

/** The API root's path: `/autorisaties/api/v1` (a component's name is its API's). */
export function apiPrefix(api: { name: string }): string {
  return `/${api.name}/api/v1`;
}

/** Registers an API's operations, and its `openapi.json` / `openapi.yaml`, on the app. */
export function registerApi(app: FastifyInstance, api: ApiDefinition, options: RegisterOptions): void {
  const prefix = apiPrefix(api);
  let documents: { json: string; yaml: string } | undefined;
  const document = () => {
    if (!documents) {
      const doc = buildOpenApi(api);
      documents = { json: JSON.stringify(doc), yaml: toYaml(doc) };
    }
    return documents;
  };

  app.register(
    async (scope) => {
      scope.addHook('onSend', async (_request, reply) => {
        reply.header('API-version', api.version);
      });
      scope.get('/openapi.json', async (_req, reply) => reply.type('application/vnd.oai.openapi+json').send(document().json));
      scope.get('/openapi.yaml', async (_req, reply) => reply.type('application/vnd.oai.openapi').send(document().yaml));
      // Where Open Zaak serves it, and clients built against it look.
      scope.get('/schema/openapi.json', async (_req, reply) => reply.type('application/vnd.oai.openapi+json').send(document().json));
      scope.get('/schema/openapi.yaml', async (_req, reply) => reply.type('application/vnd.oai.openapi').send(document().yaml));
      acceptRawBodies(scope, api.operations);
      for (const operation of api.operations) registerOperation(scope, api, operation, options, prefix);
    },
    { prefix },
  );
}

/**
 * The media types of the operations with a `rawBody` are left unread for them (the handler
 * streams `request.raw`); any other operation of the API answers them 415.
 */
function acceptRawBodies(scope: FastifyInstance, operations: Operation[]): void {
  const mediaTypes = [...new Set(operations.flatMap((o) => o.rawBody?.mediaTypes ?? []))];
  if (mediaTypes.length === 0) return;
  scope.addContentTypeParser(mediaTypes, (request, _payload, done) => {
    if ((request.routeOptions.config as { rawBody?: boolean }).rawBody) done(null, undefined);
    else done(unsupportedMediaType(request.headers['content-type']), undefined);
  });
}

function unsupportedMediaType(contentType: string | undefined): ProblemError {
  return new ProblemError({ status: 415, code: 'unsupported_media_type', title: 'Ongeldige media type.', detail: `Content-Type ${contentType ?? '(geen)'} wordt hier niet ondersteund.` });
}

/** The media type of a Content-Type header, without its parameters, lower case. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function registerOperation(scope: FastifyInstance, api: ApiDefinition, operation: Operation, options: RegisterOptions, prefix: string): void {
  const scopes = operation.scopes;
  const component = api.component;
  if (scopes !== null && !component) throw new Error(`${api.name}: ${operation.operationId} needs scopes, but the API has no component code.`);
  const validators: Partial<Record<Part, (data: unknown) => void>> = {};
  if (operation.params) validators.params = compileValidator(operation.params, 'params');
  // Every list and detail rejects unknown query parameters, also when it declares none.
  validators.querystring = compileValidator(operation.query ?? { type: 'object', properties: {} }, 'querystring');
  if (operation.body) validators.body = compileValidator(operation.body, 'body', { partial: operation.method === 'PATCH' });

  const response: Record<number, TSchema> = {};
  for (const [status, spec] of Object.entries(operation.responses)) if (spec.schema) response[Number(status)] = serializerSchema(spec.schema);

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    let auth = ANONYMOUS;
    if (scopes !== null) {
      const internalAllowed = request.method === 'GET' || operation.relationSync === true;
      auth = await options.authenticator.authenticate(request.headers.authorization, { inProcess: internalAllowed && isInProcess(request) });
      if (!scopes.some((s) => auth.hasScope(component!, s))) {
        throw permissionDenied(`Je hebt geen toestemming om deze actie uit te voeren (scope ${scopes.join(' of ')} op ${component}).`);
      }
    }
    // `/applicaties/` matches `/applicaties/:uuid` with an empty uuid: that is no resource.
    if (Object.values(request.params as Record<string, string>).some((v) => v === '')) throw notFound();
    if (operation.crs) checkCrs(request, operation.crs);
    if (operation.rawBody && !operation.rawBody.mediaTypes.includes(mediaTypeOf(request.headers['content-type']))) {
      throw unsupportedMediaType(request.headers['content-type']);
    }
    // Validation runs after authentication: an unauthenticated caller learns nothing.
    validators.params?.(request.params);
    validators.querystring?.(request.query);
    const bodyLeftOut = request.body === undefined && operation.optionalBody;
    if (validators.body && !bodyLeftOut) {
      if (request.body === undefined || request.body === null) throw new ProblemError({ status: 400, code: 'parse_error', title: 'Ongeldige JSON.', detail: 'De request body ontbreekt.' });
      validators.body(request.body);
    }
    const result = await operation.handler({
      params: request.params as never,
      query: request.query as never,
      body: request.body as never,
      auth,
      apiRoot: `${requestOrigin(request, options.publicUrl)}${prefix}`,
      request,
    });
    reply.code(result.status);
    if (operation.crs) reply.header('Content-Crs', SUPPORTED_CRS);
    if (result.headers) reply.headers(result.headers);
    if (operation.etag && result.status === 200 && result.body !== undefined) {
      const etag = `"${createHash('sha256').update(JSON.stringify(result.body)).digest('hex').slice(0, 32)}"`;
      reply.header('ETag', etag);
      if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    }
    return result.body === undefined ? reply.send() : reply.send(result.body);
  };

  const url = operation.path.replace(/\{(\w+)\}/g, ':$1');
  scope.route({
    method: operation.method,
    url,
    // Validation is ours (ZGW error format, after authentication); Fastify only serialises.
    schema: { response },
    bodyLimit: operation.bodyLimit,
    config: { rawBody: operation.rawBody !== undefined },
    handler: handle,
  });
  if (operation.head) {
    scope.route({
      method: 'HEAD',
      url,
      bodyLimit: operation.bodyLimit,
      handler: async (request, reply) => {
        await handle(request, reply);
      },
    });
  }
}

/**
 * A request this process made to itself with `app.inject`: such a request has a mock socket,
 * one over the network a real one (net.Socket; TLS sockets extend it). Only these may carry
 * the internal credential, and only on a read or a `relationSync` operation.
 */
function isInProcess(request: FastifyRequest): boolean {
  return !(request.raw.socket instanceof Socket);
}

const serializerSchemas = new WeakMap<object, TSchema>();

/**
 * The schema Fastify serialises an answer with: the same, except that a nullable union (a
 * GeoJSON geometry or null) lists null as an alternative, which fast-json-stringify needs
 * (it picks an alternative by validating, and `nullable` beside `anyOf` does not count).
 */
function serializerSchema(schema: TSchema): TSchema {
  const known = serializerSchemas.get(schema);
  if (known) return known;
  let out: Record<string, unknown> = schema;
  const union = (schema.anyOf ?? schema.oneOf) as TSchema[] | undefined;
  if (union && schema.nullable) {
    const { nullable: _nullable, type: _type, oneOf: _oneOf, ...rest } = schema;
    out = { ...rest, anyOf: [...union.map(serializerSchema), { type: 'null' }] };
  } else {
    const copy: Record<string, unknown> = { ...schema };
    let changed = false;
    const map = (value: TSchema) => {
      const mapped = serializerSchema(value);
      if (mapped !== value) changed = true;
      return mapped;
    };
    if (schema.properties) copy.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, TSchema>).map(([k, v]) => [k, map(v)]));
    if (schema.items) copy.items = map(schema.items as TSchema);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(schema[key])) copy[key] = (schema[key] as TSchema[]).map(map);
    if (changed) out = copy;
  }
  serializerSchemas.set(schema, out as TSchema);
  return out as TSchema;
}

/** The only coordinate reference system the ZGW APIs support (WGS84, as GeoJSON). */
export const SUPPORTED_CRS = 'EPSG:4326';

function checkCrs(request: FastifyRequest, crs: { accept: boolean; content: boolean }): void {
  const check = (header: 'accept-crs' | 'content-crs', unsupportedStatus: number) => {
    const value = request.headers[header];
    const name = header === 'accept-crs' ? 'Accept-Crs' : 'Content-Crs';
    if (value === undefined) {
      throw new ProblemError({ status: 412, code: 'precondition_failed', title: 'Precondition failed', detail: `'${name}' header ontbreekt.` });
    }
    if (value !== SUPPORTED_CRS) {
      throw new ProblemError({
        status: unsupportedStatus,
        code: unsupportedStatus === 406 ? 'not_acceptable' : 'unsupported_media_type',
        title: unsupportedStatus === 406 ? 'Niet ondersteunde CRS.' : 'Niet ondersteunde Content-Crs.',
        detail: `CRS '${value}' wordt niet ondersteund; gebruik ${SUPPORTED_CRS}.`,
      });
    }
  };
  if (crs.accept) check('accept-crs', 406);
  if (crs.content && request.body !== undefined) check('content-crs', 415);
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
