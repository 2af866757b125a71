/**
 * Verifying FSC access tokens (Core, "Access token") issued by one Manager: the signature is
 * checked once per token text, the expiry on every use. The Inway uses it for every request;
 * a service behind the Inway uses it to know for sure which peer called (src/fsc/caller.ts).
 */
import type { KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { SIGNATURE_ALGORITHMS } from './contract.ts';

export interface AccessToken extends JWTPayload {
  gth: string;
  gid: string;
  svc: string;
  cnf: { 'x5t#S256': string };
  act?: { sub: string };
  pdi?: string;
}

export class AccessTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'the access token has expired' : 'the access token is not valid');
  }
}

export class AccessTokenVerifier {
  /** Verified tokens by their text. */
  private readonly verified = new Map<string, AccessToken>();

  /** `key`: the public key of the Manager that issues the tokens; `issuer`: its peer id. */
  constructor(
    private readonly key: KeyObject,
    private readonly issuer: string,
  ) {}

  /** The token's claims, when the Manager signed it and it has not expired; else an AccessTokenError. */
  async verify(token: string): Promise<AccessToken> {
    const known = this.verified.get(token);
    if (known) {
      if ((known.exp ?? 0) * 1000 <= Date.now()) throw new AccessTokenError('expired');
      return known;
    }
    let payload: AccessToken;
    try {
      payload = (await jwtVerify<AccessToken>(token, this.key, { algorithms: SIGNATURE_ALGORITHMS, issuer: this.issuer })).payload;
    } catch (error) {
      throw new AccessTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
    }
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(token, payload);
    return payload;
  }
}
