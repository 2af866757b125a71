import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../../../src/platform/http/app.ts';
import { currentTrace, requestTrace } from '../../../src/platform/http/trace.ts';

const PARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const FORMAT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

async function app() {
  const a = await createApp();
  // Whether the trace is the handler's after awaiting (a body parsed, a timer), and the request's own.
  a.post('/echo', async (request) => {
    await sleep(5);
    const trace = currentTrace();
    return { same: trace === requestTrace(request), trace };
  });
  return a;
}

describe('request trace (W3C traceparent)', () => {
  it('continues a caller\'s trace with a span of its own, and answers with it', async () => {
    const a = await app();
    const r = await a.inject({ method: 'POST', url: '/echo', headers: { traceparent: PARENT, verwerkingsactiviteit: 'https://x.example/va/1', 'content-type': 'application/json' }, payload: '{"a":1}' });
    const body = r.json();
    assert.equal(body.same, true);
    assert.equal(body.trace.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(body.trace.parentSpanId, '00f067aa0ba902b7');
    assert.notEqual(body.trace.spanId, '00f067aa0ba902b7');
    assert.equal(body.trace.verwerkingsactiviteit, 'https://x.example/va/1');
    assert.equal(r.headers['traceparent'], `00-${body.trace.traceId}-${body.trace.spanId}-01`);
    await a.close();
  });

  it('starts a trace without a valid traceparent', async () => {
    const a = await app();
    for (const traceparent of [undefined, 'nonsense', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01']) {
      const r = await a.inject({ method: 'POST', url: '/echo', headers: traceparent ? { traceparent } : {} });
      const { trace } = r.json();
      assert.equal(trace.parentSpanId, undefined, String(traceparent));
      assert.notEqual(trace.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
      assert.match(String(r.headers['traceparent']), FORMAT);
    }
    // Problems carry it too.
    assert.match(String((await a.inject({ method: 'GET', url: '/nergens' })).headers['traceparent']), FORMAT);
    await a.close();
  });
});
