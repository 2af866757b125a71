/**
 * Resolves the URL references between ZGW components: a zaak's zaaktype, a document's
 * informatieobjecttype, a Selectielijst klasse, and the resources `expand` shows. A URL this
 * process serves is answered in-process (`app.inject`, no socket) by the API that owns it,
 * with the process's internal credential; any other is fetched over HTTP with a short
 * timeout, this instance's JWT for that API root when one is configured
 * (`--remote-services`), and a cache. Either way the caller gets the resource exactly as its
 * API serves it, so a rule works the same whether the other component runs in this process
 * or elsewhere.
 *
 * A read made on behalf of a client (`onBehalfOf`, for `expand`) carries that client's own
 * Authorization header in-process instead of the internal credential, so the client sees no
 * more than it may read itself.
 *
 * Every call carries the `traceparent` of the request being handled (platform/http/trace.ts),
 * so what it causes elsewhere is logged in the same trace; a read on behalf of a client also
 * carries the client's `Verwerkingsactiviteit`, so rollen read for its `expand` are logged
 * under the activity it named.
 *
 * Failures carry the codes the reference implementation and the official suite use:
 * `bad-url` when the URL does not answer 200 (or is no http(s) URL), `invalid-resource` when
 * it answers 200 with something that is not the expected resource.
 *
 * Resolve references before opening a transaction: an in-process call needs a database
 * connection of its own, and the embedded database has only one.
 *
 * {@link ReferenceResolver.send} writes the same way: the synchronisation requests one API
 * makes to keep its relations in another (the Besluiten API's ZaakBesluit in the Zaken API,
 * its ObjectInformatieObject in the Documenten API). In-process, only operations declared
 * `relationSync` accept the internal credential for a write (platform/http/api.ts).
 *
 * @example
 * const ZAAKTYPE = resourceOfShape('zaaktype', ZaakType);
 * const found = await references.fetch(body.zaaktype, ZAAKTYPE, { apiRoot });
 * if (!found.ok) throw validationError(referenceError('zaaktype', found));
 * found.resource.concept; // the zaaktype as the Catalogi API serves it
 */
import type { FastifyInstance } from 'fastify';
import type { InvalidParam } from '../http/problem.ts';
import { TtlCache } from './cache.ts';
import type { ExpectedResource } from './expected.ts';
import { bearerToken, serviceFor, type RemoteService } from './remote-services.ts';
import { currentTrace, traceparent } from '../http/trace.ts';

export type Resolution =
  /** `resource`: the JSON object the URL answered with; `local`: served by this process. */
  | { ok: true; resource: Record<string, unknown>; local: boolean }
  /** `status` and `body`: the answer, when the URL answered other than 200 (`body` when it was a JSON object). */
  | { ok: false; code: 'bad-url' | 'invalid-resource'; reason: string; status?: number; body?: Record<string, unknown> };

export type ListResolution = { ok: true; resources: Record<string, unknown>[] } | Failure;

type Failure = Extract<Resolution, { ok: false }>;

export interface ReferenceResolverOptions {
  /** The app every component is registered on; it answers this process's own URLs. */
  app: FastifyInstance;
  /** The Authorization header of in-process calls (`Authenticator.internalCredential`). */
  internalCredential: string;
  /** The API roots this process serves, as paths: `/catalogi/api/v1`. */
  localApiRoots: string[];
  /** The configured public URL (`--public-url`): URLs under it are this instance's. */
  publicUrl?: string;
  /** Credentials per remote API root. */
  remoteServices?: RemoteService[];
  /** How long a remote URL may take to answer; default 5000 ms. */
  timeoutMs?: number;
  /** How long a remote resource is kept; default 60 s, 0 for no cache. */
  cacheSeconds?: number;
  /** How many remote resources are kept at most; default 1000. */
  cacheSize?: number;
}

export interface ResolveContext {
  /**
   * The API root of the request being handled (`HandlerContext.apiRoot`): the scheme and host
   * the client reached this instance at are this instance too.
   */
  apiRoot?: string;
  /** Read with the rights of this client rather than this instance's. */
  onBehalfOf?: OnBehalfOf;
  /**
   * Read a remote resource anew instead of from the cache (the answer is cached again): for a
   * check whose outcome another API waits for, such as whether a besluit still names a zaak
   * when the Besluiten API elsewhere removes the relation it has just let go of.
   */
  fresh?: boolean;
}

/**
 * The client a read is made for. An in-process read carries the client's own `authorization`
 * header, so the API answers as it would answer the client (a zaak outside its rights: 403);
 * without a header it gets the 401 the client would get. Only the APIs `asInstance` (paths:
 * `/catalogi/api/v1`), whose resources any client may see, are read as this instance. A remote
 * read always carries this instance's credentials for that API root: the client's token is
 * signed for this instance only.
 */
export interface OnBehalfOf {
  authorization: string | undefined;
  asInstance?: string[];
}

type Answer = { status: number; text: string } | { error: string };

