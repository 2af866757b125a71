-- The outbox no longer wakes the Notificaties workers from a trigger: a NOTIFY inside the
-- change's transaction made PostgreSQL commit every mutation one after the other (NOTIFYing
-- commits are serialised). The committing process sends the wake-up after the commit instead
-- (src/platform/events/outbox-wake.ts).
DROP TRIGGER outbox_notify ON platform.outbox;
DROP FUNCTION platform.outbox_notify();
