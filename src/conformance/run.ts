/**
 * Running one component's collection with newman (as a library) and counting the results per
 * folder. A run can never hang the runner: each request has a timeout, the run as a whole
 * has one (newman's own, plus a timer that aborts it), and a run that starts far more
 * requests than its collection holds (a `setNextRequest` loop) is aborted.
 */
import newman from 'newman';
import type { ComponentCollection } from './collection.ts';
import { FolderTally, type FolderResult } from './attribution.ts';
import type { PostmanEnvironment } from './suite.ts';

export interface RunOptions {
  environment: PostmanEnvironment;
  /**
   * The Postman globals to start with: those an earlier component's run ended with. The suite
   * is one collection, run as a whole with one set of globals (brc-006 creates its zaak from
   * the `zaak_body` the zrc and drc setUps leave behind).
   */
  globals?: object;
  /** Per request, milliseconds. */
  requestTimeoutMs?: number;
  /** For the whole component run, milliseconds. */
  runTimeoutMs?: number;
  /** Abort after this many started items; default 10 × the requests in the collection, at least 2000. */
  maxItems?: number;
  /** Names of every request in the suite: a jump to one outside the run is a hand-over, not a dangling jump. */
  suiteRequestNames?: Set<string>;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
}

export interface ComponentRun {
  component: string;
  folders: Map<string, FolderResult>;
  /** Folder keys in suite order. */
  order: string[];
  durationMs: number;
  /** Set when the run did not end normally (timeout, loop guard, newman error). */
  error?: string;
  /**
   * Jumps (`setNextRequest`) to a request that is not in this run, which end it: `elsewhere`
   * when the suite has it in another component (a hand-over, as at the end of `tearDown`),
   * `nowhere` when no request of the suite has that name.
   */
  exits: { from: string; folder: string; to: string; target: 'elsewhere' | 'nowhere' }[];
  /** The Postman globals at the end of the run, for the next component's. */
  globals?: object;
}

export function runComponent(built: ComponentCollection, options: RunOptions): Promise<ComponentRun> {
  const started = Date.now();
  const tally = new FolderTally(built.items, built.folders);
  const runTimeoutMs = options.runTimeoutMs ?? 15 * 60_000;
  const maxItems = options.maxItems ?? Math.max(2000, 10 * built.items.size);
  const inRun = new Set([...built.items.keys(), ...[...built.items.values()].map((i) => i.request)]);
  const exits: ComponentRun['exits'] = [];

  return new Promise((resolve) => {
    let abortRun: (() => void) | undefined;
    let hardStop: NodeJS.Timeout | undefined;
    let error: string | undefined;
    let finished = false;
    const finish = (reason?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(hardStop);
      options.signal?.removeEventListener('abort', onInterrupt);
      error ??= reason;
      // newman's own run timeout ends the run but not its requests: stop those too.
      if (error) {
        try {
          abortRun?.();
        } catch {
          // already over
        }
      }
      const globals = emitter.summary?.globals?.toJSON();
      resolve({ component: built.component, folders: tally.folders, order: orderOf(built.folders, tally.folders), durationMs: Date.now() - started, error, exits, globals });
    };
    let aborting = false;
    const abort = (reason: string) => {
      if (aborting || finished) return;
      aborting = true;
      error ??= reason;
      abortRun?.();
      // If newman does not come back after an abort, give up on it.
      hardStop = setTimeout(() => finish(reason), 10_000);
      hardStop.unref();
    };
    const onInterrupt = () => abort('interrupted');
    options.signal?.addEventListener('abort', onInterrupt, { once: true });
    const timer = setTimeout(() => abort(`run timed out after ${Math.round(runTimeoutMs / 1000)} s`), runTimeoutMs + 5_000);

    const emitter = newman.run({
      collection: built.collection,
      environment: options.environment,
      globals: options.globals,
      reporters: [],
      timeoutRequest: options.requestTimeoutMs ?? 30_000,
      timeoutScript: 30_000,
      timeout: runTimeoutMs,
    });
    tally.attach(emitter);
    emitter.on('start', (_err, o) => {
      abortRun = () => o.run?.abort();
    });
    emitter.on('beforeItem', () => {
      if (tally.itemsStarted > maxItems) abort(`aborted after ${maxItems} requests: setNextRequest loop?`);
    });
    const watchJumps: Parameters<typeof emitter.on>[1] = (_err, o) => {
      // As newman does: of the scripts that ran, the last one that set a next request decides.
      const target = (o.executions ?? []).map((e) => e.result?.return?.nextRequest).filter((t) => t !== undefined).at(-1);
      if (typeof target === 'string' && !inRun.has(target)) {
        const info = tally.info(o.item?.id, o.item?.name);
        exits.push({ from: info.request, folder: info.folder, to: target, target: options.suiteRequestNames?.has(target) ? 'elsewhere' : 'nowhere' });
      }
    };
    emitter.on('prerequest', watchJumps);
    emitter.on('test', watchJumps);
    emitter.on('done', (err) => {
      if (!err) return finish();
      const message = err.message ?? String(err);
      finish(/timed out/.test(message) ? `run timed out after ${Math.round(runTimeoutMs / 1000)} s` : `newman: ${message}`);
    });
  });
}

/**
 * The globals the next component starts with: those this run left, as one run of the whole
 * collection would carry them, except after a run that broke off (its state is half-way: the
 * next starts from what the run before it left) and without `NEXT_REQUEST_NAMES`, the jump
 * list of a component's common requests, so that one component's flow cannot steer the next.
 */
export function globalsForNext(run: ComponentRun, previous: object | undefined): object | undefined {
  if (run.error || !run.globals) return previous;
  const scope = run.globals as { values?: { key?: string }[] };
  return { ...scope, values: (scope.values ?? []).filter((v) => v.key !== 'NEXT_REQUEST_NAMES') };
}

/** The collection's folders in suite order, then any others that showed up. */
function orderOf(folders: string[], results: Map<string, FolderResult>): string[] {
  return [...folders, ...[...results.keys()].filter((k) => !folders.includes(k))];
}
