/**
 * W3C Trace Context for every request: a caller's `traceparent` is continued (its span becomes
 * our parent), otherwise a trace starts here. Each request gets its own span id; the answer
 * carries our `traceparent`, and the calls a request makes (the reference resolver, in-process
 * or over HTTP; the BRP proxy) carry it too, so the Logboek records of one chain share one
 * trace id across components and organisations.
 *
 * The request's trace is kept in an AsyncLocalStorage from the preHandler hook on (after body
 * parsing, so the handler and everything it awaits see it): code far from the request (the
 * reference resolver) reads it with {@link currentTrace}.
 *
 * @example
 * registerTracing(app);                      // once, before the routes
 * const trace = requestTrace(request);       // in a handler
 * headers.traceparent = traceparent(currentTrace()!); // on a call we make
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface RequestTrace {
  traceId: string;
  /** This request's span. */
  spanId: string;
  /** The caller's span, from its `traceparent`. */
  parentSpanId?: string;
  /** The caller's `Verwerkingsactiviteit` header, passed on with reads made for the caller (expand). */
  verwerkingsactiviteit?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const storage = new AsyncLocalStorage<RequestTrace>();
const traces = new WeakMap<FastifyRequest, RequestTrace>();

/** The trace of a request (the same object every time for one request). */
export function requestTrace(request: FastifyRequest): RequestTrace {
  let trace = traces.get(request);
  if (!trace) {
    const parent = TRACEPARENT.exec(single(request.headers['traceparent']) ?? '');
    // An all-zero trace or span id is invalid (W3C): start a new trace then.
    const valid = parent && !/^0+$/.test(parent[1]!) && !/^0+$/.test(parent[2]!);
    const activity = single(request.headers['verwerkingsactiviteit']);
    trace = {
      traceId: valid ? parent[1]! : randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      ...(valid ? { parentSpanId: parent[2]! } : {}),
      ...(activity ? { verwerkingsactiviteit: activity } : {}),
    };
    traces.set(request, trace);
  }
  return trace;
}

/** The trace of the request being handled, if any. */
export function currentTrace(): RequestTrace | undefined {
  return storage.getStore();
}

/** The `traceparent` for a call made within `trace`: the same trace, our span as the parent. */
export function traceparent(trace: Pick<RequestTrace, 'traceId' | 'spanId'>): string {
  return `00-${trace.traceId}-${trace.spanId}-01`;
}

export function registerTracing(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => storage.run(requestTrace(request), done));
  app.addHook('onSend', async (request, reply) => {
    reply.header('traceparent', traceparent(requestTrace(request)));
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
