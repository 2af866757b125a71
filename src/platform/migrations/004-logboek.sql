-- Logboek dataverwerkingen (Logius standard): one record per data subject per processing of
-- personal data, written in the same transaction as the access it describes. Purpose and
-- legal basis live in the register of verwerkingsactiviteiten, not here; the data subject's
-- id is stored as a keyed hash (HMAC-SHA256), so the log does not show a BSN in plain text
-- and can still be searched for one.
CREATE TABLE platform.verwerking (
  id bigserial PRIMARY KEY,
  trace_id text NOT NULL,
  span_id text NOT NULL,
  parent_span_id text,
  operation_name text NOT NULL,
  activity_id text NOT NULL,
  status text NOT NULL,                 -- OK, ERROR (refused or failed)
  start_time timestamptz NOT NULL,
  end_time timestamptz NOT NULL,
  data_subject_type text,               -- BSN
  data_subject_hash text,
  client_id text NOT NULL DEFAULT '',   -- the application that asked
  foreign_processor text,               -- the other organisation (FSC peer), when the call came through FSC
  fsc_transaction_id text,
  component text NOT NULL
);

CREATE INDEX verwerking_subject ON platform.verwerking (data_subject_hash, start_time);
CREATE INDEX verwerking_activity ON platform.verwerking (activity_id, start_time);
CREATE INDEX verwerking_trace ON platform.verwerking (trace_id);

-- The key of the data subject hash: made once per database, so every process on it (and a
-- restart) hashes a BSN the same way. Whoever can read this table can test a guessed BSN;
-- keep it from readers of the log (a separate role in production).
CREATE TABLE platform.logboek_sleutel (sleutel text NOT NULL);
INSERT INTO platform.logboek_sleutel (sleutel) VALUES (md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text));
