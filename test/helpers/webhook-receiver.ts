/**
 * A subscriber for tests: a real HTTP server on 127.0.0.1 that records every request posted
 * to it (body, Authorization header, time, the status it answered) and answers as `respond`
 * says (204 by default; a status, or a delay first).
 */
import http from 'node:http';

export interface Received {
  body: any;
  authorization: string | undefined;
  /** The path and query it was posted to. */
  path: string;
  /** When it was answered. */
  at: number;
  status: number;
}

export interface Answer {
  status: number;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, answered. */
  requests: Received[];
  /** The notificaties taken (answered 2xx), without the test notificaties of abonnement checks. */
  accepted(): Received[];
  /** How to answer the next request; called with the request's body. */
  respond: (body: any) => Answer;
  /** Waits until the accepted notificaties satisfy `predicate`. */
  waitFor(predicate: (accepted: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(path = '/callback'): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    requests: [],
    accepted: () => receiver.requests.filter((r) => r.status >= 200 && r.status < 300 && r.body?.kanaal !== 'test'),
    respond: () => ({ status: 204 }),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver.accepted())) {
        if (Date.now() > deadline) throw new Error(`webhook: not received within ${timeoutMs} ms; got ${receiver.requests.length} requests: ${JSON.stringify(receiver.requests.slice(-3).map((r) => [r.status, r.body]))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      const answer = receiver.respond(body);
      const reply = () => {
        receiver.requests.push({ body, authorization: request.headers.authorization, path: request.url ?? '', at: Date.now(), status: answer.status });
        response.writeHead(answer.status).end();
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  receiver.url = `http://127.0.0.1:${address.port}${path}`;
  return receiver;
}
