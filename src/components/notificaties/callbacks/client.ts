/**
 * Posts a notificatie to a subscriber's callback URL, as `notificaties-consumer.yaml`
 * describes: JSON body, the abonnement's `auth` as Authorization header; any 2xx is received.
 *
 * A subscriber is outside our control, so: connections only to addresses the
 * {@link CallbackPolicy} allows (checked at connect time), one deadline for the whole
 * exchange, redirects not followed, and at most `maxResponseBytes` of the answer read (kept to
 * explain a failure). Connections are kept alive between deliveries.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { CallbackPolicy, CallbackRefused } from './policy.ts';

export interface CallbackResponse {
  status: number;
  /** The start of the answer's body, for the attempt's error. */
  body: string;
}

export interface PostOptions {
  policy: CallbackPolicy;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Aborts the request (the worker stopping). */
  signal?: AbortSignal;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/** Rejects with the reason when no answer came (refused by the policy, unreachable, timeout). */
export function postCallback(url: string, auth: string, body: unknown, options: PostOptions): Promise<CallbackResponse> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(new CallbackRefused(`Ongeldige callback-URL: ${url}`));
    }
    const protocol = target.protocol as keyof typeof agents;
    if (!(protocol in agents)) return reject(new CallbackRefused(`Alleen http- en https-callbacks zijn toegestaan, niet ${target.protocol}`));
    // An IP address in the URL is not looked up, so the policy's resolver would not see it.
    const literal = isIP(target.hostname.replace(/^\[|\]$/g, '')) ? target.hostname.replace(/^\[|\]$/g, '') : undefined;
    const refused = literal && options.policy.refusal(literal);
    if (refused) return reject(new CallbackRefused(`Callback-host ${literal}: ${refused}`));

    const payload = JSON.stringify(body);
    const request = (protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      agent: agents[protocol],
      lookup: options.policy.lookup,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(payload),
        Authorization: auth,
        'User-Agent': 'OpenGrond-Notificaties/1.0',
      },
      signal: options.signal,
    });
    const timer = setTimeout(() => request.destroy(new Error(`Geen antwoord binnen ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8', 0, Math.min(size, options.maxResponseBytes)) });
      };
      response.on('data', (chunk: Buffer) => {
        if (size >= options.maxResponseBytes) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough to explain a failure: the rest is not read (nor is the connection kept).
        if (size >= options.maxResponseBytes) {
          response.destroy();
          done();
        }
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(payload);
  });
}
