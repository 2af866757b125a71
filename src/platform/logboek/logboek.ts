/**
 * Logboek dataverwerkingen (Logius): every API access to personal data writes one processing
 * record per data subject, in the transaction of the access itself (a failed log write fails
 * the request; nothing is sampled). A component calls:
 *
 *   const ctx = logboek.begin(request, 'brp-personen-raadplegen');   // before the access; throws 400/403 without a known activity
 *   await db.transaction().execute(async (tx) => {
 *     ... read the data ...
 *     await logboek.write(tx, ctx, [{ type: 'BSN', id: bsn }, ...], 'OK');
 *   });
 *   reply.header('traceparent', ctx.outgoingTraceparent());          // propagate to calls we make
 *
 * Trace context: a W3C `traceparent` from the caller is continued (its span is our parent),
 * otherwise a new trace starts. The processing activity is the `Verwerkingsactiviteit` header,
 * an id (URI) from the register (`--verwerkingsactiviteiten FILE`). A call that came through
 * FSC carries `Fsc-Transaction-Id` and `Fsc-Peer` (the other organisation) — the contract
 * with the FSC layer, see docs/logboek.md.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/database.ts';

export interface Verwerkingsactiviteit {
  id: string;
  naam: string;
  doel: string;
  grondslag: string;
}

export interface DataSubject {
  type: 'BSN';
  id: string;
}

export interface ProcessingContext {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  operationName: string;
  activity: Verwerkingsactiviteit;
  clientId: string;
  foreignProcessor?: string;
  fscTransactionId?: string;
  start: Date;
  /** `traceparent` for a call this processing makes (same trace, our span as parent). */
  outgoingTraceparent(): string;
}

