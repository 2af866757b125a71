/**
 * HTTPS with the peer's own certificate (mTLS) to other peers' Managers and Inways. One
 * keep-alive agent per peer: connections and TLS sessions are reused, so a hop costs a request,
 * not a handshake.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { IncomingHttpHeaders } from 'node:http';
import type { PeerCredentials } from './pki.ts';

export interface PeerResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json<T = unknown>(): T;
}

export class PeerClient {
  readonly agent: https.Agent;

  constructor(credentials: PeerCredentials, options: { maxSockets?: number } = {}) {
    this.agent = new https.Agent({
      // One secure context for every connection, rather than the key and certificates parsed again for each.
      secureContext: tls.createSecureContext({ cert: credentials.certificate, key: credentials.privateKey, ca: credentials.trustAnchors }),
      keepAlive: true,
      maxSockets: options.maxSockets ?? 256,
      maxCachedSessions: 1000,
    });
  }

  request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<PeerResponse> {
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: this.agent, timeout: init.timeoutMs ?? 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${url}: no answer within ${init.timeoutMs ?? 10_000} ms`)));
      req.on('error', reject);
      req.end(init.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