/** An in-process request: a read (on behalf of a client, or as this instance) or a write. */
interface InProcessRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  onBehalfOf?: OnBehalfOf;
}

/** What a write answered: its status and JSON body (undefined when it had none), or why it got no answer. */
export type SendResult = { status: number; body: unknown; local: boolean } | { error: string };

/** One address of this instance: `prefix` is scheme, host and base path, without a trailing slash. */
interface Base {
  prefix: string;
  host: string;
  proto: string;
}

export class ReferenceResolver {
  readonly #app: FastifyInstance;
  readonly #internalCredential: string;
  readonly #localApiRoots: string[];
  readonly #publicUrl: string | undefined;
  readonly #services: RemoteService[];
  readonly #timeoutMs: number;
  readonly #cache: TtlCache<Record<string, unknown>>;

  constructor(options: ReferenceResolverOptions) {
    this.#app = options.app;
    this.#internalCredential = options.internalCredential;
    this.#localApiRoots = options.localApiRoots;
    this.#publicUrl = options.publicUrl;
    this.#services = options.remoteServices ?? [];
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#cache = new TtlCache((options.cacheSeconds ?? 60) * 1000, options.cacheSize ?? 1000);
  }

  /**
   * The resource `url` points at, if it is an `expected` one. Remote resources are cached;
   * this process's own are asked for every time (a concept zaaktype may be published since).
   * The resource returned is the caller's own copy.
   */
  async fetch(url: string, expected: ExpectedResource, context: ResolveContext = {}): Promise<Resolution> {
    const local = this.#local(url, context);
    let resource = local || context.fresh ? undefined : this.#cache.get(url);
    if (!resource) {
      const answer = await this.#json(url, local, context.onBehalfOf);
      if (!answer.ok) return answer;
      const body = answer.value;
      if (!isObject(body)) return { ok: false, code: 'invalid-resource', reason: `De URL ${url} antwoordde niet met een JSON-object, dus niet met een ${expected.kind}.` };
      resource = body;
      if (!local) this.#cache.set(url, body);
    }
    if (!expected.matches(resource)) return { ok: false, code: 'invalid-resource', reason: `De URL ${url} wijst niet naar een ${expected.kind}.` };
    return { ok: true, resource: structuredClone(resource), local: local !== undefined };
  }

