/**
 * Contracts: validation of their content (Core, "Contract Validation" and the rules per grant
 * type), which peers must sign each grant, and accept/reject/revoke signatures as JWS bound to
 * the signer's certificate with `x5t#S256`.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { contentHash, grantHash, UnknownHashAlgorithmError, type GrantType } from './hash.ts';
import { FscError } from './errors.ts';

export interface PeerRef {
  peer_id: string;
}
export interface ServiceRef {
  type?: 'SERVICE_TYPE_SERVICE' | 'SERVICE_TYPE_DELEGATED_SERVICE';
  peer_id: string;
  name: string;
  delegator?: PeerRef;
}
export interface GrantData {
  type: GrantType;
  directory?: PeerRef;
  service: ServiceRef & { protocol?: string };
  outway?: PeerRef & { public_key_thumbprint: string };
  delegator?: PeerRef;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface ContractContent {
  iv: string;
  group_id: string;
  validity: { not_before: number; not_after: number };
  grants: { data: GrantData }[];
  hash_algorithm: string;
  created_at: number;
  [key: string]: unknown;
}

export type SignatureType = 'accept' | 'reject' | 'revoke';
export const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

const PUBLICATION_TYPES = new Set(['GRANT_TYPE_SERVICE_PUBLICATION', 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION']);
const SERVICE_NAME = /^[a-zA-Z0-9-._]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (message: string) => new FscError(400, 'ERROR_CODE_CONTRACT_INVALID', message);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPeerId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 3 && value.length <= 255;
}
function isTimestamp(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/**
 * Checks a contract's content against Core; `now` in Unix seconds. Returns the content hash.
 * Errors carry the Manager's error codes where the standard has one, else a 400.
 */
export function validateContent(content: unknown, groupId: string, now = Math.floor(Date.now() / 1000)): string {
  if (!isObject(content)) throw invalid('contract_content must be an object');
  const c = content as Partial<ContractContent>;
  if (typeof c.iv !== 'string' || !UUID.test(c.iv)) throw invalid('iv must be a UUID');
  if (typeof c.group_id !== 'string') throw invalid('group_id is required');
  if (typeof c.hash_algorithm !== 'string') throw invalid('hash_algorithm is required');
  if (!isObject(c.validity) || !isTimestamp(c.validity.not_before) || !isTimestamp(c.validity.not_after)) throw invalid('validity.not_before and validity.not_after must be Unix timestamps');
  if (!isTimestamp(c.created_at)) throw invalid('created_at must be a Unix timestamp');
  if (!Array.isArray(c.grants) || c.grants.length === 0) throw invalid('a contract has at least one grant');
  if (c.group_id !== groupId) throw new FscError(422, 'ERROR_CODE_INCORRECT_GROUP_ID', `group id '${c.group_id}' does not match the group id of this manager '${groupId}'`);
  if (c.created_at > now + 60) throw invalid('created_at cannot be in the future');
  if (c.validity.not_after <= c.validity.not_before) throw invalid('validity.not_after must be after validity.not_before');
  if (c.validity.not_after <= now) throw invalid('validity.not_after must be in the future');
  for (const grant of c.grants) validateGrant(grant);
  const types = c.grants.map((g) => g.data.type);
  if (types.some((t) => PUBLICATION_TYPES.has(t)) && types.some((t) => !PUBLICATION_TYPES.has(t))) {
    throw new FscError(422, 'ERROR_CODE_GRANT_COMBINATION_NOT_ALLOWED', 'cannot combine a service publication grant with any other grant type');
  }
  try {
    return contentHash(c as ContractContent);
  } catch (error) {
    if (error instanceof UnknownHashAlgorithmError) throw new FscError(422, 'ERROR_CODE_UNKNOWN_HASH_ALGORITHM_HASH', error.message);
    throw error;
  }
}

