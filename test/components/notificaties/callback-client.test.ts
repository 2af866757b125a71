/**
 * The HTTP client that posts notificaties: what goes over the wire, and what a subscriber
 * cannot do to us (answer slowly, endlessly, or redirect us elsewhere).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { postCallback } from '../../../src/components/notificaties/callbacks/client.ts';
import { CallbackPolicy, CallbackRefused } from '../../../src/components/notificaties/callbacks/policy.ts';

describe('Callback client', () => {
  let server: http.Server;
  let base: string;
  let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
  let bytesSent = 0;

  before(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        seen = { headers: request.headers, body };
        if (request.url === '/hang') return;
        if (request.url === '/redirect') return response.writeHead(302, { Location: '/ok' }).end();
        if (request.url === '/endless') {
          response.writeHead(500);
          const chunk = Buffer.alloc(64 * 1024, 'x');
          const write = () => {
            while (bytesSent < 50 * 1024 * 1024 && response.write(chunk)) bytesSent += chunk.length;
            if (bytesSent < 50 * 1024 * 1024) response.once('drain', write);
          };
          response.on('close', () => response.removeAllListeners('drain'));
          return write();
        }
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const policy = new CallbackPolicy({ allowLoopback: true });
  const options = { policy, timeoutMs: 500, maxResponseBytes: 4096 };

  it('posts the notificatie as JSON with the abonnement auth as Authorization header', async () => {
    const answer = await postCallback(`${base}/ok`, 'Bearer abc', { kanaal: 'zaken' }, options);
    assert.equal(answer.status, 204);
    assert.equal(seen?.headers.authorization, 'Bearer abc');
    assert.equal(seen?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(seen!.body), { kanaal: 'zaken' });
  });

  it('gives up on a subscriber that does not answer in time', async () => {
    const started = Date.now();
    await assert.rejects(postCallback(`${base}/hang`, 'x', {}, options), /Geen antwoord binnen 0.5 s/);
    assert.ok(Date.now() - started < 1500);
  });

  it('reads no more of an answer than the limit', async () => {
    const answer = await postCallback(`${base}/endless`, 'x', {}, options);
    assert.equal(answer.status, 500);
    assert.equal(answer.body.length, 4096);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(bytesSent < 50 * 1024 * 1024, `the subscriber could not send it all (${bytesSent} bytes)`);
  });

  it('does not follow redirects', async () => {
    assert.equal((await postCallback(`${base}/redirect`, 'x', {}, options)).status, 302);
  });

  it('connects only where the policy allows', async () => {
    const strict = { ...options, policy: new CallbackPolicy() };
    await assert.rejects(postCallback(`${base}/ok`, 'x', {}, strict), CallbackRefused);
    await assert.rejects(postCallback(base.replace('127.0.0.1', 'localhost') + '/ok', 'x', {}, strict), CallbackRefused);
  });
});
