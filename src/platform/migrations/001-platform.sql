-- What every component shares: the JWT clients (ZGW "client_id" + secret), the audit trail
-- and the transactional outbox of notifications.

CREATE TABLE platform.jwt_client (
  client_id text PRIMARY KEY,
  secret text NOT NULL,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One record per mutation, written in the mutation's own transaction (ZGW "audittrail").
CREATE TABLE platform.audittrail (
  uuid uuid PRIMARY KEY,
  component text NOT NULL,          -- ac, ztc, zrc, drc, brc, nrc
  bron text NOT NULL,               -- AC, ZTC, ZRC, DRC, BRC, NRC
  hoofd_object text NOT NULL,       -- URL of the main resource the change belongs to
  resource text NOT NULL,
  resource_url text NOT NULL,
  resource_weergave text NOT NULL DEFAULT '',
  actie text NOT NULL,              -- create, list, retrieve, destroy, update, partial_update
  actie_weergave text NOT NULL DEFAULT '',
  resultaat integer NOT NULL,       -- HTTP status
  applicatie_id text NOT NULL DEFAULT '',
  applicatie_weergave text NOT NULL DEFAULT '',
  gebruikers_id text NOT NULL DEFAULT '',
  gebruikers_weergave text NOT NULL DEFAULT '',
  request_id text NOT NULL DEFAULT '',
  toelichting text NOT NULL DEFAULT '',
  aanmaakdatum timestamptz NOT NULL DEFAULT now(),
  oud jsonb,
  nieuw jsonb
);
CREATE INDEX audittrail_hoofd_object ON platform.audittrail (hoofd_object, aanmaakdatum);

-- Transactional outbox: a notification is stored in the same transaction as the change it
-- announces; delivery workers (Notificaties) claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE platform.outbox (
  id bigserial PRIMARY KEY,
  kanaal text NOT NULL,
  hoofd_object text NOT NULL,
  resource text NOT NULL,
  resource_url text NOT NULL,
  actie text NOT NULL,
  aanmaakdatum timestamptz NOT NULL DEFAULT now(),
  kenmerken jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text
);
CREATE INDEX outbox_pending ON platform.outbox (next_attempt_at, id) WHERE status = 'pending';
