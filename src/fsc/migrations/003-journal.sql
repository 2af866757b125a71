-- Up to where the journal of a peer process (src/fsc/journal.ts, `--journal`) has been moved
-- into fsc.transaction_logs: every segment before `segment`, and `segment` up to `byte_offset`.
-- Written in the same transaction as the records it covers, so each arrives exactly once.
CREATE TABLE fsc.journal_positions (
  journal_id text PRIMARY KEY,
  segment bigint NOT NULL,
  byte_offset bigint NOT NULL
);
