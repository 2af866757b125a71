/**
 * Contract content hashes and Grant hashes, exactly as FSC Core (develop, "update hashing
 * algorithm") defines them and OpenFSC computes them:
 *
 *   content hash = "$" + alg + "$1$" + base64url(SHA3-512(JCS(contract.content)))
 *   grant hash   = "$" + alg + "$" + hashType + "$" + base64url(SHA3-512(contentHash + JCS(grant.data)))
 *
 * JCS is the JSON Canonicalization Scheme (RFC 8785). Everything that hashes a contract goes
 * through this module, so a peer and its partners always agree on the bytes.
 */
import { createHash } from 'node:crypto';

/** `.components.schemas.hashAlgorithm` and its int32 in hash strings. */
export const HASH_ALGORITHMS = { HASH_ALGORITHM_SHA3_512: 1 } as const;
export type HashAlgorithm = keyof typeof HASH_ALGORITHMS;

export type GrantType =
  | 'GRANT_TYPE_SERVICE_PUBLICATION'
  | 'GRANT_TYPE_SERVICE_CONNECTION'
  | 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION'
  | 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION';

/** The HashType enum (type mapping "Hash types"): 1 is the contract, 2..5 one per grant type. */
export const HASH_TYPE_CONTRACT = 1;
export const GRANT_HASH_TYPES: Record<GrantType, number> = {
  GRANT_TYPE_SERVICE_PUBLICATION: 2,
  GRANT_TYPE_SERVICE_CONNECTION: 3,
  GRANT_TYPE_DELEGATED_SERVICE_CONNECTION: 4,
  GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION: 5,
};

const NODE_DIGEST: Record<HashAlgorithm, string> = { HASH_ALGORITHM_SHA3_512: 'sha3-512' };

/**
 * RFC 8785 canonical JSON. ECMAScript's own number and string serialisation is what JCS
 * prescribes; keys are sorted by UTF-16 code units, which is JavaScript's default sort.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS: numbers must be finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`JCS: cannot serialise a ${typeof value}`);
  }
}

function digest(algorithm: HashAlgorithm, data: string): string {
  const name = NODE_DIGEST[algorithm];
  if (!name) throw new UnknownHashAlgorithmError(String(algorithm));
  return createHash(name).update(data, 'utf8').digest('base64url');
}

export class UnknownHashAlgorithmError extends Error {
  constructor(algorithm: string) {
    super(`hash algorithm '${algorithm}' is not supported`);
  }
}

export interface HashableContent {
  hash_algorithm: string;
  grants: { data: { type: string } & Record<string, unknown> }[];
  [key: string]: unknown;
}

export function contentHash(content: HashableContent): string {
  const algorithm = content.hash_algorithm as HashAlgorithm;
  const id = HASH_ALGORITHMS[algorithm];
  if (!id) throw new UnknownHashAlgorithmError(content.hash_algorithm);
  return `$${id}$${HASH_TYPE_CONTRACT}$${digest(algorithm, canonicalize(content))}`;
}

/** The hash of `content.grants[index]`; the content hash ties it to this one contract (its iv). */
export function grantHash(content: HashableContent, index: number, contentHashValue = contentHash(content)): string {
  const algorithm = content.hash_algorithm as HashAlgorithm;
  const data = content.grants[index].data;
  const type = GRANT_HASH_TYPES[data.type as GrantType];
  if (!type) throw new TypeError(`unknown grant type '${data.type}'`);
  return `$${HASH_ALGORITHMS[algorithm]}$${type}$${digest(algorithm, contentHashValue + canonicalize(data))}`;
}

export interface ParsedHash {
  algorithm: HashAlgorithm;
  hashType: number;
  value: string;
}

/**
 * Reads `$alg$type$base64url`; undefined when the form is wrong. An unknown algorithm throws
 * UnknownHashAlgorithmError, which the Manager reports as ERROR_CODE_UNKNOWN_HASH_ALGORITHM_HASH.
 */
export function parseHash(hash: string): ParsedHash | undefined {
  const match = /^\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return undefined;
  const algorithm = (Object.keys(HASH_ALGORITHMS) as HashAlgorithm[]).find((a) => HASH_ALGORITHMS[a] === Number(match[1]));
  if (!algorithm) throw new UnknownHashAlgorithmError(match[1]);
  const hashType = Number(match[2]);
  if (hashType < 1 || hashType > 5) return undefined;
  return { algorithm, hashType, value: match[3] };
}
