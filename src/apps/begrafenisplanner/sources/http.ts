/**
 * How the Begrafenisplanner reaches a source API: over HTTP, with a ZGW JWT of its own client,
 * either straight at the source (the gemeente's own apps) or through its organisation's FSC
 * Outway (the uitvaartonderneming: every call to the gemeente names the contract's grant in
 * `Fsc-Grant-Hash`). Resource URLs the sources hand out are followed the same way: their path
 * goes to the route's target, so a URL from the Zaken API is fetched through the Outway too.
 *
 * Failures become a {@link SourceError} the pages turn into a clear Dutch message: the source
 * did not answer, or it answered with a problem (whose `code` the pages may act on).
 */
import { SignJWT } from 'jose';

/**
 * The app's processing activity in the gemeente's register (DEMO_VERWERKINGSACTIVITEITEN): sent
 * as `Verwerkingsactiviteit` with every call, since the app reads personal data from several
 * sources (persons in the BRP, rollen with a BSN in the Zaken API) and each logs it under this.
 */
export const VERWERKINGSACTIVITEIT_BEGRAVEN = 'https://opengrond.example/verwerkingsactiviteiten/begraven';

export interface ClientCredentials {
  clientId: string;
  secret: string;
  /** Shown in the sources' audit trails. */
  userId?: string;
  userRepresentation?: string;
}

/** Where one source API is reached. */
export interface SourceRoute {
  /** Scheme and host the source names its resources with, e.g. http://localhost:8000. */
  origin: string;
  /** Through this Outway with this grant, when the source belongs to another organisation. */
  outway?: { address: string; grantHash: string };
}

export interface Problem {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  invalidParams?: { name: string; code: string; reason: string }[];
}

export class SourceError extends Error {
  constructor(
    /** The source's name in Dutch, for messages: "Zaken API". */
    readonly source: string,
    /** 0 when the source did not answer at all. */
    readonly status: number,
    readonly problem: Problem = {},
  ) {
    super(status === 0 ? `${source} is niet bereikbaar` : `${source} antwoordde ${status}${problem.code ? ` (${problem.code})` : ''}: ${problem.detail ?? problem.title ?? ''}`);
  }

  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that are an answer, not an error (e.g. 404 for "not there"). */
  accept?: number[];
}

export class SourceClient {
  constructor(
    readonly label: string,
    private readonly route: SourceRoute,
    private readonly credentials: ClientCredentials,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Where `url` (a resource URL of this source, or a path) is sent. */
  target(url: string): string {
    const { pathname, search } = new URL(url, this.route.origin);
    return `${this.route.outway?.address ?? this.route.origin}${pathname}${search}`;
  }

  /** A resource URL as the source names it, from a path. */
  url(path: string): string {
    return new URL(path, this.route.origin).toString();
  }

  private async token(): Promise<string> {
    const c = this.credentials;
    return new SignJWT({ client_id: c.clientId, user_id: c.userId ?? c.clientId, user_representation: c.userRepresentation ?? 'Begrafenisplanner' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(c.clientId)
      .setIssuedAt()
      .sign(new TextEncoder().encode(c.secret));
  }

  async request<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token()}`, accept: 'application/json', verwerkingsactiviteit: VERWERKINGSACTIVITEIT_BEGRAVEN, ...options.headers };
    if (this.route.outway) headers['fsc-grant-hash'] = this.route.outway.grantHash;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    let response: Response;
    try {
      response = await fetch(this.target(url), {
        method,
        headers,
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new SourceError(this.label, 0);
    }
    const text = await response.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok || options.accept?.includes(response.status)) return { status: response.status, body };
    // An FSC error (the Outway or Inway could not pass the call on) is the source being unreachable.
    const problem: Problem = body && typeof body === 'object' ? body : {};
    throw new SourceError(this.label, response.headers.get('fsc-error-code') ? 502 : response.status, problem);
  }

  /** Binary content (a document's download link). */
  async download(url: string): Promise<{ body: Buffer; contentType: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token()}`, accept: '*/*', verwerkingsactiviteit: VERWERKINGSACTIVITEIT_BEGRAVEN };
    if (this.route.outway) headers['fsc-grant-hash'] = this.route.outway.grantHash;
    let response: Response;
    try {
      response = await fetch(this.target(url), { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch {
      throw new SourceError(this.label, 0);
    }
    if (!response.ok) throw new SourceError(this.label, response.headers.get('fsc-error-code') ? 502 : response.status, (await response.json().catch(() => ({}))) as Problem);
    return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
  }

  async get<T = any>(url: string): Promise<T> {
    return (await this.request<T>('GET', url)).body;
  }

  async post<T = any>(url: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('POST', url, { body, headers })).body;
  }

  async patch<T = any>(url: string, body: unknown): Promise<T> {
    return (await this.request<T>('PATCH', url, { body })).body;
  }

  /** Every result of a paginated ZGW list. */
  async list<T = any>(url: string, headers?: Record<string, string>): Promise<T[]> {
    const results: T[] = [];
    for (let next: string | null = url; next; ) {
      const page: { results: T[]; next: string | null } = (await this.request('GET', next, { headers })).body;
      results.push(...page.results);
      next = page.next;
    }
    return results;
  }
}
