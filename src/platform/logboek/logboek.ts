/**
 * Logboek dataverwerkingen (Logius): every API access to personal data writes one processing
 * record per data subject, in the transaction of the access itself (a failed log write fails
 * the request; nothing is sampled). A component calls:
 *
 *   const ctx = await logboek.begin(request, 'brp-personen-raadplegen');   // before the access; throws 400/403 without a known activity
 *   await db.transaction().execute(async (tx) => {
 *     ... read the data ...
 *     await logboek.write(tx, ctx, [{ type: 'BSN', id: bsn }, ...], 'OK');
 *   });
 *   reply.header('traceparent', ctx.outgoingTraceparent());          // propagate to calls we make
 *
 * Trace context: the request's (platform/http/trace.ts): a W3C `traceparent` from the caller
 * is continued (its span is our parent), otherwise a new trace starts. The processing activity
 * is the `Verwerkingsactiviteit` header, an id (URI) from the register
 * (`--verwerkingsactiviteiten FILE`); without the header, the activity the register names as
 * the default of the calling Applicatie (`applicaties`), for ZGW clients that do not know the
 * header; otherwise the request is refused. A call that came through FSC names the other
 * organisation (the foreign processor) and the FSC transaction: the organisation as the
 * `fscCaller` function given at construction finds it in the request (src/fsc/caller.ts: from
 * the access token our Inway passes on, verified; never from a header anyone could send), the
 * transaction from `Fsc-Transaction-Id` when it did. See docs/brp.md.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { requestTrace, traceparent } from '../http/trace.ts';

export interface Verwerkingsactiviteit {
  id: string;
  naam: string;
  doel: string;
  grondslag: string;
  /**
   * Client ids of the Applicaties whose requests without a `Verwerkingsactiviteit` header are
   * logged under this activity: ZGW clients that do not know the header (a zaaksysteem, the
   * official test suite). A client id may be the default of one activity only.
   */
  applicaties?: string[];
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

/** A request refused for want of a known processing activity: a ZGW problem, which the BRP API renders its own way. */
export class LogboekError extends ProblemError {
  constructor(status: 400 | 403, code: 'verwerkingsactiviteitRequired' | 'verwerkingsactiviteitOnbekend', message: string) {
    super({ status, code, title: status === 400 ? 'Verwerkingsactiviteit ontbreekt.' : 'Onbekende verwerkingsactiviteit.', detail: message });
  }
}

/** Whether a problem (an answer's body) is a refusal by the Logboek, to be passed on as it is. */
export function isLogboekRefusal(problem: unknown): problem is { status: 400 | 403; code: 'verwerkingsactiviteitRequired' | 'verwerkingsactiviteitOnbekend'; detail: string } {
  const code = (problem as { code?: unknown } | undefined)?.code;
  return code === 'verwerkingsactiviteitRequired' || code === 'verwerkingsactiviteitOnbekend';
}

export class Logboek {
  readonly activities: Map<string, Verwerkingsactiviteit>;
  /** The activity per client id for requests without the header (`applicaties` in the register). */
  private readonly defaults: Map<string, Verwerkingsactiviteit>;
  private readonly key: Buffer;
  private readonly fscCaller: (request: FastifyRequest) => Promise<string | undefined>;

  constructor(init: { activities: Verwerkingsactiviteit[]; subjectKey: string | Buffer; fscCaller?: (request: FastifyRequest) => Promise<string | undefined> }) {
    this.activities = new Map(init.activities.map((a) => [a.id, a]));
    this.defaults = new Map(init.activities.flatMap((a) => (a.applicaties ?? []).map((clientId) => [clientId, a] as const)));
    this.key = Buffer.from(init.subjectKey);
    this.fscCaller = init.fscCaller ?? (async () => undefined);
  }

  /** The keyed hash a data subject id is stored (and searched) as. */
  subjectHash(subject: DataSubject): string {
    return createHmac('sha256', this.key).update(`${subject.type}:${subject.id}`).digest('hex');
  }

  /**
   * Starts a processing for a request: the activity is `activityId` when the processing is
   * the platform's own (the resident's inzage page), else the request's `Verwerkingsactiviteit`
   * header, else the client's default; none (400) or an unknown one (403) refuses the request.
   */
  async begin(request: FastifyRequest, operationName: string, clientId: string, activityId?: string): Promise<ProcessingContext> {
    const trace = requestTrace(request);
    const id = activityId ?? trace.verwerkingsactiviteit;
    const activity = id === undefined ? this.defaults.get(clientId) : this.activities.get(id);
    if (id === undefined && !activity) throw new LogboekError(400, 'verwerkingsactiviteitRequired', 'De header Verwerkingsactiviteit ontbreekt: noem de verwerkingsactiviteit (id uit het register) waarvoor de persoonsgegevens nodig zijn.');
    if (!activity) throw new LogboekError(403, 'verwerkingsactiviteitOnbekend', `Verwerkingsactiviteit ${id} staat niet in het register van deze organisatie.`);
    const peer = await this.fscCaller(request);
    const transaction = peer ? request.headers['fsc-transaction-id'] : undefined;
    return {
      traceId: trace.traceId,
      spanId: trace.spanId,
      parentSpanId: trace.parentSpanId,
      operationName,
      activity,
      clientId,
      foreignProcessor: peer,
      fscTransactionId: typeof transaction === 'string' && transaction ? transaction : undefined,
      start: new Date(),
      outgoingTraceparent: () => traceparent(trace),
    };
  }

