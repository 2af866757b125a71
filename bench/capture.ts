/**
 * The raw-SQL baseline of a benchmark (issue #8): the statements one API request sends to
 * PostgreSQL, captured from the `pg` client while an Open Grond in this process serves it, and
 * replayed by a bare `pg` Pool. The figure that counts is API ÷ baseline: what the HTTP layer,
 * validation, authorisation and serialisation add to the database's own work.
 *
 * Capture wraps `pg.Client.prototype.query` (Kysely's PostgresDialect calls it with text and
 * parameters). Replay keeps the request's shape: a transaction's statements go over one
 * connection in order; statements the request sent at the same time (Promise.all over
 * several pool connections) are sent at the same time.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface Statement {
  client: number;
  text: string;
  values: unknown[];
  start: number;
  end: number;
}

/** One request's statements as replay steps: a transaction, or statements sent together. */
export type Step = { kind: 'transaction'; statements: Statement[] } | { kind: 'parallel'; statements: Statement[] };

let recording: Statement[] | undefined;
let sequence = 0;
const clientIds = new WeakMap<object, number>();
let installed = false;
let clients = 0;

/** Wraps pg's Client.query once; statements are kept only while {@link record} runs. */
function install(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: object, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (recording && typeof args[0] === 'string' && typeof args[args.length - 1] !== 'function' && result instanceof Promise) {
      if (!clientIds.has(this)) clientIds.set(this, ++clients);
      const statement: Statement = { client: clientIds.get(this)!, text: args[0], values: (args[1] as unknown[]) ?? [], start: ++sequence, end: Infinity };
      recording.push(statement);
      result.then(() => (statement.end = ++sequence), () => (statement.end = ++sequence));
    }
    return result;
  };
}

/** The statements `fn` makes this process send to PostgreSQL. */
export async function record(fn: () => Promise<void>): Promise<Statement[]> {
  install();
  recording = [];
  try {
    await fn();
    await new Promise((resolve) => setImmediate(resolve));
    return recording;
  } finally {
    recording = undefined;
  }
}

export function toSteps(statements: Statement[]): Step[] {
  const steps: Step[] = [];
  const done = new Set<Statement>();
  for (const [i, statement] of statements.entries()) {
    if (done.has(statement)) continue;
    if (/^\s*begin\b/i.test(statement.text)) {
      const tx: Statement[] = [];
      for (const s of statements.slice(i)) {
        if (s.client !== statement.client || done.has(s)) continue;
        tx.push(s);
        done.add(s);
        if (/^\s*(commit|rollback)\b/i.test(s.text)) break;
      }
      steps.push({ kind: 'transaction', statements: tx });
      continue;
    }
    done.add(statement);
    const last = steps.at(-1);
    // Sent while the previous standalone statement was still running: part of the same Promise.all.
    if (last?.kind === 'parallel' && last.statements.some((s) => s.end > statement.start)) last.statements.push(statement);
    else steps.push({ kind: 'parallel', statements: [statement] });
  }
  return steps;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ZAAK_IDENTIFICATIE = /ZAAK-(\d{4})-\d{10}/g;

/**
 * A replay of a write must not collide with what it wrote before: the uuids the server made
 * (those not in the request itself) get fresh ones per replay, consistently over its
 * statements, and generated zaak identificaties a unique number.
 */
let replays = 0;

export function freshener(steps: Step[], request: string): () => Step[] {
  const given = new Set((request.match(UUID) ?? []).map((u) => u.toLowerCase()));
  return () => {
    const map = new Map<string, string>();
    const n = ++replays;
    const fresh = (value: unknown): unknown => {
      if (typeof value !== 'string') return value;
      return value
        .replace(UUID, (u) => (given.has(u.toLowerCase()) ? u : (map.get(u) ?? (map.set(u, randomUUID()), map.get(u)!))))
        .replace(ZAAK_IDENTIFICATIE, (_m, jaar: string) => `ZAAK-${jaar}-9${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(6, '0')}`);
    };
    return steps.map((step) => ({ ...step, statements: step.statements.map((s) => ({ ...s, values: s.values.map(fresh) })) }));
  };
}

/** Runs one request's steps on the pool. */
export async function replay(pool: pg.Pool, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if (step.kind === 'parallel') {
      await Promise.all(step.statements.map((s) => pool.query(s.text, s.values)));
      continue;
    }
    const client = await pool.connect();
    try {
      for (const s of step.statements) await client.query(s.text, s.values);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
