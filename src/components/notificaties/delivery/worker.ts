/**
 * The delivery worker of one process: routes outbox events into deliveries, claims due
 * deliveries and posts them to the subscribers, and records every attempt.
 *
 * - At least once: a delivery is claimed with a lease and only marked delivered after the
 *   subscriber answered 2xx; a worker that dies leaves its claims to run out.
 * - In order per hoofdObject: a delivery is only claimed when no earlier delivery of the same
 *   hoofdObject to the same abonnement is pending (see leveringen.ts).
 * - Failures are retried with exponential backoff and jitter, up to `maxAttempts`; then the
 *   delivery is dead, until an operator retries it.
 * - No head-of-line blocking: requests run concurrently (`concurrency` per process), at most
 *   `perSubscriber` to one abonnement, so a slow or dead subscriber only holds up its own
 *   deliveries; each request has a deadline. Deliveries are claimed ahead (up to twice the
 *   places) and start the moment a place frees.
 * - Several processes deliver side by side (claims use FOR UPDATE SKIP LOCKED); on the
 *   embedded database there is one process, so one worker.
 *
 * The worker sleeps until a NOTIFY says there is work (sent on commit with every outbox event
 * and every new delivery), a request finishes, a retry is due, or `pollMs` passed.
 */
import { setMaxListeners } from 'node:events';
import type { Database } from '../../../platform/db/database.ts';
import { NOTIFICATIES_CHANNEL } from '../../../platform/events/outbox.ts';
import { postCallback } from '../callbacks/client.ts';
import type { CallbackPolicy } from '../callbacks/policy.ts';
import type { DeliverySettings } from '../settings.ts';
import { backoffDelay } from './backoff.ts';
import { claimLeveringen, recordOutcomes, type Claimed, type Outcome } from './leveringen.ts';
import { routeOutbox } from './router.ts';

export type WorkerLog = (message: string, data: Record<string, unknown>) => void;

export interface WorkerOptions {
  database: Database;
  settings: DeliverySettings;
  policy: CallbackPolicy;
  /** Scheme and host for events stored without one (see router.ts); undefined while unknown. */
  origin: () => string | undefined;
  log?: WorkerLog;
  /** How long stopping waits for requests in flight before it aborts them (default 3 s). */
  stopGraceMs?: number;
}

export class DeliveryWorker {
  readonly #options: WorkerOptions;
  readonly #settings: DeliverySettings;
  #running = false;
  #loop: Promise<void> | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #wakeUp: (() => void) | undefined;
  /** Woken while busy: look for work again before sleeping. */
  #woken = false;
  /** Events may be waiting in the outbox (told so, or not looked for a while). */
  #outboxWaiting = true;
  /** Requests in flight per abonnement, and all of them. */
  readonly #inFlight = new Map<string, number>();
  readonly #requests = new Set<Promise<void>>();
  /**
   * Claimed deliveries waiting for a free place, per abonnement: claiming ahead (up to twice the
   * places) lets a finished request be followed at once, without a round trip to the database.
   */
  readonly #waiting = new Map<string, Claimed[]>();
  #held = 0;
  readonly #abort = new AbortController();
  #outcomes: Outcome[] = [];
  /** When this worker's failed deliveries may be tried again. */
  #retries: number[] = [];

