-- Notificaties API 1.0: kanalen, abonnementen on them, and the delivery of notificaties to
-- the abonnementen (docs/notificaties.md).
CREATE SCHEMA notificaties;

CREATE TABLE notificaties.kanaal (
  uuid uuid PRIMARY KEY,
  naam text NOT NULL UNIQUE,
  -- A path (our own API's document) or an absolute URL.
  documentatie_link text NOT NULL DEFAULT '',
  filters text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE notificaties.abonnement (
  uuid uuid PRIMARY KEY,
  callback_url text NOT NULL,
  -- The Authorization header value sent with every notificatie.
  auth text NOT NULL,
  -- The client that made it; only that client reads `auth` back.
  client_id text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The abonnement's kanalen with their filters (the standard's FilterGroup), in the order given.
CREATE TABLE notificaties.abonnement_kanaal (
  abonnement uuid NOT NULL REFERENCES notificaties.abonnement ON DELETE CASCADE,
  position integer NOT NULL,
  kanaal text NOT NULL REFERENCES notificaties.kanaal (naam),
  filters jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (abonnement, position)
);
CREATE INDEX abonnement_kanaal_kanaal ON notificaties.abonnement_kanaal (kanaal);

-- A notificatie that reached at least one abonnement, exactly as it is delivered.
CREATE TABLE notificaties.notificatie (
  id bigserial PRIMARY KEY,
  kanaal text NOT NULL,
  bericht jsonb NOT NULL,
  -- `outbox:<id>` for our own components' events, `client:<client_id>` for POST /notificaties.
  bron text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One notificatie to one abonnement. `pending` until delivered or dead. Deliveries in one
-- `queue` (one abonnement, one hoofdObject) go out one at a time, in id order; a claimed
-- delivery has a `claim` token and next_attempt_at at the end of its lease, one waiting for a
-- retry has no claim and next_attempt_at at the retry.
CREATE TABLE notificaties.levering (
  id bigserial PRIMARY KEY,
  notificatie bigint NOT NULL REFERENCES notificaties.notificatie ON DELETE CASCADE,
  abonnement uuid NOT NULL REFERENCES notificaties.abonnement ON DELETE CASCADE,
  -- The abonnement's uuid and the hoofdObject, one key: its own index, which the planner
  -- cannot confuse with levering_due (also without statistics).
  queue text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  -- `attempts` when an operator last retried it: the attempts since then count towards the maximum.
  attempts_before_retry integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claim uuid,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Due work per abonnement, and the pending deliveries of a queue in order.
CREATE INDEX levering_due ON notificaties.levering (abonnement, next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX levering_queue ON notificaties.levering (queue, id) WHERE status = 'pending';
CREATE INDEX levering_status ON notificaties.levering (status, id);
CREATE INDEX levering_notificatie ON notificaties.levering (notificatie);

-- Every attempt and its outcome.
CREATE TABLE notificaties.poging (
  levering bigint NOT NULL REFERENCES notificaties.levering ON DELETE CASCADE,
  nummer integer NOT NULL,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  -- The subscriber's HTTP status; NULL when no answer came (error says why).
  status_code integer,
  error text,
  PRIMARY KEY (levering, nummer)
);