  /**
   * Writes one record per data subject (one without subject when none was found), in `tx`.
   * A subject is a BSN, or the keyed hash of one already (`{ hash }`: records found in the
   * Logboek itself, whose subjects are stored only so).
   */
  async write(tx: Db | Tx, ctx: ProcessingContext, subjects: (DataSubject | { type: 'BSN'; hash: string })[], status: 'OK' | 'ERROR', component: string): Promise<void> {
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
      ? subjects.map((s) => ({ ...base, data_subject_type: s.type, data_subject_hash: 'hash' in s ? s.hash : this.subjectHash(s) }))
      : [{ ...base, data_subject_type: null, data_subject_hash: null }];
    await tx.insertInto('platform.verwerking').values(rows).execute();
  }

  /** Records for a data subject, an activity or a trace, newest first, with the activity's name and purpose from the register. */
  async find(db: Db | Tx, filter: LogboekFilter, limit = 500): Promise<Record<string, unknown>[]> {
    return (await this.rows(db, filter, limit)).map((r) => this.toRecord(r));
  }

  /**
   * Reading the Logboek is itself a processing of personal data: `find`, and in the same
   * transaction one record (under `ctx`) per data subject of the records shown — the subject
   * searched for, or the (hashed) subjects of the records found for an activity or a trace.
   */
  async inzage(tx: Tx, ctx: ProcessingContext, filter: LogboekFilter, limit = 500): Promise<Record<string, unknown>[]> {
    const rows = await this.rows(tx, filter, limit);
    const hashes = new Set(rows.flatMap((r) => (r.data_subject_hash ? [r.data_subject_hash as string] : [])));
    if (filter.subject) hashes.add(this.subjectHash(filter.subject));
    if (hashes.size) await this.write(tx, ctx, [...hashes].map((hash) => ({ type: 'BSN' as const, hash })), 'OK', 'logboek');
    return rows.map((r) => this.toRecord(r));
  }

  private async rows(db: Db | Tx, filter: LogboekFilter, limit: number) {
    let q = db.selectFrom('platform.verwerking').selectAll();
    if (filter.subject) q = q.where('data_subject_hash', '=', this.subjectHash(filter.subject));
    if (filter.activityId) q = q.where('activity_id', '=', filter.activityId);
    if (filter.traceId) q = q.where('trace_id', '=', filter.traceId);
    return q.orderBy('start_time', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  private toRecord(r: Awaited<ReturnType<Logboek['rows']>>[number]): Record<string, unknown> {
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
  }
}

/**
 * For bench/brp.ts only (`ServerOptions.benchmarkWithoutLogboek`): checks the activity like any
 * Logboek but writes nothing, so the benchmark can put a number on what logging costs. Never in
 * a deployment — every access to personal data must be logged — and not reachable from the
 * command line.
 */
export class LogboekWithoutWritesForBenchmark extends Logboek {
  override async write(): Promise<void> {}
}

export interface LogboekFilter {
  subject?: DataSubject;
  activityId?: string;
  traceId?: string;
}

export function readVerwerkingsactiviteiten(file: string): Verwerkingsactiviteit[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const valid = (a: Record<string, unknown>) =>
    ['id', 'naam', 'doel', 'grondslag'].every((k) => typeof a?.[k] === 'string' && a[k]) && (a.applicaties === undefined || (Array.isArray(a.applicaties) && a.applicaties.every((c) => typeof c === 'string')));
  if (!Array.isArray(data) || !data.every(valid)) {
    throw new Error(`${file}: verwacht een JSON-lijst van {"id", "naam", "doel", "grondslag", "applicaties"?: [client id, ...]}.`);
  }
  const clientIds = data.flatMap((a: Verwerkingsactiviteit) => a.applicaties ?? []);
  const twice = clientIds.find((c, i) => clientIds.indexOf(c) !== i);
  if (twice) throw new Error(`${file}: applicatie ${twice} heeft meer dan één standaard-verwerkingsactiviteit.`);
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
    id: 'https://opengrond.example/verwerkingsactiviteiten/inzage-verwerkingen',
    naam: 'Inzage in verwerkingen van persoonsgegevens',
    doel: 'Een betrokkene (of de privacyfunctionaris voor een inzageverzoek) laten zien wie zijn persoonsgegevens verwerkte, wanneer en waarvoor',
    grondslag: 'AVG art. 15 (recht van inzage) en art. 5 lid 2 (verantwoordingsplicht)',
  },
  {
    id: 'https://opengrond.example/verwerkingsactiviteiten/begraven',
    naam: 'Begrafenis aanvragen en plannen',
    doel: 'Een begrafenis op een gemeentelijke begraafplaats aanvragen, plannen en het grafrecht vastleggen',
    grondslag: 'Wet op de lijkbezorging; Beheersverordening gemeentelijke begraafplaatsen',
  },
];

/** The activity the resident's inzage page logs its reads under; a register used with that page must hold it. */
export const INZAGE_VERWERKINGSACTIVITEIT = DEMO_VERWERKINGSACTIVITEITEN[1]!.id;


/** The database's data subject key (made by migration 004). */
export async function logboekKey(db: Db): Promise<string> {
  const row = await db.selectFrom('platform.logboek_sleutel').select('sleutel').executeTakeFirstOrThrow();
  return row.sleutel as string;
}
