-- Contracts and signatures this peer could not deliver to another peer's Manager (unreachable,
-- or it answered 5xx). Core recommends retrying; the Manager of this peer does so with
-- exponential backoff until the peer takes it or refuses it (4xx).
CREATE TABLE fsc.deliveries (
  id bigserial PRIMARY KEY,
  peer_id text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  body text NOT NULL,
  attempts integer NOT NULL,
  last_error text NOT NULL,
  next_attempt_at bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_next_attempt_at ON fsc.deliveries (next_attempt_at);
