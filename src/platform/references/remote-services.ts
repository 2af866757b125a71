/**
 * Credentials for the APIs of other organisations or instances that references point into
 * (`--remote-services FILE`): per API root the client id and secret this instance signs its
 * ZGW JWT with, as the other side's Autorisaties registers it.
 *
 * ```json
 * [{ "apiRoot": "https://catalogi.example.nl/catalogi/api/v1", "clientId": "opengrond", "secret": "…" }]
 * ```
 */
import { SignJWT } from 'jose';

export interface RemoteService {
  apiRoot: string;
  clientId: string;
  secret: string;
}

/** Reads the file's JSON; throws an Error naming the entry that is wrong. */
export function parseRemoteServices(json: unknown): RemoteService[] {
  if (!Array.isArray(json)) throw new Error('De remote services moeten een JSON-lijst zijn: [{"apiRoot", "clientId", "secret"}].');
  return json.map((entry: unknown, index) => {
    const { apiRoot, clientId, secret } = (entry ?? {}) as Record<string, unknown>;
    if (typeof apiRoot !== 'string' || !/^https?:\/\//.test(apiRoot)) throw new Error(`Remote service ${index}: apiRoot moet een http(s)-URL zijn.`);
    if (typeof clientId !== 'string' || clientId === '') throw new Error(`Remote service ${index}: clientId ontbreekt.`);
    if (typeof secret !== 'string' || secret === '') throw new Error(`Remote service ${index}: secret ontbreekt.`);
    return { apiRoot: apiRoot.replace(/\/+$/, ''), clientId, secret };
  });
}

/** The service whose API root `url` lies under; the longest root wins. */
export function serviceFor(services: RemoteService[], url: string): RemoteService | undefined {
  let best: RemoteService | undefined;
  for (const service of services) {
    if ((url === service.apiRoot || url.startsWith(`${service.apiRoot}/`)) && service.apiRoot.length > (best?.apiRoot.length ?? -1)) best = service;
  }
  return best;
}

/** A fresh ZGW JWT for the service: HS256 with its secret, `client_id` and `iss` its client id, `iat` now. */
export function bearerToken(service: RemoteService): Promise<string> {
  return new SignJWT({ client_id: service.clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(service.clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(service.secret))
    .then((token) => `Bearer ${token}`);
}