function validateGrant(grant: unknown): void {
  if (!isObject(grant) || !isObject(grant.data)) throw invalid('every grant has a data object');
  const d = grant.data as Partial<GrantData>;
  if (d.properties !== undefined && !isObject(d.properties)) throw invalid('grant properties must be a JSON object');
  const service = d.service;
  if (!isObject(service) || !isPeerId(service.peer_id) || typeof service.name !== 'string' || !SERVICE_NAME.test(service.name)) {
    throw invalid('grant.data.service needs a peer_id and a name matching ^[a-zA-Z0-9-._]{1,100}$');
  }
  const needPeer = (ref: unknown, field: string) => {
    if (!isObject(ref) || !isPeerId(ref.peer_id)) throw invalid(`grant.data.${field}.peer_id is required`);
  };
  switch (d.type) {
    case 'GRANT_TYPE_SERVICE_PUBLICATION':
    case 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION':
      needPeer(d.directory, 'directory');
      if (service.protocol !== 'PROTOCOL_TCP_HTTP_1.1' && service.protocol !== 'PROTOCOL_TCP_HTTP_2') throw invalid('grant.data.service.protocol must be PROTOCOL_TCP_HTTP_1.1 or PROTOCOL_TCP_HTTP_2');
      if (d.type === 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION') needPeer(d.delegator, 'delegator');
      return;
    case 'GRANT_TYPE_SERVICE_CONNECTION':
    case 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION':
      needPeer(d.outway, 'outway');
      if (!/^[0-9a-f]{64}$/.test(String(d.outway!.public_key_thumbprint))) throw invalid('grant.data.outway.public_key_thumbprint must be a hex SHA-256 thumbprint');
      if (service.type === 'SERVICE_TYPE_DELEGATED_SERVICE') needPeer(service.delegator, 'service.delegator');
      else if (service.type !== 'SERVICE_TYPE_SERVICE') throw invalid('grant.data.service.type must be SERVICE_TYPE_SERVICE or SERVICE_TYPE_DELEGATED_SERVICE');
      if (d.type === 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION') needPeer(d.delegator, 'delegator');
      return;
    default:
      throw invalid(`unknown grant type '${String(d.type)}'`);
  }
}

/** The peers whose signature a grant needs (Core, "Signature requirements" per grant type). */
export function grantSigners(data: GrantData): string[] {
  const ids = [data.service.peer_id];
  if (data.directory) ids.push(data.directory.peer_id);
  if (data.outway) ids.push(data.outway.peer_id);
  if (data.delegator) ids.push(data.delegator.peer_id);
  if (data.service.delegator) ids.push(data.service.delegator.peer_id);
  return ids;
}

/** Every peer on the contract, in order of first appearance. */
export function contractPeers(content: ContractContent): string[] {
  return [...new Set(content.grants.flatMap((g) => grantSigners(g.data)))];
}

export function grantHashes(content: ContractContent, hash = contentHash(content)): string[] {
  return content.grants.map((_, i) => grantHash(content, i, hash));
}

/** A new contract's content: a fresh UUIDv7 iv, created now, valid from now for `days`. */
export function newContractContent(groupId: string, grants: GrantData[], days = 365): ContractContent {
  const now = Math.floor(Date.now() / 1000);
  return { iv: uuidv7(), group_id: groupId, validity: { not_before: now, not_after: now + days * 86_400 }, grants: grants.map((data) => ({ data })), hash_algorithm: 'HASH_ALGORITHM_SHA3_512', created_at: now };
}

/** RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then random bits; sorts by time. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface SignaturePayload {
  contract_content_hash: string;
  type: SignatureType;
  signed_at: number;
}

export async function signContract(hash: string, type: SignatureType, key: KeyObject, certificateThumbprint: string, alg = 'ES256'): Promise<string> {
  const payload: SignaturePayload = { contract_content_hash: hash, type, signed_at: Math.floor(Date.now() / 1000) };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg, 'x5t#S256': certificateThumbprint }).sign(key);
}

/** Reads the header of a signature without verifying it: which certificate signed it, with which algorithm. */
export function signatureHeader(jws: string): { alg: string; thumbprint: string } {
  let header;
  try {
    if (typeof jws !== 'string' || jws.split('.').length !== 3) throw new Error('not a compact JWS');
    header = decodeProtectedHeader(jws);
  } catch {
    throw new FscError(422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED', 'the signature is not a valid JWS in compact serialization');
  }
  const alg = String(header.alg);
  if (!SIGNATURE_ALGORITHMS.includes(alg)) throw new FscError(422, 'ERROR_CODE_UNKNOWN_ALGORITHM_SIGNATURE', `signature algorithm '${alg}' is not supported`);
  const thumbprint = header['x5t#S256'];
  if (typeof thumbprint !== 'string') throw new FscError(422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED', 'the signature has no x5t#S256 header');
  return { alg, thumbprint };
}

/** Verifies a signature with the signer's public key and checks what it signs. */
export async function verifySignature(jws: string, key: KeyObject, expected: { hash: string; type: SignatureType }): Promise<SignaturePayload> {
  let payload: SignaturePayload;
  try {
    const result = await compactVerify(jws, key, { algorithms: SIGNATURE_ALGORITHMS });
    payload = JSON.parse(new TextDecoder().decode(result.payload));
  } catch {
    throw new FscError(422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED', 'the signature could not be verified with the certificate it names');
  }
  if (payload.type !== expected.type) throw new FscError(422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED', `signature type '${String(payload.type)}' is not '${expected.type}'`);
  if (payload.contract_content_hash !== expected.hash) {
    throw new FscError(422, 'ERROR_CODE_SIGNATURE_CONTRACT_CONTENT_HASH_MISMATCH', `signature contract content hash '${String(payload.contract_content_hash)}' does not match the contract content hash '${expected.hash}'`);
  }
  if (!isTimestamp(payload.signed_at)) throw new FscError(422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED', 'signed_at must be a Unix timestamp');
  return payload;
}
