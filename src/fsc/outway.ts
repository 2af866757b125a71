/**
 * The Outway of a peer (Core, "Outway"; Logging, "Outway"): a forward proxy for the peer's own
 * applications. A request names its grant in `Fsc-Grant-Hash`; the Outway gets (and caches) an
 * access token for that grant from the Manager of the peer offering the service, writes the
 * transaction log record with a new UUIDv7 `Fsc-Transaction-Id`, and forwards the request,
 * path unaltered, over mTLS to the Inway named in the token's `aud`. Connections and TLS
 * sessions to Inways are kept alive, so the extra hop costs little.
 */
import http from 'node:http';
import https from 'node:https';
import { decodeJwt } from 'jose';
import { FscError, sendFscError } from './errors.ts';
import { hasBody } from './http.ts';
import { uuidv7 } from './contract.ts';
import type { Manager } from './manager.ts';
import type { TransactionLog } from './txlog.ts';
import type { StoredGrant } from './store.ts';

export interface OutwayOptions {
  /** This peer's Manager: its store holds the grants, its client the mTLS identity. */
  manager: Manager;
  log: TransactionLog;
  groupId: string;
}

interface CachedToken {
  token: string;
  aud: string;
  /** Unix ms after which a new token is fetched (some seconds before it expires). */
  refreshAt: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'fsc-grant-hash']);
const outwayError = (status: number, code: string, message: string) => new FscError(status, code, message, 'ERROR_DOMAIN_OUTWAY');

export class Outway {
  readonly server: http.Server;
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();
  private readonly grants = new Map<string, StoredGrant>();

  constructor(readonly options: OutwayOptions) {
    this.server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => sendFscError(res, error instanceof FscError ? error : outwayError(500, 'ERROR_CODE_INTERNAL', 'internal error')));
    });
    // CONNECT is not supported (Core, Outway error codes).
    this.server.on('connect', (_req, socket) => {
      const body = JSON.stringify({ message: 'the CONNECT method is not supported', domain: 'ERROR_DOMAIN_OUTWAY', code: 'ERROR_CODE_METHOD_UNSUPPORTED' });
      socket.end(`HTTP/1.1 405 Method Not Allowed\r\ncontent-type: application/json\r\nfsc-error-code: ERROR_CODE_METHOD_UNSUPPORTED\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    });
  }

  private get manager(): Manager {
    return this.options.manager;
  }

  private async grant(hash: string): Promise<StoredGrant> {
    const known = this.grants.get(hash);
    if (known) return known;
    const grant = await this.manager.store.grant(hash);
    if (!grant || (grant.data.type !== 'GRANT_TYPE_SERVICE_CONNECTION' && grant.data.type !== 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION') || grant.data.outway?.peer_id !== this.manager.peerId) {
      throw outwayError(403, 'ERROR_CODE_GRANT_NOT_FOUND', `no service connection grant '${hash}' for this outway`);
    }
    this.grants.set(hash, grant);
    return grant;
  }

  /** A token for the grant: cached, and fetched once even when many requests ask at the same time. */
  private async token(grant: StoredGrant): Promise<CachedToken> {
    const cached = this.tokens.get(grant.hash);
    if (cached && cached.refreshAt > Date.now()) return cached;
    let pending = this.pending.get(grant.hash);
    if (!pending) {
      pending = this.fetchToken(grant).finally(() => this.pending.delete(grant.hash));
      this.pending.set(grant.hash, pending);
    }
    return pending;
  }

  private async fetchToken(grant: StoredGrant): Promise<CachedToken> {
    const address = await this.manager.managerAddressOf(grant.data.service.peer_id);
    if (!address) throw outwayError(502, 'ERROR_CODE_MANAGER_UNREACHABLE', `the manager of peer '${grant.data.service.peer_id}' is unknown`);
    let res;
    try {
      res = await this.manager.client.request(`${address}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: grant.hash, client_id: this.manager.peerId }).toString(),
      });
    } catch (error) {
      throw outwayError(502, 'ERROR_CODE_MANAGER_UNREACHABLE', `the manager of peer '${grant.data.service.peer_id}' is unreachable: ${(error as Error).message}`);
    }
    if (res.status !== 200) {
      const body = safeJson(res.body);
      throw outwayError(403, 'ERROR_CODE_UNABLE_TO_OBTAIN_ACCESS_TOKEN', `no access token: ${String(body?.error ?? res.status)}${body?.error_description ? ` (${String(body.error_description)})` : ''}`);
    }
    const token = res.json<{ access_token: string }>().access_token;
    const claims = decodeJwt(token);
    if (claims.gid !== this.options.groupId) throw outwayError(403, 'ERROR_CODE_UNABLE_TO_OBTAIN_ACCESS_TOKEN', `the access token is for group '${String(claims.gid)}'`);
    const exp = (claims.exp ?? 0) * 1000;
    const entry = { token, aud: String(claims.aud), refreshAt: exp - Math.min(30_000, (exp - Date.now()) / 2) };
    this.tokens.set(grant.hash, entry);
    return entry;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hash = req.headers['fsc-grant-hash'];
    if (typeof hash !== 'string' || !hash) throw outwayError(400, 'ERROR_CODE_GRANT_HASH_MISSING', 'the Fsc-Grant-Hash header names the grant to use');
    const grant = await this.grant(hash);
    const { token, aud } = await this.token(grant);
    const transactionId = uuidv7();
    const data = grant.data;
    try {
      await this.options.log.write({
        transaction_id: transactionId,
        direction: 'DIRECTION_OUTGOING',
        grant_hash: grant.hash,
        source: data.delegator ? { type: 'SOURCE_TYPE_DELEGATED_SOURCE', outway_peer_id: this.manager.peerId, delegator_peer_id: data.delegator.peer_id } : { type: 'SOURCE_TYPE_SOURCE', outway_peer_id: this.manager.peerId },
        destination: data.service.delegator
          ? { type: 'DESTINATION_TYPE_DELEGATED_DESTINATION', service_peer_id: data.service.peer_id, delegator_peer_id: data.service.delegator.peer_id }
          : { type: 'DESTINATION_TYPE_DESTINATION', service_peer_id: data.service.peer_id },
        service_name: data.service.name,
        created_at: Math.floor(Date.now() / 1000),
      });
    } catch {
      throw outwayError(500, 'TRANSACTION_LOG_WRITE_ERROR', 'the transaction log record could not be written');
    }
    await this.forward(req, res, aud, token, transactionId, grant.hash);
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse, aud: string, token: string, transactionId: string, hash: string): Promise<void> {
    return new Promise((resolve) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
      headers['fsc-authorization'] = token;
      headers['fsc-transaction-id'] = transactionId;
      const target = new URL(aud);
      const upstream = https.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: this.manager.client.agent }, (answer) => {
        // An Inway that refuses the token (expired, revoked contract) makes the next request fetch a new one.
        if (answer.statusCode === 401) this.tokens.delete(hash);
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
        out['fsc-transaction-id'] = transactionId;
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', () => resolve(void res.destroy()));
      });
      upstream.on('error', (error) => {
        res.setHeader('fsc-transaction-id', transactionId);
        sendFscError(res, outwayError(502, 'ERROR_CODE_INWAY_UNREACHABLE', `the inway at ${aud} is unreachable: ${error.message}`));
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
  }
}

function safeJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
