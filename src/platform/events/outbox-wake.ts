/**
 * Wakes the Notificaties workers (of every process on this database) after an outbox write
 * has committed: a NOTIFY on NOTIFICATIES_CHANNEL, sent by the process that committed, outside
 * the change's transaction. Sending it inside (a trigger did, first) made PostgreSQL commit
 * every mutation one after the other, since NOTIFYing commits are serialised.
 *
 * Coalesced: while one NOTIFY is on its way, further commits only ask for one more after it,
 * so a burst of mutations costs a few NOTIFYs, not one each. A lost wake-up costs latency, not
 * an event: the workers also look every `pollMs`.
 */
import { NOTIFICATIES_CHANNEL } from './outbox.ts';

/** Whether a compiled statement writes outbox events (Kysely's SQL for enqueueNotificatie). */
export function isOutboxWrite(sql: string): boolean {
  return /^insert into "platform"\."outbox"/i.test(sql);
}

export const OUTBOX_WAKE_SQL = `SELECT pg_notify('${NOTIFICATIES_CHANNEL}', 'outbox')`;

/** A function to call after each committed outbox write; `send` runs OUTBOX_WAKE_SQL. */
export function outboxWaker(send: () => Promise<unknown>): () => void {
  let sending = false;
  let again = false;
  const run = () => {
    sending = true;
    again = false;
    send()
      .catch(() => {}) // the database is gone or closing: the workers' poll covers it
      .finally(() => {
        sending = false;
        if (again) run();
      });
  };
  return () => {
    if (sending) again = true;
    else run();
  };
}
