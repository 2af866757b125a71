-- FSC: the contracts, signatures and peers a Manager knows, and the transaction log of its
-- Inway and Outway. One peer per database: an organisation keeps its own integration data.
CREATE SCHEMA IF NOT EXISTS fsc;

-- Contract content exactly as received (jsonb keeps array order; key order does not matter
-- for JCS hashes). The content hash is the contract's identity.
CREATE TABLE fsc.contracts (
  content_hash text PRIMARY KEY,
  iv uuid NOT NULL UNIQUE,
  group_id text NOT NULL,
  content jsonb NOT NULL,
  not_before bigint NOT NULL,
  not_after bigint NOT NULL,
  created_at bigint NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- One row per grant, with the peers it names, so tokens and listings need no JSON search.
CREATE TABLE fsc.grants (
  hash text PRIMARY KEY,
  content_hash text NOT NULL REFERENCES fsc.contracts ON DELETE CASCADE,
  position integer NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  service_peer_id text NOT NULL,
  service_name text NOT NULL,
  outway_peer_id text,
  outway_public_key_thumbprint text,
  directory_peer_id text,
  delegator_peer_id text,
  service_delegator_peer_id text
);
CREATE INDEX grants_content_hash ON fsc.grants (content_hash);
CREATE INDEX grants_service ON fsc.grants (service_peer_id, service_name);

CREATE TABLE fsc.signatures (
  content_hash text NOT NULL REFERENCES fsc.contracts ON DELETE CASCADE,
  peer_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('accept', 'reject', 'revoke')),
  jws text NOT NULL,
  signed_at bigint NOT NULL,
  PRIMARY KEY (content_hash, peer_id, type)
);

CREATE TABLE fsc.peers (
  id text PRIMARY KEY,
  name text NOT NULL,
  manager_address text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Certificates that signatures point to with x5t#S256, so they can be verified again later.
CREATE TABLE fsc.certificates (
  thumbprint text PRIMARY KEY,
  peer_id text NOT NULL,
  pem text NOT NULL
);

-- FSC Logging: one record per request an Outway sent or an Inway received.
CREATE TABLE fsc.transaction_logs (
  id bigserial PRIMARY KEY,
  transaction_id text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('DIRECTION_INCOMING', 'DIRECTION_OUTGOING')),
  grant_hash text NOT NULL,
  outway_peer_id text NOT NULL,
  source_delegator_peer_id text,
  service_peer_id text NOT NULL,
  destination_delegator_peer_id text,
  service_name text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX transaction_logs_transaction_id ON fsc.transaction_logs (transaction_id);
CREATE INDEX transaction_logs_created_at ON fsc.transaction_logs (created_at, id);
