/**
 * Storage of a peer's FSC data (schema `fsc`): contracts with their grants and signatures,
 * known peers and certificates, and the transaction log. Rows become records here only.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import type { ContractContent, GrantData, SignatureType } from './contract.ts';
import { grantHashes } from './contract.ts';

export interface StoredContract {
  hash: string;
  content: ContractContent;
  signatures: Record<SignatureType, Record<string, string>>;
}

export interface StoredGrant {
  hash: string;
  contentHash: string;
  data: GrantData;
}

export interface LogRecord {
  transaction_id: string;
  direction: 'DIRECTION_INCOMING' | 'DIRECTION_OUTGOING';
  grant_hash: string;
  source: { type: 'SOURCE_TYPE_SOURCE' | 'SOURCE_TYPE_DELEGATED_SOURCE'; outway_peer_id: string; delegator_peer_id?: string };
  destination: { type: 'DESTINATION_TYPE_DESTINATION' | 'DESTINATION_TYPE_DELEGATED_DESTINATION'; service_peer_id: string; delegator_peer_id?: string };
  service_name: string;
  created_at: number;
}

/** A contract or signature waiting to be sent (again) to another peer's Manager. */
export interface Delivery {
  id: number;
  peerId: string;
  method: string;
  path: string;
  body: string;
  attempts: number;
  lastError: string;
  /** Unix ms. */
  nextAttemptAt: number;
}

const LOG_COLUMNS = 'transaction_id, direction, grant_hash, outway_peer_id, source_delegator_peer_id, service_peer_id, destination_delegator_peer_id, service_name, created_at';
/**
 * The two statements the transaction log writes with, each of fixed text so that PostgreSQL
 * prepares it once per connection: one record (what a request waits for at low load), and a
 * batch of any size as one array per column.
 */
