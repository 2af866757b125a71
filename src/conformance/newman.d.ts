/**
 * The small part of newman's library API the conformance runner uses (newman ships no
 * TypeScript types). Event payloads are described as far as the runner reads them.
 */
declare module 'newman' {
  import type { EventEmitter } from 'node:events';

  export interface NewmanRunOptions {
    collection: object;
    environment?: object;
    globals?: object;
    reporters?: string[];
    /** Milliseconds for the whole run; the runtime ends the run with an error after it. */
    timeout?: number;
    timeoutRequest?: number;
    timeoutScript?: number;
    insecure?: boolean;
  }

  export interface NewmanItem {
    id: string;
    name: string;
  }

  export interface NewmanCursor {
    ref?: string;
    position?: number;
  }

  export interface NewmanScriptExecution {
    result?: { return?: { nextRequest?: string | null } };
  }

  export interface NewmanEventPayload {
    cursor?: NewmanCursor;
    item?: NewmanItem;
    /** `assertion`: the assertion's name. */
    assertion?: string;
    skipped?: boolean;
    /** `request`: the response, absent on connection errors. */
    response?: { code?: number };
    /** `script`: the script's event, e.g. `{ listen: 'test' }`. */
    event?: { listen?: string };
    /** `prerequest`, `test`: one entry per script run for the item. */
    executions?: NewmanScriptExecution[];
    /** `start`: the running instance, which can be aborted. */
    run?: { abort(): void };
  }

  export interface NewmanError {
    name?: string;
    message?: string;
    code?: string;
  }

  export type NewmanListener = (err: NewmanError | null | undefined, payload: NewmanEventPayload) => void;

  export interface NewmanEmitter extends EventEmitter {
    on(event: string, listener: NewmanListener): this;
    /** Set once the run has started; `globals` as the run's scripts left them. */
    summary?: { globals?: { toJSON(): object } };
  }

  const newman: {
    run(options: NewmanRunOptions, callback?: (err: Error | null) => void): NewmanEmitter;
  };
  export default newman;
}
