import type { LogRecord } from '../../src/fsc/store.ts';

/** Transaction log record number `n` for tests: a unique transaction id and creation time. */
export const logRecord = (n: number, extra: Partial<LogRecord> = {}): LogRecord => ({
  transaction_id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  direction: 'DIRECTION_OUTGOING',
  grant_hash: '$1$3$grant',
  source: { type: 'SOURCE_TYPE_SOURCE', outway_peer_id: '00000001009876543000' },
  destination: { type: 'DESTINATION_TYPE_DESTINATION', service_peer_id: '00000001001234567000' },
  service_name: 'zaken',
  created_at: 1_764_633_600 + n,
  ...extra,
});