const INSERT_LOG = `INSERT INTO fsc.transaction_logs (${LOG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const INSERT_LOGS = `INSERT INTO fsc.transaction_logs (${LOG_COLUMNS})
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])`;

const logColumns = (r: LogRecord) => [
  r.transaction_id, r.direction, r.grant_hash, r.source.outway_peer_id, r.source.delegator_peer_id ?? null,
  r.destination.service_peer_id, r.destination.delegator_peer_id ?? null, r.service_name, r.created_at,
];

/** The records as one array per column, for INSERT_LOGS. */
function columnArrays(records: LogRecord[]): unknown[][] {
  const rows = records.map(logColumns);
  return rows[0].map((_, column) => rows.map((row) => row[column]));
}

export class FscStore {
  readonly db: Db;

  constructor(private readonly database: Database) {
    this.db = database.db;
  }

  /** Stores a new contract with its grants; false when a contract with this hash exists already. */
  async insertContract(hash: string, content: ContractContent): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const inserted = await sql`INSERT INTO fsc.contracts (content_hash, iv, group_id, content, not_before, not_after, created_at)
        VALUES (${hash}, ${content.iv}, ${content.group_id}, ${JSON.stringify(content)}::jsonb, ${content.validity.not_before}, ${content.validity.not_after}, ${content.created_at})
        ON CONFLICT (content_hash) DO NOTHING RETURNING content_hash`.execute(tx);
      if (inserted.rows.length === 0) return false;
      const hashes = grantHashes(content, hash);
      for (const [i, { data }] of content.grants.entries()) {
        await sql`INSERT INTO fsc.grants (hash, content_hash, position, type, data, service_peer_id, service_name, outway_peer_id, outway_public_key_thumbprint, directory_peer_id, delegator_peer_id, service_delegator_peer_id)
          VALUES (${hashes[i]}, ${hash}, ${i}, ${data.type}, ${JSON.stringify(data)}::jsonb, ${data.service.peer_id}, ${data.service.name}, ${data.outway?.peer_id ?? null}, ${data.outway?.public_key_thumbprint ?? null},
                  ${data.directory?.peer_id ?? null}, ${data.delegator?.peer_id ?? null}, ${data.service.delegator?.peer_id ?? null})`.execute(tx);
      }
      return true;
    });
  }

  async ivExists(iv: string): Promise<boolean> {
    const { rows } = await sql`SELECT 1 FROM fsc.contracts WHERE iv = ${iv}`.execute(this.db);
    return rows.length > 0;
  }

  async addSignature(hash: string, peerId: string, type: SignatureType, jws: string, signedAt: number): Promise<void> {
    await sql`INSERT INTO fsc.signatures (content_hash, peer_id, type, jws, signed_at) VALUES (${hash}, ${peerId}, ${type}, ${jws}, ${signedAt})
      ON CONFLICT (content_hash, peer_id, type) DO UPDATE SET jws = EXCLUDED.jws, signed_at = EXCLUDED.signed_at`.execute(this.db);
  }

  async contract(hash: string): Promise<StoredContract | undefined> {
    return (await this.contracts({ hashes: [hash] }))[0];
  }

  /**
   * Contracts, newest first unless `ascending`; filtered on hashes, on a grant type, on grant
   * hashes, and on a peer that must appear on one of the grants.
   */
  async contracts(filter: { hashes?: string[]; grantType?: string; grantHashes?: string[]; peerId?: string; limit?: number; ascending?: boolean; after?: { createdAt: number; hash: string } } = {}): Promise<StoredContract[]> {
    const where = [sql`true`];
    if (filter.hashes) where.push(sql`c.content_hash IN (${sql.join(filter.hashes)})`);
    if (filter.grantType) where.push(sql`EXISTS (SELECT 1 FROM fsc.grants g WHERE g.content_hash = c.content_hash AND g.type = ${filter.grantType})`);
    if (filter.grantHashes) where.push(sql`EXISTS (SELECT 1 FROM fsc.grants g WHERE g.content_hash = c.content_hash AND g.hash IN (${sql.join(filter.grantHashes)}))`);
    if (filter.peerId) {
      const p = filter.peerId;
      where.push(sql`EXISTS (SELECT 1 FROM fsc.grants g WHERE g.content_hash = c.content_hash AND ${p} IN (g.service_peer_id, g.outway_peer_id, g.directory_peer_id, g.delegator_peer_id, g.service_delegator_peer_id))`);
    }
    if (filter.after) {
      where.push(filter.ascending ? sql`(c.created_at, c.content_hash) > (${filter.after.createdAt}, ${filter.after.hash})` : sql`(c.created_at, c.content_hash) < (${filter.after.createdAt}, ${filter.after.hash})`);
    }
    const order = filter.ascending ? sql`c.created_at ASC, c.content_hash ASC` : sql`c.created_at DESC, c.content_hash DESC`;
    const { rows } = await sql<{ content_hash: string; content: ContractContent }>`SELECT c.content_hash, c.content FROM fsc.contracts c
      WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order} ${filter.limit ? sql`LIMIT ${filter.limit}` : sql``}`.execute(this.db);
    if (rows.length === 0) return [];
    const sigs = await sql<{ content_hash: string; peer_id: string; type: SignatureType; jws: string }>`SELECT content_hash, peer_id, type, jws FROM fsc.signatures
      WHERE content_hash IN (${sql.join(rows.map((r) => r.content_hash))}) ORDER BY peer_id`.execute(this.db);
    return rows.map((r) => {
      const signatures: StoredContract['signatures'] = { accept: {}, reject: {}, revoke: {} };
      for (const s of sigs.rows) if (s.content_hash === r.content_hash) signatures[s.type][s.peer_id] = s.jws;
      return { hash: r.content_hash, content: typeof r.content === 'string' ? JSON.parse(r.content) : r.content, signatures };
    });
  }

  async grant(hash: string): Promise<StoredGrant | undefined> {
    const { rows } = await sql<{ hash: string; content_hash: string; data: GrantData }>`SELECT hash, content_hash, data FROM fsc.grants WHERE hash = ${hash}`.execute(this.db);
    return rows[0] && { hash: rows[0].hash, contentHash: rows[0].content_hash, data: rows[0].data };
  }

  async upsertPeer(peer: { id: string; name: string; managerAddress?: string }): Promise<void> {
    await sql`INSERT INTO fsc.peers (id, name, manager_address) VALUES (${peer.id}, ${peer.name}, ${peer.managerAddress ?? null})
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, manager_address = COALESCE(EXCLUDED.manager_address, fsc.peers.manager_address), updated_at = now()`.execute(this.db);
  }

  async peers(filter: { ids?: string[]; name?: string; limit?: number; ascending?: boolean; after?: string } = {}): Promise<{ id: string; name: string; manager_address: string | null }[]> {
    const where = [sql`true`];
    if (filter.ids) where.push(sql`id IN (${sql.join(filter.ids)})`);
    else {
      if (filter.name) where.push(sql`lower(name) LIKE ${`%${filter.name.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`);
      if (filter.after) where.push(filter.ascending ? sql`id > ${filter.after}` : sql`id < ${filter.after}`);
    }
    const { rows } = await sql<{ id: string; name: string; manager_address: string | null }>`SELECT id, name, manager_address FROM fsc.peers
      WHERE ${sql.join(where, sql` AND `)} ORDER BY id ${filter.ascending ? sql`ASC` : sql`DESC`} ${filter.limit && !filter.ids ? sql`LIMIT ${filter.limit}` : sql``}`.execute(this.db);
    return rows;
  }

  async saveCertificate(thumbprint: string, peerId: string, pem: string): Promise<void> {
    await sql`INSERT INTO fsc.certificates (thumbprint, peer_id, pem) VALUES (${thumbprint}, ${peerId}, ${pem}) ON CONFLICT (thumbprint) DO NOTHING`.execute(this.db);
  }

  async certificate(thumbprint: string): Promise<string | undefined> {
    const { rows } = await sql<{ pem: string }>`SELECT pem FROM fsc.certificates WHERE thumbprint = ${thumbprint}`.execute(this.db);
    return rows[0]?.pem;
  }

  async addDelivery(d: Omit<Delivery, 'id'>): Promise<void> {
    await sql`INSERT INTO fsc.deliveries (peer_id, method, path, body, attempts, last_error, next_attempt_at)
      VALUES (${d.peerId}, ${d.method}, ${d.path}, ${d.body}, ${d.attempts}, ${d.lastError}, ${d.nextAttemptAt})`.execute(this.db);
  }

  /** Deliveries due at `now` (unix ms), or all of them. */
  async deliveries(due?: number): Promise<Delivery[]> {
    const { rows } = await sql<{ id: string; peer_id: string; method: string; path: string; body: string; attempts: number; last_error: string; next_attempt_at: string }>`
      SELECT * FROM fsc.deliveries ${due === undefined ? sql`` : sql`WHERE next_attempt_at <= ${due}`} ORDER BY id`.execute(this.db);
    return rows.map((r) => ({ id: Number(r.id), peerId: r.peer_id, method: r.method, path: r.path, body: r.body, attempts: Number(r.attempts), lastError: r.last_error, nextAttemptAt: Number(r.next_attempt_at) }));
  }

  async rescheduleDelivery(id: number, attempts: number, lastError: string, nextAttemptAt: number): Promise<void> {
    await sql`UPDATE fsc.deliveries SET attempts = ${attempts}, last_error = ${lastError}, next_attempt_at = ${nextAttemptAt} WHERE id = ${id}`.execute(this.db);
  }

  async removeDelivery(id: number): Promise<void> {
    await sql`DELETE FROM fsc.deliveries WHERE id = ${id}`.execute(this.db);
  }

  /** Writes log records in one statement (the transaction log batches concurrent requests). */
  async writeLogs(records: LogRecord[]): Promise<void> {
    if (records.length === 1) return this.database.execPrepared('fsc_insert_log', INSERT_LOG, logColumns(records[0]));
    await this.database.execPrepared('fsc_insert_logs', INSERT_LOGS, columnArrays(records));
  }

  /** Up to where the journal `journalId` has been moved into the log (src/fsc/journal.ts). */
  async journalPosition(journalId: string): Promise<{ segment: number; offset: number } | undefined> {
    const { rows } = await sql<{ segment: number; byte_offset: number }>`SELECT segment, byte_offset FROM fsc.journal_positions WHERE journal_id = ${journalId}`.execute(this.db);
    return rows[0] && { segment: Number(rows[0].segment), offset: Number(rows[0].byte_offset) };
  }

  /** Stores records from a journal together with the journal's new position, in one transaction. */
  async ingestJournal(journalId: string, records: LogRecord[], position: { segment: number; offset: number }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (records.length) await tx.executeQuery(CompiledQuery.raw(INSERT_LOGS, columnArrays(records)));
      await sql`INSERT INTO fsc.journal_positions (journal_id, segment, byte_offset) VALUES (${journalId}, ${position.segment}, ${position.offset})
        ON CONFLICT (journal_id) DO UPDATE SET segment = excluded.segment, byte_offset = excluded.byte_offset`.execute(tx);
    });
  }

  /** Log records a peer may see (FSC Logging: it is the source, destination or a delegator), by cursor = record id. */
  async logs(filter: { peerId?: string; transactionIds?: string[]; grantHashes?: string[]; serviceNames?: string[]; after?: number; before?: number; limit: number; ascending: boolean; cursor?: number }): Promise<{ id: number; record: LogRecord }[]> {
    const where = [sql`true`];
    if (filter.peerId) where.push(sql`${filter.peerId} IN (outway_peer_id, service_peer_id, source_delegator_peer_id, destination_delegator_peer_id)`);
    if (filter.transactionIds) where.push(sql`transaction_id IN (${sql.join(filter.transactionIds)})`);
    else {
      const any = [];
      if (filter.grantHashes?.length) any.push(sql`grant_hash IN (${sql.join(filter.grantHashes)})`);
      if (filter.serviceNames?.length) any.push(sql`service_name IN (${sql.join(filter.serviceNames)})`);
      if (any.length) where.push(sql`(${sql.join(any, sql` OR `)})`);
      if (filter.after !== undefined) where.push(sql`created_at > ${filter.after}`);
      if (filter.before !== undefined) where.push(sql`created_at < ${filter.before}`);
      if (filter.cursor !== undefined) where.push(filter.ascending ? sql`id > ${filter.cursor}` : sql`id < ${filter.cursor}`);
    }
    const { rows } = await sql<Record<string, string | number | null>>`SELECT * FROM fsc.transaction_logs WHERE ${sql.join(where, sql` AND `)}
      ORDER BY id ${filter.ascending ? sql`ASC` : sql`DESC`} ${filter.transactionIds ? sql`` : sql`LIMIT ${filter.limit}`}`.execute(this.db);
    return rows.map((r) => ({
      id: Number(r.id),
      record: {
        transaction_id: String(r.transaction_id),
        direction: r.direction as LogRecord['direction'],
        grant_hash: String(r.grant_hash),
        source: r.source_delegator_peer_id
          ? { type: 'SOURCE_TYPE_DELEGATED_SOURCE', outway_peer_id: String(r.outway_peer_id), delegator_peer_id: String(r.source_delegator_peer_id) }
          : { type: 'SOURCE_TYPE_SOURCE', outway_peer_id: String(r.outway_peer_id) },
        destination: r.destination_delegator_peer_id
          ? { type: 'DESTINATION_TYPE_DELEGATED_DESTINATION', service_peer_id: String(r.service_peer_id), delegator_peer_id: String(r.destination_delegator_peer_id) }
          : { type: 'DESTINATION_TYPE_DESTINATION', service_peer_id: String(r.service_peer_id) },
        service_name: String(r.service_name),
        created_at: Number(r.created_at),
      },
    }));
  }
}
