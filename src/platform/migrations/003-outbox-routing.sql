-- The outbox is read by one consumer, the Notificaties API's router: it turns each pending
-- event into a notificatie with one delivery per matching abonnement (table
-- notificaties.levering, which keeps attempts and retries) and marks the event `routed`. The
-- retry columns of the first design are therefore gone.
--
-- `origin` is the scheme and host the change was made under (the event's own URLs are kept
-- as paths): the notificatie names the resources as the client that changed them saw them.
ALTER TABLE platform.outbox ADD COLUMN origin text;
ALTER TABLE platform.outbox ADD COLUMN routed_at timestamptz;
DROP INDEX platform.outbox_pending;
ALTER TABLE platform.outbox DROP COLUMN attempts;
ALTER TABLE platform.outbox DROP COLUMN next_attempt_at;
ALTER TABLE platform.outbox DROP COLUMN last_error;
CREATE INDEX outbox_pending ON platform.outbox (id) WHERE status = 'pending';

-- Every statement that adds events wakes the router (src/platform/events/outbox.ts,
-- NOTIFICATIES_CHANNEL): delivered when the transaction commits, never when it rolls back.
CREATE FUNCTION platform.outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('opengrond_notificaties', 'outbox');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON platform.outbox FOR EACH STATEMENT EXECUTE FUNCTION platform.outbox_notify();
