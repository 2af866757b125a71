/**
 * Resolves the URL references between ZGW components: a zaak's zaaktype, a document's
 * informatieobjecttype, a Selectielijst klasse. A URL this process serves is answered
 * in-process (`app.inject`, no socket) by the API that owns it, with the process's internal
 * credential; any other is fetched over HTTP with a short timeout, this instance's JWT for
 * that API root when one is configured (`--remote-services`), and a cache. Either way the
 * caller gets the resource exactly as its API serves it, so a rule works the same whether
 * the other component runs in this process or elsewhere.
 *
 * Failures carry the codes the reference implementation and the official suite use:
 * `bad-url` when the URL does not answer 200 (or is no http(s) URL), `invalid-resource` when
 * it answers 200 with something that is not the expected resource.
 *
 * Resolve references before opening a transaction: an in-process call needs a database
 * connection of its own, and the embedded database has only one.
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

export type Resolution =
  /** `resource`: the JSON object the URL answered with; `local`: served by this process. */
  | { ok: true; resource: Record<string, unknown>; local: boolean }
  | { ok: false; code: 'bad-url' | 'invalid-resource'; reason: string };

export type ListResolution = { ok: true; resources: Record<string, unknown>[] } | { ok: false; code: 'bad-url' | 'invalid-resource'; reason: string };

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
}

type Answer = { status: number; text: string } | { error: string };

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
    let resource = local ? undefined : this.#cache.get(url);
    if (!resource) {
      const answer = await this.#json(url, local);
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
    const answer = await this.#json(url, this.#local(url, context));
    if (!answer.ok) return answer;
    const body = answer.value;
    const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.results) ? body.results : undefined;
    if (!items || !items.every((item) => isObject(item) && expected.matches(item))) {
      return { ok: false, code: 'invalid-resource', reason: `De URL ${url} antwoordde niet met een lijst van ${expected.kind}.` };
    }
    return { ok: true, resources: items as Record<string, unknown>[] };
  }

  /** The JSON a URL answers 200 with: in-process when `local`, else over HTTP. */
  async #json(url: string, local: { path: string; base?: Base } | undefined): Promise<{ ok: true; value: unknown } | { ok: false; code: 'bad-url' | 'invalid-resource'; reason: string }> {
    if (!local && !httpUrl(url)) return badUrl(url, 'het is geen http(s)-URL');
    const answer = local ? await this.#inProcess(local) : await this.#remote(url);
    if ('error' in answer) return badUrl(url, answer.error);
    if (answer.status !== 200) return badUrl(url, `die antwoordde met status ${answer.status}`);
    try {
      return { ok: true, value: JSON.parse(answer.text) as unknown };
    } catch {
      return { ok: false, code: 'invalid-resource', reason: `De URL ${url} antwoordde niet met JSON.` };
    }
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

  async #inProcess({ path, base }: { path: string; base?: Base }): Promise<Answer> {
    // Host (and, behind a trusted proxy, X-Forwarded-*) as the URL says, so the resource's own
    // URLs come out on the host it was referred to by.
    const forwarded = base ? { host: base.host, 'x-forwarded-host': base.host, 'x-forwarded-proto': base.proto } : {};
    const response = await this.#app.inject({ method: 'GET', url: path, headers: { ...forwarded, authorization: this.#internalCredential, accept: 'application/json' } });
    return { status: response.statusCode, text: response.body };
  }

  async #remote(url: string): Promise<Answer> {
    const service = serviceFor(this.#services, url);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (service) headers.Authorization = await bearerToken(service);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(this.#timeoutMs) });
      if (response.status !== 200) {
        await response.body?.cancel();
        return { status: response.status, text: '' };
      }
      return { status: 200, text: await response.text() };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { error: timedOut ? `die antwoordde niet binnen ${this.#timeoutMs / 1000} s` : 'die is niet bereikbaar' };
    }
  }
}

/** The invalidParams entry for a reference that did not resolve; none when it did. */
export function referenceError(name: string, resolution: Resolution): InvalidParam[] {
  return resolution.ok ? [] : [{ name, code: resolution.code, reason: resolution.reason }];
}

function badUrl(url: string, why: string): { ok: false; code: 'bad-url'; reason: string } {
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
