/**
 * The Inway of a peer (Core, "Inway"; Logging, "Inway"): a reverse proxy in front of the peer's
 * services. It accepts mTLS connections from Outways of the group only, verifies the access
 * token in `Fsc-Authorization` (issued by this peer's Manager, bound to the presented
 * certificate, for this group, for a service it offers), writes the transaction log record and
 * then proxies to the service, passing the token and `Fsc-Transaction-Id` on, and `Fsc-Peer`:
 * the id of the peer whose Outway called (from the verified token, replacing any such header
 * the caller sent), which the service's Logboek dataverwerkingen records as the foreign
 * processor. Other headers (W3C `traceparent`, `Verwerkingsactiviteit`) pass unaltered.
 */
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { KeyObject } from 'node:crypto';
import { FscError, sendFscError } from './errors.ts';
import { hasBody } from './http.ts';
import { certificateThumbprint, type PeerCredentials } from './pki.ts';
import type { TransactionLog } from './txlog.ts';
import { AccessTokenError, AccessTokenVerifier, type AccessToken } from './access-token.ts';

export interface InwayOptions {
  credentials: PeerCredentials;
  groupId: string;
  peerId: string;
  /** The public key of this peer's Manager, which signs the access tokens. */
  tokenKey: KeyObject;
  /** Service name → base URL of the service (the request path is appended). */
  services: Record<string, string>;
  log: TransactionLog;
  /** Whether the contract of a grant is (still) valid: the Manager's answer, so revocation takes effect at once. */
  grantIsValid?: (grantHash: string) => Promise<boolean>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);
const inwayError = (status: number, code: string, message: string) => new FscError(status, code, message, 'ERROR_DOMAIN_INWAY');

export class Inway {
  readonly server: https.Server;
  private readonly upstream = new http.Agent({ keepAlive: true, maxSockets: 256 });
  /** The signature is checked once per token, expiry and binding on every request. */
  private readonly tokens: AccessTokenVerifier;
  /** The x5t#S256 of the client certificate per connection: computed once, not per request. */
  private readonly thumbprints = new WeakMap<TLSSocket, string>();

  constructor(readonly options: InwayOptions) {
    this.tokens = new AccessTokenVerifier(options.tokenKey, options.peerId);
    this.server = https.createServer(
      { cert: options.credentials.certificate, key: options.credentials.privateKey, ca: options.credentials.trustAnchors, requestCert: true, rejectUnauthorized: true, keepAliveTimeout: 65_000 },
      (req, res) => {
        this.handle(req, res).catch((error: unknown) => {
          sendFscError(res, error instanceof FscError ? error : inwayError(500, 'ERROR_CODE_INTERNAL', 'internal error'));
        });
      },
    );
  }

  private async verify(token: string): Promise<AccessToken> {
    try {
      return await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof AccessTokenError && error.reason === 'expired') throw inwayError(401, 'ERROR_CODE_ACCESS_TOKEN_EXPIRED', error.message);
      throw inwayError(401, 'ERROR_CODE_ACCESS_TOKEN_INVALID', 'the access token is not valid');
    }
  }

  private clientThumbprint(socket: TLSSocket): string | undefined {
    let thumbprint = this.thumbprints.get(socket);
    if (!thumbprint) {
      const cert = socket.getPeerX509Certificate();
      if (!cert) return undefined;
      thumbprint = certificateThumbprint(cert.raw);
      this.thumbprints.set(socket, thumbprint);
    }
    return thumbprint;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const token = req.headers['fsc-authorization'];
    if (typeof token !== 'string' || !token) throw inwayError(401, 'ERROR_CODE_ACCESS_TOKEN_MISSING', 'the Fsc-Authorization header does not contain an access token');
    const claims = await this.verify(token);
    if (claims.gid !== this.options.groupId) throw inwayError(403, 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN', `group id '${claims.gid}' in the access token is not '${this.options.groupId}'`);
    if (claims.cnf?.['x5t#S256'] !== this.clientThumbprint(req.socket as TLSSocket)) throw inwayError(401, 'ERROR_CODE_ACCESS_TOKEN_INVALID', 'the access token is bound to another certificate');
    const base = this.options.services[claims.svc];
    if (!base) throw inwayError(404, 'ERROR_CODE_SERVICE_NOT_FOUND', `service '${claims.svc}' is not offered by this inway`);
    if (this.options.grantIsValid && !(await this.options.grantIsValid(claims.gth))) throw inwayError(401, 'ERROR_CODE_ACCESS_TOKEN_INVALID', 'the contract of this access token is no longer valid');
    const transactionId = req.headers['fsc-transaction-id'];
    if (typeof transactionId !== 'string' || !transactionId) throw inwayError(400, 'MISSING_LOG_RECORD_ID', 'the Fsc-Transaction-Id header is missing');
    if (!UUID.test(transactionId)) throw inwayError(400, 'INVALID_LOG_RECORD_ID', 'the Fsc-Transaction-Id header is not a UUID');

    try {
      await this.options.log.write({
        transaction_id: transactionId,
        direction: 'DIRECTION_INCOMING',
        grant_hash: claims.gth,
        source: claims.act?.sub ? { type: 'SOURCE_TYPE_DELEGATED_SOURCE', outway_peer_id: String(claims.sub), delegator_peer_id: claims.act.sub } : { type: 'SOURCE_TYPE_SOURCE', outway_peer_id: String(claims.sub) },
        destination: claims.pdi ? { type: 'DESTINATION_TYPE_DELEGATED_DESTINATION', service_peer_id: this.options.peerId, delegator_peer_id: claims.pdi } : { type: 'DESTINATION_TYPE_DESTINATION', service_peer_id: this.options.peerId },
        service_name: claims.svc,
        created_at: Math.floor(Date.now() / 1000),
      });
    } catch {
      throw inwayError(500, 'TRANSACTION_LOG_WRITE_ERROR', 'the transaction log record could not be written');
    }
    await this.proxy(req, res, base, transactionId, String(claims.sub));
  }

  private proxy(req: http.IncomingMessage, res: http.ServerResponse, base: string, transactionId: string, peerId: string): Promise<void> {
    return new Promise((resolve) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
      headers['fsc-transaction-id'] = transactionId;
      headers['fsc-peer'] = peerId;
      const target = new URL(base);
      const path = target.pathname.replace(/\/$/, '') + (req.url ?? '/');
      const upstream = http.request({ hostname: target.hostname, port: target.port, path, method: req.method, headers, agent: this.upstream }, (answer) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) || name === 'transfer-encoding') out[name] = value;
        delete out['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', () => resolve(void res.destroy()));
      });
      upstream.on('error', () => {
        sendFscError(res, inwayError(502, 'ERROR_CODE_SERVICE_UNREACHABLE', 'the inway is unable to reach the service'));
        resolve();
      });
      // A request without a body (most GETs) is sent at once, without a stream pipe to set up.
      if (hasBody(req)) req.pipe(upstream);
      else upstream.end();
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    return (this.server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.upstream.destroy();
  }
}