export class LogboekError extends Error {
  constructor(
    readonly status: 400 | 403,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export class Logboek {
  readonly activities: Map<string, Verwerkingsactiviteit>;
  private readonly key: Buffer;

  constructor(init: { activities: Verwerkingsactiviteit[]; subjectKey: string | Buffer }) {
    this.activities = new Map(init.activities.map((a) => [a.id, a]));
    this.key = Buffer.from(init.subjectKey);
  }

  /** The keyed hash a data subject id is stored (and searched) as. */
  subjectHash(subject: DataSubject): string {
    return createHmac('sha256', this.key).update(`${subject.type}:${subject.id}`).digest('hex');
  }

  /** Starts a processing for a request; refuses a request without a known activity. */
  begin(request: FastifyRequest, operationName: string, clientId: string): ProcessingContext {
    const header = request.headers['verwerkingsactiviteit'];
    const id = Array.isArray(header) ? header[0] : header;
    if (!id) throw new LogboekError(400, 'verwerkingsactiviteitRequired', 'De header Verwerkingsactiviteit ontbreekt: noem de verwerkingsactiviteit (id uit het register) waarvoor de persoonsgegevens nodig zijn.');
    const activity = this.activities.get(id);
    if (!activity) throw new LogboekError(403, 'verwerkingsactiviteitOnbekend', `Verwerkingsactiviteit ${id} staat niet in het register van deze organisatie.`);
    const parent = TRACEPARENT.exec(String(request.headers['traceparent'] ?? ''));
    const traceId = parent && !/^0+$/.test(parent[1]!) ? parent[1]! : randomBytes(16).toString('hex');
    const spanId = randomBytes(8).toString('hex');
    const peer = request.headers['fsc-peer'];
    const transaction = request.headers['fsc-transaction-id'];
    return {
      traceId,
      spanId,
      parentSpanId: parent ? parent[2] : undefined,
      operationName,
      activity,
      clientId,
      foreignProcessor: typeof peer === 'string' && peer ? peer : undefined,
      fscTransactionId: typeof transaction === 'string' && transaction ? transaction : undefined,
      start: new Date(),
      outgoingTraceparent: () => `00-${traceId}-${spanId}-01`,
    };
  }

  /** Writes one record per data subject (one without subject when none was found), in `tx`. */
  async write(tx: Db | Tx, ctx: ProcessingContext, subjects: DataSubject[], status: 'OK' | 'ERROR', component: string): Promise<void> {
    const end = new Date();
    const base = {
      trace_id: ctx.traceId,
      span_id: ctx.spanId,
      parent_span_id: ctx.parentSpanId ?? null,
      operation_name: ctx.operationName,
      activity_id: ctx.activity.id,
      status,
      start_time: ctx.start,
      end_time: end,
      client_id: ctx.clientId,
      foreign_processor: ctx.foreignProcessor ?? null,
      fsc_transaction_id: ctx.fscTransactionId ?? null,
      component,
    };
    const rows = subjects.length
      ? subjects.map((s) => ({ ...base, data_subject_type: s.type, data_subject_hash: this.subjectHash(s) }))
      : [{ ...base, data_subject_type: null, data_subject_hash: null }];
    await tx.insertInto('platform.verwerking').values(rows).execute();
  }

  /** Records for a data subject, an activity or a trace, newest first, with the activity's name and purpose from the register. */
  async find(db: Db, filter: { subject?: DataSubject; activityId?: string; traceId?: string }, limit = 500): Promise<Record<string, unknown>[]> {
    let q = db.selectFrom('platform.verwerking').selectAll();
    if (filter.subject) q = q.where('data_subject_hash', '=', this.subjectHash(filter.subject));
    if (filter.activityId) q = q.where('activity_id', '=', filter.activityId);
    if (filter.traceId) q = q.where('trace_id', '=', filter.traceId);
    const rows = await q.orderBy('start_time', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => {
      const activity = this.activities.get(r.activity_id);
      return {
        traceId: r.trace_id,
        spanId: r.span_id,
        parentSpanId: r.parent_span_id ?? undefined,
        operationName: r.operation_name,
        verwerkingsactiviteit: { id: r.activity_id, naam: activity?.naam, doel: activity?.doel, grondslag: activity?.grondslag },
        status: r.status,
        startTime: new Date(r.start_time).toISOString(),
        endTime: new Date(r.end_time).toISOString(),
        applicatie: r.client_id,
        component: r.component,
        ...(r.foreign_processor ? { foreignProcessor: r.foreign_processor } : {}),
        ...(r.fsc_transaction_id ? { fscTransactionId: r.fsc_transaction_id } : {}),
      };
    });
  }
}

export function readVerwerkingsactiviteiten(file: string): Verwerkingsactiviteit[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data) || !data.every((a) => ['id', 'naam', 'doel', 'grondslag'].every((k) => typeof a?.[k] === 'string' && a[k]))) {
    throw new Error(`${file}: verwacht een JSON-lijst van {"id", "naam", "doel", "grondslag"}.`);
  }
  return data;
}

/** The register the demo (and a deployment without --verwerkingsactiviteiten) uses. */
export const DEMO_VERWERKINGSACTIVITEITEN: Verwerkingsactiviteit[] = [
  {
    id: 'https://opengrond.example/verwerkingsactiviteiten/burgerzaken-raadplegen',
    naam: 'Raadplegen persoonsgegevens voor burgerzaken',
    doel: 'Behandelen van aanvragen van inwoners (burgerzaken)',
    grondslag: 'Wet basisregistratie personen, art. 3.3',
  },
  {
    id: 'https://opengrond.example/verwerkingsactiviteiten/begraven',
    naam: 'Begrafenis aanvragen en plannen',
    doel: 'Een begrafenis op een gemeentelijke begraafplaats aanvragen, plannen en het grafrecht vastleggen',
    grondslag: 'Wet op de lijkbezorging; Beheersverordening gemeentelijke begraafplaatsen',
  },
];


/** The database's data subject key (made by migration 004). */
export async function logboekKey(db: Db): Promise<string> {
  const row = await db.selectFrom('platform.logboek_sleutel').select('sleutel').executeTakeFirstOrThrow();
  return row.sleutel as string;
}
