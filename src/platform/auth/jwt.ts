/**
 * ZGW authentication: a bearer JWT signed with HS256 by the client's own secret, naming
 * itself in the `client_id` claim. The token's `iat` must be recent (default: one hour, no
 * leeway, as Open Zaak); `user_id` and `user_representation` feed the audit trail.
 */
import { randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify, errors as joseErrors } from 'jose';
import { authenticationFailed, notAuthenticated } from '../http/problem.ts';
import { Authorization, type Rights } from './authorization.ts';

export interface ClientSecrets {
  /** The HS256 secret of a client, or undefined for an unknown client. */
  secretFor(clientId: string): Promise<string | undefined>;
}

export interface RightsSource {
  /** The client's rights from its Applicatie; a client without one has none. */
  rightsFor(clientId: string): Promise<Rights>;
}

export interface AuthenticatorOptions {
  secrets: ClientSecrets;
  rights: RightsSource;
  /** How old `iat` may be, in seconds. */
  maxAgeSeconds?: number;
  /** Clock skew allowed for `iat` in the future and for `exp`/`nbf`. */
  leewaySeconds?: number;
  /** How long a client's secret and rights are kept in memory. */
  cacheSeconds?: number;
}

/** Who an in-process read with {@link Authenticator.internalCredential} is: this process itself, with every right. */
export const INTERNAL_CLIENT_ID = 'opengrond-intern';
const INTERNAL = new Authorization({ clientId: INTERNAL_CLIENT_ID, rights: { heeftAlleAutorisaties: true, autorisaties: [] } });

interface CachedClient {
  secret: Uint8Array | undefined;
  rights: Rights;
  expiresAt: number;
}

export class Authenticator {
  readonly #secrets: ClientSecrets;
  readonly #rights: RightsSource;
  readonly #maxAge: number;
  readonly #leeway: number;
  readonly #cacheMs: number;
  readonly #cache = new Map<string, Promise<CachedClient>>();

  /**
   * The Authorization header of this process's calls to its own APIs (`app.inject`, see
   * `platform/references`): a random token made at start, held only in memory and no JWT, so
   * it never verifies as one. It is accepted only where the caller says the request is
   * in-process, which a request over a socket never is.
   */
  readonly internalCredential = `Bearer ${randomBytes(32).toString('base64url')}`;

  constructor(options: AuthenticatorOptions) {
    this.#secrets = options.secrets;
    this.#rights = options.rights;
    this.#maxAge = options.maxAgeSeconds ?? 3600;
    this.#leeway = options.leewaySeconds ?? 0;
    this.#cacheMs = (options.cacheSeconds ?? 300) * 1000;
  }

  /** Forget cached secrets and rights: of one client, or of all (an Applicatie changed). */
  invalidate(clientId?: string): void {
    if (clientId === undefined) this.#cache.clear();
    else this.#cache.delete(clientId);
  }

  /** `inProcess`: the request was made by this process (`app.inject`), so it may carry {@link internalCredential}. */
  async authenticate(header: string | undefined, { inProcess = false }: { inProcess?: boolean } = {}): Promise<Authorization> {
    if (inProcess && header === this.internalCredential) return INTERNAL;
    if (!header) throw notAuthenticated();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw authenticationFailed('De Authorization header moet de vorm "Bearer <JWT>" hebben.');
    const token = match[1]!;

    let claims: Record<string, unknown>;
    try {
      if (decodeProtectedHeader(token).alg !== 'HS256') throw authenticationFailed('Alleen HS256-ondertekende JWTs worden geaccepteerd.');
      claims = decodeJwt(token);
    } catch (error) {
      if (error instanceof Error && 'status' in error) throw error;
      throw authenticationFailed('De JWT kan niet gelezen worden.');
    }
    const clientId = claims.client_id;
    if (typeof clientId !== 'string' || clientId === '') throw authenticationFailed('De JWT mist de claim client_id.');

    const client = await this.#client(clientId);
    if (!client.secret) throw authenticationFailed(`Onbekende client_id "${clientId}".`);
    try {
      await jwtVerify(token, client.secret, { algorithms: ['HS256'], clockTolerance: this.#leeway });
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw authenticationFailed('De JWT is verlopen.');
      throw authenticationFailed('De handtekening van de JWT is ongeldig.');
    }
    this.#checkIssuedAt(claims.iat);

    return new Authorization({
      clientId,
      userId: typeof claims.user_id === 'string' ? claims.user_id : '',
      userRepresentation: typeof claims.user_representation === 'string' ? claims.user_representation : '',
      rights: client.rights,
    });
  }

  #checkIssuedAt(iat: unknown): void {
    if (typeof iat !== 'number') throw authenticationFailed('De JWT mist de claim iat.');
    const now = Math.floor(Date.now() / 1000);
    if (iat > now + this.#leeway) throw authenticationFailed('De JWT is uitgegeven in de toekomst (iat).');
    if (now - iat > this.#maxAge + this.#leeway) throw authenticationFailed('De JWT is verlopen (iat is te oud).');
  }

  #client(clientId: string): Promise<CachedClient> {
    const cached = this.#cache.get(clientId);
    if (cached) {
      return cached.then((c) => (c.expiresAt > Date.now() ? c : this.#load(clientId)));
    }
    return this.#load(clientId);
  }

  #load(clientId: string): Promise<CachedClient> {
    const loading = (async () => {
      const secret = await this.#secrets.secretFor(clientId);
      const rights = await this.#rights.rightsFor(clientId);
      return { secret: secret === undefined ? undefined : new TextEncoder().encode(secret), rights, expiresAt: Date.now() + this.#cacheMs };
    })();
    // A failed load (database down) must not be cached.
    loading.catch(() => this.#cache.delete(clientId));
    this.#cache.set(clientId, loading);
    return loading;
  }
}