  constructor(options: WorkerOptions) {
    this.#options = options;
    this.#settings = options.settings;
    // Every request in flight listens to the one signal that aborts them all.
    setMaxListeners(this.#settings.concurrency + 16, this.#abort.signal);
  }

  async start(): Promise<void> {
    this.#running = true;
    this.#unlisten = await this.#options.database.listen(NOTIFICATIES_CHANNEL, (payload) => {
      if (payload !== 'levering') this.#outboxWaiting = true;
      this.#wake();
    });
    this.#loop = this.#run();
  }

  /** Stops claiming, lets requests in flight finish for a moment, aborts the rest (they are released, not counted) and records every outcome. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#wake();
    await this.#loop;
    for (const [abonnement, waiting] of this.#waiting) {
      for (const d of waiting) this.#outcomes.push({ id: d.id, claim: d.claim, attempt: d.attempt, startedAt: new Date(), durationMs: 0, statusCode: null, error: null, result: 'released' });
      this.#waiting.delete(abonnement);
    }
    const grace = new Promise((resolve) => setTimeout(resolve, this.#options.stopGraceMs ?? 3000).unref());
    await Promise.race([Promise.allSettled([...this.#requests]), grace]);
    this.#abort.abort();
    await Promise.allSettled([...this.#requests]);
    await this.#flush().catch((error) => this.#log('notificaties: uitkomsten niet vastgelegd bij het stoppen', { error: String(error) }));
    await this.#unlisten?.();
  }

  #wake(): void {
    this.#woken = true;
    this.#wakeUp?.();
  }

  #log(message: string, data: Record<string, unknown>): void {
    this.#options.log?.(message, data);
  }

  async #run(): Promise<void> {
    const { database, origin } = this.#options;
    while (this.#running) {
      this.#woken = false;
      try {
        await this.#flush();
        let routed = 0;
        if (this.#outboxWaiting) {
          this.#outboxWaiting = false;
          routed = await routeOutbox(database.db, { batch: this.#settings.routeBatch, defaultOrigin: origin() });
          if (routed === this.#settings.routeBatch) this.#outboxWaiting = true;
        }
        const claimed = await this.#claim();
        if (routed > 0 || claimed > 0) continue;
      } catch (error) {
        this.#outboxWaiting = true;
        this.#log('notificaties: fout in de afleverlus', { error: error instanceof Error ? error.message : String(error) });
        await this.#sleep(this.#settings.pollMs);
        continue;
      }
      if (!this.#woken && !(await this.#sleep(Math.min(this.#settings.pollMs, this.#untilNextRetry())))) {
        // Nobody said anything for a while: look in the outbox too (events another process could not route, say).
        this.#outboxWaiting = true;
      }
    }
  }

  /** Resolves true when woken, false when the time ran out. */
  async #sleep(ms: number): Promise<boolean> {
    if (ms <= 0 || !this.#running) return true;
    const woken = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.#wakeUp = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    this.#wakeUp = undefined;
    return woken;
  }

  #untilNextRetry(): number {
    const now = Date.now();
    this.#retries = this.#retries.filter((t) => t > now);
    return this.#retries.reduce((earliest, t) => Math.min(earliest, t), Infinity) - now;
  }

  async #claim(): Promise<number> {
    const { concurrency, perSubscriber, leaseMs } = this.#settings;
    const free = 2 * concurrency - this.#held;
    if (free <= 0) return 0;
    const held = new Map<string, number>();
    for (const [abonnement, n] of this.#inFlight) held.set(abonnement, n);
    for (const [abonnement, waiting] of this.#waiting) held.set(abonnement, (held.get(abonnement) ?? 0) + waiting.length);
    const claimed = await claimLeveringen(this.#options.database.db, { limit: free, perSubscriber: 2 * perSubscriber, held, leaseMs });
    for (const delivery of claimed) {
      const waiting = this.#waiting.get(delivery.abonnement);
      if (waiting) waiting.push(delivery);
      else this.#waiting.set(delivery.abonnement, [delivery]);
    }
    this.#held += claimed.length;
    this.#startWaiting();
    return claimed.length;
  }

  /** Starts waiting deliveries wherever their abonnement and the process have a free place. */
  #startWaiting(): void {
    for (const [abonnement, waiting] of this.#waiting) {
      while (waiting.length > 0 && (this.#inFlight.get(abonnement) ?? 0) < this.#settings.perSubscriber && this.#requests.size < this.#settings.concurrency) {
        this.#deliver(waiting.shift()!);
      }
      if (waiting.length === 0) this.#waiting.delete(abonnement);
    }
  }

  #deliver(delivery: Claimed): void {
    const { abonnement } = delivery;
    this.#inFlight.set(abonnement, (this.#inFlight.get(abonnement) ?? 0) + 1);
    const request = this.#attempt(delivery).finally(() => {
      const left = this.#inFlight.get(abonnement)! - 1;
      if (left === 0) this.#inFlight.delete(abonnement);
      else this.#inFlight.set(abonnement, left);
      this.#requests.delete(request);
      this.#held--;
      if (this.#running) this.#startWaiting();
      this.#wake();
    });
    this.#requests.add(request);
  }

  async #attempt(delivery: Claimed): Promise<void> {
    const { settings } = this.#options;
    const startedAt = new Date();
    const start = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await postCallback(delivery.callbackUrl, delivery.auth, delivery.bericht, {
        policy: this.#options.policy,
        timeoutMs: settings.timeoutMs,
        maxResponseBytes: settings.maxResponseBytes,
        signal: this.#abort.signal,
      });
      statusCode = response.status;
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}${response.body ? `: ${response.body}` : ''}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const outcome = { id: delivery.id, claim: delivery.claim, attempt: delivery.attempt, startedAt, durationMs: performance.now() - start, statusCode, error };
    if (statusCode === null && this.#abort.signal.aborted) {
      this.#outcomes.push({ ...outcome, result: 'released' });
    } else if (error === null) {
      this.#outcomes.push({ ...outcome, result: 'delivered' });
    } else if (delivery.attemptsInRound >= settings.maxAttempts) {
      this.#outcomes.push({ ...outcome, result: 'dead' });
      this.#log('notificaties: levering opgegeven na het maximale aantal pogingen', { levering: delivery.id, abonnement: delivery.abonnement, callbackUrl: delivery.callbackUrl, error });
    } else {
      const retryAt = Date.now() + backoffDelay(delivery.attemptsInRound, settings.backoffMs, settings.backoffMaxMs);
      this.#retries.push(retryAt);
      this.#outcomes.push({ ...outcome, result: 'retry', retryAt: new Date(retryAt) });
    }
  }

  async #flush(): Promise<void> {
    if (this.#outcomes.length === 0) return;
    const batch = this.#outcomes;
    this.#outcomes = [];
    try {
      await recordOutcomes(this.#options.database.db, batch);
    } catch (error) {
      this.#outcomes = [...batch, ...this.#outcomes];
      throw error;
    }
  }
}