  /**
   * The resources a list URL answers with (a JSON array, or the `results` of a ZGW page),
   * each an `expected` one; never cached, because a list says whether a relation exists now
   * (a zaakinformatieobject for an objectinformatieobject).
   *
   * @example
   * await references.fetchList(`${zakenRoot}/zaakinformatieobjecten?zaak=…&informatieobject=…`, ZAAKINFORMATIEOBJECT, { apiRoot })
   */
  async fetchList(url: string, expected: ExpectedResource, context: ResolveContext = {}): Promise<ListResolution> {
    const answer = await this.#json(url, this.#local(url, context), context.onBehalfOf);
    if (!answer.ok) return answer;
    const body = answer.value;
    const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.results) ? body.results : undefined;
    if (!items || !items.every((item) => isObject(item) && expected.matches(item))) {
      return { ok: false, code: 'invalid-resource', reason: `De URL ${url} antwoordde niet met een lijst van ${expected.kind}.` };
    }
    return { ok: true, resources: items as Record<string, unknown>[] };
  }

  /**
   * The JSON a URL answers 200 with: in-process when `local`, else over HTTP. Another answer
   * is `bad-url` with its status and (JSON object) body, so a caller can tell a 404 from a 403.
   */
  async #json(url: string, local: { path: string; base?: Base } | undefined, onBehalfOf: OnBehalfOf | undefined): Promise<{ ok: true; value: unknown } | Failure> {
    if (!local && !httpUrl(url)) return badUrl(url, 'het is geen http(s)-URL');
    const answer = local ? await this.#inProcess(local, { onBehalfOf }) : await this.#remote(url, 'GET', undefined, onBehalfOf);
    if ('error' in answer) return badUrl(url, answer.error);
    const value = parseJson(answer.text);
    if (answer.status !== 200) return { ...badUrl(url, `die antwoordde met status ${answer.status}`), status: answer.status, body: isObject(value) ? value : undefined };
    if (value === undefined) return { ok: false, code: 'invalid-resource', reason: `De URL ${url} antwoordde niet met JSON.` };
    return { ok: true, value };
  }

  /**
   * Sends a write to `url`: a POST with a JSON body, or a DELETE. In-process, with the internal
   * credential, when this process serves the URL; otherwise over HTTP with the timeout and
   * this instance's JWT for that API root. Nothing is cached. Never call it while holding a
   * transaction: the other API may read back from this one (a Zaken API checks that the
   * besluit it is told about exists).
   *
   * @example
   * const answer = await references.send('POST', `${zaak}/besluiten`, { besluit }, { apiRoot });
   * if ('error' in answer || answer.status !== 201) … // not registered
   */
  async send(method: 'POST' | 'DELETE', url: string, body: unknown, context: ResolveContext = {}): Promise<SendResult> {
    const local = this.#local(url, context);
    if (!local && !httpUrl(url)) return { error: `${url} is geen http(s)-URL` };
    const answer = local ? await this.#inProcess(local, { method, body }) : await this.#remote(url, method, body);
    if ('error' in answer) return answer;
    return { status: answer.status, body: answer.text === '' ? undefined : parseJson(answer.text), local: local !== undefined };
  }

  /**
   * The path (with query string) under which this process serves `url`, or undefined when it
   * does not: the URL is under the public URL, under the scheme and host of the request
   * being handled, or a path, and in an API this process serves.
   */
  localPath(url: string, context: ResolveContext = {}): string | undefined {
    return this.#local(url, context)?.path;
  }

  #local(url: string, context: ResolveContext): { path: string; base?: Base } | undefined {
    const bases = this.#bases(context);
    let found: { path: string; base?: Base } | undefined;
    if (url.startsWith('/') && !url.startsWith('//')) {
      // Dot segments resolved as for any URL, so `/catalogi/api/v1/../..` is not in Catalogi.
      const parsed = httpUrl(url, 'http://localhost');
      if (parsed) found = { path: `${parsed.pathname}${parsed.search}`, base: bases[0] };
    } else {
      const parsed = httpUrl(url);
      const full = parsed && `${parsed.origin}${parsed.pathname}${parsed.search}`;
      const base = full && bases.find((b) => full.startsWith(`${b.prefix}/`));
      if (base) found = { path: full.slice(base.prefix.length), base };
    }
    const pathname = found?.path.split('?')[0];
    return pathname !== undefined && this.#localApiRoots.some((root) => pathname.startsWith(`${root}/`)) ? found : undefined;
  }

  /** Where this instance is reached: its public URL, and the scheme and host of the request being handled. */
  #bases(context: ResolveContext): Base[] {
    const root = context.apiRoot && this.#localApiRoots.find((r) => context.apiRoot!.endsWith(r));
    const candidates = [this.#publicUrl, root ? context.apiRoot!.slice(0, -root.length) : undefined];
    return candidates.flatMap((candidate) => {
      const parsed = candidate ? httpUrl(candidate) : undefined;
      return parsed ? [{ prefix: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`, host: parsed.host, proto: parsed.protocol.slice(0, -1) }] : [];
    });
  }

  async #inProcess({ path, base }: { path: string; base?: Base }, request: InProcessRequest = {}): Promise<Answer> {
    const { method = 'GET', body, onBehalfOf } = request;
    // Host (and, behind a trusted proxy, X-Forwarded-*) as the URL says, so the resource's own
    // URLs come out on the host it was referred to by.
    const forwarded: Record<string, string> = base ? { host: base.host, 'x-forwarded-host': base.host, 'x-forwarded-proto': base.proto } : {};
    const asClient = onBehalfOf && !onBehalfOf.asInstance?.some((root) => path.startsWith(`${root}/`));
    const authorization = asClient ? onBehalfOf.authorization : this.#internalCredential;
    const headers: Record<string, string> = { ...forwarded, ...READ_HEADERS, ...traceHeaders(onBehalfOf), ...(authorization === undefined ? {} : { authorization }) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.#app.inject({ method, url: path, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.statusCode, text: response.body };
  }

  async #remote(url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown, onBehalfOf?: OnBehalfOf): Promise<Answer> {
    const service = serviceFor(this.#services, url);
    const headers: Record<string, string> = { ...READ_HEADERS, ...traceHeaders(onBehalfOf) };
    if (service) headers.authorization = await bearerToken(service);
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.#timeoutMs) });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { error: timedOut ? `die antwoordde niet binnen ${this.#timeoutMs / 1000} s` : 'die is niet bereikbaar' };
    }
  }
}

/**
 * The headers of every request: JSON, and the one CRS the standards use, which an API with
 * geometry (Zaken) requires on a GET (412 without it) and the others ignore.
 */
const READ_HEADERS = { accept: 'application/json', 'accept-crs': 'EPSG:4326' };

/** `traceparent` of the request being handled, and for a read on a client's behalf its `Verwerkingsactiviteit`. */
function traceHeaders(onBehalfOf: OnBehalfOf | undefined): Record<string, string> {
  const trace = currentTrace();
  if (!trace) return {};
  return { traceparent: traceparent(trace), ...(onBehalfOf && trace.verwerkingsactiviteit ? { verwerkingsactiviteit: trace.verwerkingsactiviteit } : {}) };
}

/** The invalidParams entry for a reference that did not resolve; none when it did. */
export function referenceError(name: string, resolution: Resolution): InvalidParam[] {
  return resolution.ok ? [] : [{ name, code: resolution.code, reason: resolution.reason }];
}

function badUrl(url: string, why: string): Extract<Resolution, { ok: false }> {
  return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: ${why}.` };
}

function httpUrl(url: string, base?: string): URL | undefined {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON value of `text`; undefined when it is no JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
