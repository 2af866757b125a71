/**
 * The FSC Manager of one peer (Core, "Manager"; API `manager.yaml`, Logging `logging.yaml`):
 * receives and validates contracts and their accept/reject/revoke signatures from other peers
 * over mTLS, signs and propagates this peer's own, issues certificate-bound access tokens for
 * the services of this peer's Inway, and serves peers, services, JWKS and the transaction log.
 * With `directory: true` it is the group's Directory: it signs service publications itself.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { exportJWK, SignJWT } from 'jose';
import { FscError } from './errors.ts';
import { parseHash, UnknownHashAlgorithmError, GRANT_HASH_TYPES } from './hash.ts';
import {
  contractPeers,
  grantHashes,
  newContractContent,
  signatureHeader,
  signContract,
  validateContent,
  verifySignature,
  type ContractContent,
  type GrantData,
  type SignatureType,
} from './contract.ts';
import { certificateThumbprint, isTrusted, leafCertificate, peerIdentity, publicKeyThumbprint, splitPem, type PeerCredentials, type PeerIdentity } from './pki.ts';
import { PeerClient } from './peer-client.ts';
import type { Delivery, FscStore, LogRecord, StoredContract } from './store.ts';
import type { TransactionLog } from './txlog.ts';

export interface ManagerOptions {
  store: FscStore;
  credentials: PeerCredentials;
  groupId: string;
  /** This Manager's public address, `https://host:port` (sent as Fsc-Manager-Address); by default localhost on the port it listens on. */
  managerAddress?: string;
  /** The address of this peer's Inway, the `aud` of its access tokens. */
  inwayAddress?: string;
  /** Whether this peer's Inway offers a service (token rule 4). */
  offersService?: (name: string) => boolean;
  /** The group's Directory, where this peer announces itself and looks up peers. */
  directoryAddress?: string;
  /** Act as the group's Directory. */
  directory?: boolean;
  tokenTtlSeconds?: number;
  /** Retrying contracts and signatures another peer did not take: first delay, cap, and how often due ones are looked for (ms). */
  retry?: { firstDelayMs?: number; maxDelayMs?: number; intervalMs?: number };
  /** Unix seconds; tests move the clock. */
  now?: () => number;
  /** The peer's transaction log, settled before the log is read (a journal moves its records into the store first). */
  transactionLog?: Pick<TransactionLog, 'settle'>;
}

const SIGNATURE_TYPES: SignatureType[] = ['accept', 'reject', 'revoke'];
const CONNECTION_TYPES = new Set(['GRANT_TYPE_SERVICE_CONNECTION', 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION']);
const PUBLICATION_TYPES = new Set(['GRANT_TYPE_SERVICE_PUBLICATION', 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION']);

export type ContractState = 'valid' | 'proposed' | 'rejected' | 'revoked' | 'expired';

/** A request to another peer's Manager carrying a contract or a signature. */
type Outgoing = Pick<Delivery, 'method' | 'path' | 'body'>;

/** The wait before attempt `attempts + 1`: doubling from `first`, at most `max`. */
export function retryDelay(attempts: number, first: number, max: number): number {
  return Math.min(first * 2 ** Math.max(0, attempts - 1), max);
}

/** A contract's state from its signatures and validity (Core, "Contract states"). */
export function contractState(contract: StoredContract, now: number): ContractState {
  if (Object.keys(contract.signatures.revoke).length) return 'revoked';
  if (Object.keys(contract.signatures.reject).length) return 'rejected';
  if (contract.content.validity.not_after <= now) return 'expired';
  const accepted = contractPeers(contract.content).every((p) => contract.signatures.accept[p]);
  return accepted && contract.content.validity.not_before <= now ? 'valid' : 'proposed';
}

export class Manager {
  readonly store: FscStore;
  readonly identity: PeerIdentity;
  readonly certificate: X509Certificate;
  /** x5t#S256 of this peer's certificate: the `kid` of its JWK and the header of its JWS. */
  readonly thumbprint: string;
  readonly publicKeyThumbprint: string;
  readonly client: PeerClient;
  readonly app: FastifyInstance;
  private readonly key: KeyObject;
  private readonly alg: string;
  /** Whether a grant's contract is valid, per grant hash; cleared whenever a signature arrives. */
  private readonly grantValidity = new Map<string, { valid: boolean; until: number }>();
  private retryTimer?: NodeJS.Timeout;
  private retrying?: Promise<void>;

  constructor(readonly options: ManagerOptions) {
    this.store = options.store;
    this.certificate = leafCertificate(options.credentials.certificate);
    const identity = peerIdentity(this.certificate);
    if (!identity) throw new Error('het certificaat van deze peer heeft geen OIN (subject serialNumber) of organisatie (O)');
    this.identity = identity;
    this.thumbprint = certificateThumbprint(this.certificate.raw);
    this.publicKeyThumbprint = publicKeyThumbprint(this.certificate);
    this.key = createPrivateKey(options.credentials.privateKey);
    this.alg = this.key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
    this.client = new PeerClient(options.credentials);
    this.app = this.buildApp();
  }

  get peerId(): string {
    return this.identity.peerId;
  }

  private now(): number {
    return this.options.now?.() ?? Math.floor(Date.now() / 1000);
  }

  // ---- this peer's own actions (CLI, admin page, tests) ----

  /** Proposes a contract with these grants: stores it, signs it (accept) and offers it to the other peers on it. */
  async propose(grants: GrantData[], days = 365): Promise<{ hash: string; failures: string[] }> {
    const content = newContractContent(this.options.groupId, grants, days);
    const hash = validateContent(content, this.options.groupId, this.now());
    if (!contractPeers(content).includes(this.peerId)) throw new FscError(422, 'ERROR_CODE_PEER_NOT_PART_OF_CONTRACT', `peer '${this.peerId}' not part of the contract`);
    await this.store.insertContract(hash, content);
    const signature = await signContract(hash, 'accept', this.key, this.thumbprint, this.alg);
    await this.store.addSignature(hash, this.peerId, 'accept', signature, this.now());
    this.grantValidity.clear();
    const failures = await this.propagate(content, { method: 'POST', path: '/v1/contracts', body: JSON.stringify({ contract_content: content, signature }) });
    return { hash, failures };
  }

  /** Places this peer's accept, reject or revoke signature on a contract it knows and sends it to the others. */
  async sign(hash: string, type: SignatureType): Promise<{ failures: string[] }> {
    const contract = await this.store.contract(hash);
    if (!contract) throw new FscError(404, 'ERROR_CODE_CONTRACT_NOT_FOUND', `contract '${hash}' is not known`);
    if (!contractPeers(contract.content).includes(this.peerId)) throw new FscError(422, 'ERROR_CODE_PEER_NOT_PART_OF_CONTRACT', `peer '${this.peerId}' not part of the contract`);
    const signature = await signContract(hash, type, this.key, this.thumbprint, this.alg);
    await this.store.addSignature(hash, this.peerId, type, signature, this.now());
    this.grantValidity.clear();
    const failures = await this.propagate(contract.content, { method: 'PUT', path: `/v1/contracts/${encodeURIComponent(hash)}/${type}`, body: JSON.stringify({ contract_content: contract.content, signature }) });
    return { failures };
  }

  /**
   * Whether the contract holding this grant is valid now. The Inway asks this on every request
   * so that a revoked contract stops traffic at once, not when the last token expires; the
   * answer is cached for a few seconds and dropped whenever any signature is placed.
   */
  async grantIsValid(hash: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.grantValidity.get(hash);
    if (cached && cached.until > now) return cached.valid;
    const grant = await this.store.grant(hash);
    const contract = grant && (await this.store.contract(grant.contentHash));
    const valid = !!contract && contractState(contract, this.now()) === 'valid';
    if (this.grantValidity.size > 10_000) this.grantValidity.clear();
    this.grantValidity.set(hash, { valid, until: now + 5_000 });
    return valid;
  }

  /** The Directory's peer id: this peer when it is the Directory, else asked of the Directory's Manager (and remembered). */
  async directoryPeerId(): Promise<string> {
    if (this.options.directory) return this.peerId;
    const address = this.options.directoryAddress;
    if (!address) throw new FscError(422, 'ERROR_CODE_DIRECTORY_UNKNOWN', 'this peer has no directory address');
    const info = (await this.client.request(`${address}/v1/peer`)).json<{ peer_id: string; peer_name: string }>();
    await this.store.upsertPeer({ id: info.peer_id, name: info.peer_name, managerAddress: address });
    return info.peer_id;
  }

  /** Offers a service of this peer's Inway in the Directory: a contract with a ServicePublicationGrant. */
  async publishService(name: string, protocol = 'PROTOCOL_TCP_HTTP_1.1', directoryPeerId?: string): Promise<{ hash: string; failures: string[] }> {
    const directory = directoryPeerId ?? (await this.directoryPeerId());
    return this.propose([{ type: 'GRANT_TYPE_SERVICE_PUBLICATION', directory: { peer_id: directory }, service: { peer_id: this.peerId, name, protocol } }]);
  }

  /** Asks another peer for access to its service from this peer's Outway: a contract with a ServiceConnectionGrant. */
  async requestConnection(peerId: string, serviceName: string): Promise<{ hash: string; failures: string[] }> {
    return this.propose([{ type: 'GRANT_TYPE_SERVICE_CONNECTION', outway: { peer_id: this.peerId, public_key_thumbprint: this.publicKeyThumbprint }, service: { type: 'SERVICE_TYPE_SERVICE', peer_id: peerId, name: serviceName } }]);
  }

  /** The services published in the group's Directory (GET /services there, or here when this is the Directory). */
  async directoryServices(): Promise<{ data: { type: string; peer: { id: string; name: string }; name: string; delegator?: { peer_id: string; peer_name: string } } }[]> {
    if (this.options.directory) return (await this.services({})).services as never;
    if (!this.options.directoryAddress) return [];
    const res = await this.client.request(`${this.options.directoryAddress}/v1/services`);
    if (res.status !== 200) throw new Error(`directory: ${res.status} ${res.body.toString()}`);
    return res.json<{ services: never[] }>().services;
  }

  /** Contracts this peer is on, with their state and whether it still has to sign. */
  async overview(): Promise<{ contract: StoredContract; state: ContractState; awaitingMe: boolean; grantHashes: string[] }[]> {
    const now = this.now();
    return (await this.store.contracts({ peerId: this.peerId, limit: 500 })).map((contract) => {
      const state = contractState(contract, now);
      return { contract, state, awaitingMe: state === 'proposed' && !contract.signatures.accept[this.peerId], grantHashes: grantHashes(contract.content, contract.hash) };
    });
  }

  /** Tells the Directory (or another Manager) where this peer's Manager is. */
  async announce(address = this.options.directoryAddress): Promise<void> {
    if (!address) return;
    const res = await this.client.request(`${address}/v1/announce`, { method: 'PUT', headers: { 'fsc-manager-address': this.options.managerAddress ?? '' } });
    if (res.status !== 200) throw new Error(`announce bij ${address}: ${res.status} ${res.body.toString()}`);
    // Remember who answers there, so contracts with that peer (the Directory) reach it too.
    const info = (await this.client.request(`${address}/v1/peer`)).json<{ peer_id: string; peer_name: string }>();
    await this.store.upsertPeer({ id: info.peer_id, name: info.peer_name, managerAddress: address });
  }

  /** The Manager address of a peer: known already, or looked up in the Directory. */
  async managerAddressOf(peerId: string): Promise<string | undefined> {
    const [known] = await this.store.peers({ ids: [peerId] });
    if (known?.manager_address) return known.manager_address;
    if (!this.options.directoryAddress || this.options.directory) return undefined;
    const res = await this.client.request(`${this.options.directoryAddress}/v1/peers?peer_id=${encodeURIComponent(peerId)}`);
    if (res.status !== 200) return undefined;
    const peer = res.json<{ peers: { id: string; name: string; manager_address: string }[] }>().peers.find((p) => p.id === peerId);
    if (peer) await this.store.upsertPeer({ id: peer.id, name: peer.name, managerAddress: peer.manager_address });
    return peer?.manager_address;
  }

  /**
   * Sends a contract or signature to every other peer on the contract; returns what failed. A
   * peer that cannot be reached (or answers 5xx) gets it again later, with exponential backoff
   * (Core recommends retrying): the attempt is stored, so it survives a restart and a CLI
   * command's attempts are continued by the peer's running Manager.
   */
  private async propagate(content: ContractContent, outgoing: Outgoing): Promise<string[]> {
    const failures: string[] = [];
    await Promise.all(
      contractPeers(content)
        .filter((p) => p !== this.peerId)
        .map(async (peerId) => {
          const result = await this.send(peerId, outgoing);
          if (result.ok) return;
          if (result.retry) await this.store.addDelivery({ peerId, ...outgoing, attempts: 1, lastError: result.error, nextAttemptAt: Date.now() + this.retryDelay(1) });
          failures.push(`${peerId}: ${result.error}${result.retry ? ' (wordt opnieuw geprobeerd)' : ''}`);
        }),
    );
    return failures;
  }

  /** One attempt: delivered, refused by the peer (4xx: no use retrying), or failed (retry). */
  private async send(peerId: string, { method, path, body }: Outgoing): Promise<{ ok: true } | { ok: false; retry: boolean; error: string }> {
    try {
      const address = await this.managerAddressOf(peerId);
      if (!address) return { ok: false, retry: true, error: 'manager address unknown' };
      const res = await this.client.request(`${address}${path}`, { method, headers: this.jsonHeaders(), body });
      if (res.status === 200 || res.status === 201) return { ok: true };
      return { ok: false, retry: res.status >= 500, error: `${res.status} ${res.body.toString()}` };
    } catch (error) {
      return { ok: false, retry: true, error: (error as Error).message };
    }
  }

  private retryDelay(attempts: number): number {
    return retryDelay(attempts, this.options.retry?.firstDelayMs ?? 1_000, this.options.retry?.maxDelayMs ?? 3_600_000);
  }

  /** Sends the deliveries that are due again; each is removed once the peer takes or refuses it. */
  retryDeliveries(): Promise<void> {
    this.retrying ??= (async () => {
      try {
        for (const delivery of await this.store.deliveries(Date.now())) {
          const result = await this.send(delivery.peerId, delivery);
          if (result.ok || !result.retry) await this.store.removeDelivery(delivery.id);
          else await this.store.rescheduleDelivery(delivery.id, delivery.attempts + 1, result.error, Date.now() + this.retryDelay(delivery.attempts + 1));
        }
      } finally {
        this.retrying = undefined;
      }
    })();
    return this.retrying;
  }

  private jsonHeaders(): Record<string, string> {
    return { 'content-type': 'application/json', 'fsc-manager-address': this.options.managerAddress ?? '' };
  }

  // ---- what other peers call ----

  /** The peer on the other end of the mTLS connection; the TLS layer has checked it against the trust anchor. */
  private callingPeer(request: FastifyRequest): { identity: PeerIdentity; certificate: X509Certificate } {
    const cert = (request.raw.socket as TLSSocket).getPeerX509Certificate?.();
    const identity = cert && peerIdentity(cert);
    if (!cert || !identity) throw new FscError(400, 'ERROR_CODE_PEER_CERTIFICATE_VERIFICATION_FAILED', 'the client certificate has no peer id (subject serialNumber) or peer name (subject O)');
    return { identity, certificate: cert };
  }

  /** Finds the certificate a signature names, checks it belongs to the group and to `peerId`, and returns its key. */
  private async signerKey(thumbprint: string, peerId: string, presented: X509Certificate): Promise<KeyObject> {
    let cert: X509Certificate | undefined;
    if (certificateThumbprint(presented.raw) === thumbprint) cert = presented;
    const stored = cert ? undefined : await this.store.certificate(thumbprint);
    if (stored) cert = new X509Certificate(stored);
    if (!cert) cert = await this.fetchCertificate(peerId, thumbprint);
    if (!cert || !isTrusted(cert, this.options.credentials.trustAnchors, new Date(this.now() * 1000))) {
      throw new FscError(422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED', `unable to retrieve a trusted certificate with thumbprint '${thumbprint}' of peer '${peerId}'`);
    }
    const signer = peerIdentity(cert)?.peerId;
    if (signer !== peerId) throw new FscError(422, 'ERROR_CODE_PEER_ID_SIGNATURE_MISMATCH', `peer id '${peerId}' does not match signature peer id '${signer}'`);
    await this.store.saveCertificate(thumbprint, peerId, cert.toString());
    return cert.publicKey;
  }

  /** Gets a peer's signing certificate from its Manager's JWKS (`x5c`). */
  private async fetchCertificate(peerId: string, thumbprint: string): Promise<X509Certificate | undefined> {
    const address = await this.managerAddressOf(peerId);
    if (!address) return undefined;
    try {
      const res = await this.client.request(`${address}/v1/.well-known/jwks.json`);
      const key = res.json<{ keys: { kid?: string; x5c?: string[] }[] }>().keys.find((k) => k.x5c?.length && certificateThumbprint(Buffer.from(k.x5c[0], 'base64')) === thumbprint);
      return key ? new X509Certificate(Buffer.from(key.x5c![0], 'base64')) : undefined;
    } catch {
      return undefined;
    }
  }

  /** POST /contracts and PUT /contracts/{hash}/{type}: a contract with one signature of the calling peer. */
  private async receive(request: FastifyRequest, type: SignatureType, pathHash?: string): Promise<void> {
    const caller = this.callingPeer(request);
    const body = request.body as { contract_content?: unknown; signature?: unknown } | undefined;
    if (!body || typeof body !== 'object' || body.contract_content === undefined || typeof body.signature !== 'string') {
      throw new FscError(400, 'ERROR_CODE_CONTRACT_INVALID', 'contract_content and signature are required');
    }
    const hash = validateContent(body.contract_content, this.options.groupId, this.now());
    const content = body.contract_content as ContractContent;
    if (pathHash !== undefined && pathHash !== hash) throw new FscError(422, 'ERROR_CODE_URL_PATH_CONTENT_HASH_MISMATCH', `the hash in the path '${pathHash}' does not match the contract content hash '${hash}'`);
    const peers = contractPeers(content);
    if (!peers.includes(caller.identity.peerId)) throw new FscError(422, 'ERROR_CODE_PEER_NOT_PART_OF_CONTRACT', `peer '${caller.identity.peerId}' not part of the contract`);
    if (!peers.includes(this.peerId)) throw new FscError(422, 'ERROR_CODE_PEER_NOT_PART_OF_CONTRACT', `receiving peer '${this.peerId}' not part of the contract`);
    const header = signatureHeader(body.signature);
    const key = await this.signerKey(header.thumbprint, caller.identity.peerId, caller.certificate);
    const payload = await verifySignature(body.signature, key, { hash, type });

    const known = await this.store.contract(hash);
    if (!known) {
      if (await this.store.ivExists(content.iv)) throw new FscError(422, 'ERROR_CODE_CONTRACT_INVALID', `a different contract with iv '${content.iv}' exists`);
      await this.store.insertContract(hash, content);
    }
    await this.store.addSignature(hash, caller.identity.peerId, type, body.signature, payload.signed_at);
    this.grantValidity.clear();
    const address = request.headers['fsc-manager-address'];
    await this.store.upsertPeer({ id: caller.identity.peerId, name: caller.identity.peerName, managerAddress: typeof address === 'string' && address.startsWith('https://') ? address : undefined });

    // The Directory signs service publications addressed to it (Core, "Directory").
    if (this.options.directory && type === 'accept' && content.grants.every((g) => PUBLICATION_TYPES.has(g.data.type) && g.data.directory?.peer_id === this.peerId)) {
      const contract = await this.store.contract(hash);
      if (contract && !contract.signatures.accept[this.peerId] && !Object.keys(contract.signatures.reject).length) await this.sign(hash, 'accept');
    }
  }

  private async token(request: FastifyRequest, reply: FastifyReply) {
    const fail = (status: number, error: string, description: string) => reply.code(status).send({ error, error_description: description });
    const form = (request.body ?? {}) as Record<string, string>;
    if (form.grant_type !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    if (!form.scope) return fail(400, 'invalid_request', 'scope is required');
    if (!form.client_id) return fail(400, 'invalid_request', 'client_id is required');
    const caller = this.callingPeer(request);
    if (form.client_id !== caller.identity.peerId) return fail(400, 'invalid_client', `client_id '${form.client_id}' does not match the peer id of the client certificate`);
    let parsed;
    try {
      parsed = parseHash(form.scope);
    } catch (error) {
      if (error instanceof UnknownHashAlgorithmError) return fail(400, 'invalid_scope', error.message);
      throw error;
    }
    if (!parsed || (parsed.hashType !== GRANT_HASH_TYPES.GRANT_TYPE_SERVICE_CONNECTION && parsed.hashType !== GRANT_HASH_TYPES.GRANT_TYPE_DELEGATED_SERVICE_CONNECTION)) {
      return fail(400, 'invalid_scope', 'scope must be the hash of a (delegated) service connection grant');
    }
    const grant = await this.store.grant(form.scope);
    const contract = grant && (await this.store.contract(grant.contentHash));
    if (!grant || !contract || !CONNECTION_TYPES.has(grant.data.type)) return fail(400, 'invalid_grant', 'no contract with this grant hash');
    const state = contractState(contract, this.now());
    if (state !== 'valid') return fail(400, 'invalid_grant', `the contract containing the provided grant hash is ${state}`);
    const data = grant.data;
    if (data.service.peer_id !== this.peerId) return fail(400, 'invalid_grant', `the service is not offered by peer '${this.peerId}'`);
    if (!this.options.inwayAddress || !(this.options.offersService?.(data.service.name) ?? false)) return fail(400, 'invalid_grant', `service '${data.service.name}' is not offered by an inway of this peer`);
    if (data.outway?.peer_id !== caller.identity.peerId) return fail(400, 'invalid_client', 'the grant is for another outway peer');
    if (data.outway.public_key_thumbprint !== publicKeyThumbprint(caller.certificate)) return fail(400, 'invalid_client', 'the client certificate does not hold the public key of the grant');

    const now = this.now();
    const claims: Record<string, unknown> = {
      gth: grant.hash,
      gid: this.options.groupId,
      svc: data.service.name,
      cnf: { 'x5t#S256': certificateThumbprint(caller.certificate.raw) },
      add: {},
    };
    if (data.delegator) claims.act = { sub: data.delegator.peer_id };
    if (data.service.delegator) claims.pdi = data.service.delegator.peer_id;
    if (data.properties) claims.prp = data.properties;
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: this.alg, typ: 'JWT', 'x5t#S256': this.thumbprint })
      .setSubject(caller.identity.peerId)
      .setIssuer(this.peerId)
      .setAudience(this.options.inwayAddress)
      .setNotBefore(now)
      .setExpirationTime(now + (this.options.tokenTtlSeconds ?? 300))
      .sign(this.key);
    return reply.header('cache-control', 'no-store').send({ access_token: accessToken, token_type: 'bearer' });
  }

  private async services(query: Record<string, string | undefined>) {
    const now = this.now();
    const contracts = (await this.store.contracts({ limit: 10_000 })).filter((c) => contractState(c, now) === 'valid');
    const names = new Map((await this.store.peers({ limit: 10_000 })).map((p) => [p.id, p]));
    names.set(this.peerId, { id: this.peerId, name: this.identity.peerName, manager_address: this.options.managerAddress ?? null });
    const listing = [];
    for (const c of contracts) {
      for (const { data } of c.content.grants) {
        if (!PUBLICATION_TYPES.has(data.type)) continue;
        // With both filters a service matching either is listed (manager.yaml, getServices).
        const filters = [query.peer_id && data.service.peer_id === query.peer_id, query.service_name && data.service.name.toLowerCase().includes(query.service_name.toLowerCase())];
        if ((query.peer_id || query.service_name) && !filters.some(Boolean)) continue;
        const provider = names.get(data.service.peer_id);
        const peer = { id: data.service.peer_id, name: provider?.name ?? data.service.peer_id, manager_address: provider?.manager_address ?? '' };
        const item: Record<string, unknown> = { type: 'SERVICE_TYPE_SERVICE', peer, name: data.service.name, protocol: data.service.protocol };
        if (data.delegator) {
          item.type = 'SERVICE_TYPE_DELEGATED_SERVICE';
          item.delegator = { peer_id: data.delegator.peer_id, peer_name: names.get(data.delegator.peer_id)?.name ?? data.delegator.peer_id };
        }
        if (data.properties) item.properties = data.properties;
        listing.push({ data: item });
      }
    }
    return { services: listing, pagination: { next_cursor: '' } };
  }

  private buildApp(): FastifyInstance {
    const app = Fastify({
      https: { cert: this.options.credentials.certificate, key: this.options.credentials.privateKey, ca: this.options.credentials.trustAnchors, requestCert: true, rejectUnauthorized: true },
      logger: false,
    });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof FscError) return reply.code(error.status).header('fsc-error-code', error.code).send(error.body);
      const status = (error as { statusCode?: number }).statusCode;
      if (status && status < 500) return reply.code(status).header('fsc-error-code', 'ERROR_CODE_CONTRACT_INVALID').send({ message: (error as Error).message, domain: 'ERROR_DOMAIN_MANAGER', code: 'ERROR_CODE_CONTRACT_INVALID' });
      return reply.code(500).send({ message: 'internal error', domain: 'ERROR_DOMAIN_MANAGER', code: 'ERROR_CODE_INTERNAL' });
    });

    app.put('/v1/announce', async (request, reply) => {
      const caller = this.callingPeer(request);
      const address = request.headers['fsc-manager-address'];
      if (typeof address !== 'string' || !/^https:\/\/[^/]+:\d+$/.test(address)) throw new FscError(400, 'ERROR_CODE_MANAGER_ADDRESS_INVALID', 'Fsc-Manager-Address must be an https URL with a port');
      await this.store.upsertPeer({ id: caller.identity.peerId, name: caller.identity.peerName, managerAddress: address });
      return reply.code(200).send();
    });
    app.post('/v1/contracts', async (request, reply) => {
      await this.receive(request, 'accept');
      return reply.code(201).send();
    });
    for (const type of SIGNATURE_TYPES) {
      app.put<{ Params: { hash: string } }>(`/v1/contracts/:hash/${type}`, async (request, reply) => {
        await this.receive(request, type, request.params.hash);
        return reply.code(201).send();
      });
    }
    app.get('/v1/contracts', async (request) => {
      const caller = this.callingPeer(request);
      const q = request.query as Record<string, string | undefined>;
      const ascending = q.sort_order === 'SORT_ORDER_ASCENDING';
      if (q.grant_hash) {
        const contracts = await this.store.contracts({ peerId: caller.identity.peerId, grantHashes: q.grant_hash.split(','), ascending });
        return { contracts: contracts.map((c) => ({ content: c.content, signatures: c.signatures })), pagination: { next_cursor: '' } };
      }
      const limit = Math.min(Math.max(Number(q.limit ?? 25) || 25, 1), 1000);
      const after = q.cursor ? (JSON.parse(Buffer.from(q.cursor, 'base64url').toString()) as { createdAt: number; hash: string }) : undefined;
      const contracts = await this.store.contracts({ peerId: caller.identity.peerId, grantType: q.grant_type, limit, ascending, after });
      const last = contracts.at(-1);
      return {
        contracts: contracts.map((c) => ({ content: c.content, signatures: c.signatures })),
        pagination: { next_cursor: contracts.length === limit && last ? Buffer.from(JSON.stringify({ createdAt: last.content.created_at, hash: last.hash })).toString('base64url') : '' },
      };
    });
    app.post('/v1/token', (request, reply) => this.token(request, reply));
    app.get('/v1/peer', async () => ({
      peer_id: this.peerId,
      peer_name: this.identity.peerName,
      fsc_version: '1.0.0',
      enabled_extensions: { EXTENSION_DELEGATION: '1.0.0', EXTENSION_TRANSACTION_LOGGING: '1.0.0' },
    }));
    app.get('/v1/peers', async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const limit = Math.min(Math.max(Number(q.limit ?? 25) || 25, 1), 1000);
      const ascending = q.sort_order === 'SORT_ORDER_ASCENDING';
      const peers = await this.store.peers({ ids: q.peer_id?.split(','), name: q.peer_name, limit, ascending, after: q.cursor });
      return {
        peers: peers.map((p) => ({ id: p.id, name: p.name, manager_address: p.manager_address ?? '' })),
        pagination: { next_cursor: !q.peer_id && peers.length === limit ? peers.at(-1)!.id : '' },
      };
    });
    app.get('/v1/services', async (request) => this.services(request.query as Record<string, string | undefined>));
    app.get('/v1/.well-known/jwks.json', async () => this.jwks());
    app.get('/v1/logs', async (request) => {
      const caller = this.callingPeer(request);
      return this.logs(request.query as Record<string, string | undefined>, caller.identity.peerId);
    });
    return app;
  }

  /** The keys this peer signs contracts and access tokens with, with their certificate chain (without the trust anchor). */
  async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
    const chain = splitPem(this.options.credentials.certificate).map((pem) => new X509Certificate(pem).raw.toString('base64'));
    return { keys: [{ ...(await exportJWK(this.certificate.publicKey)), kid: this.thumbprint, use: 'sig', alg: this.alg, x5c: chain, 'x5t#S256': this.thumbprint }] };
  }

  /** GET /logs (FSC Logging), for `peerId` or (admin) for everything. */
  async logs(q: Record<string, string | undefined>, peerId?: string): Promise<{ records: LogRecord[]; pagination: { next_cursor: string } }> {
    const limit = Math.min(Math.max(Number(q.limit ?? 25) || 25, 1), 1000);
    const ascending = q.sort_order === 'SORT_ORDER_ASCENDING';
    await this.options.transactionLog?.settle?.();
    const rows = await this.store.logs({
      peerId,
      transactionIds: q.transaction_ids?.split(','),
      grantHashes: q.grant_hash?.split(','),
      serviceNames: q.service_name?.split(','),
      after: q.after !== undefined ? Number(q.after) : undefined,
      before: q.before !== undefined ? Number(q.before) : undefined,
      limit,
      ascending,
      cursor: q.cursor ? Number(q.cursor) : undefined,
    });
    return { records: rows.map((r) => r.record), pagination: { next_cursor: !q.transaction_ids && rows.length === limit ? String(rows.at(-1)!.id) : '' } };
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await this.app.listen({ port, host });
    const actual = (this.app.server.address() as { port: number }).port;
    this.options.managerAddress ||= `https://localhost:${actual}`;
    // A listening Manager also sends what other peers did not take yet.
    this.retryTimer = setInterval(() => void this.retryDeliveries().catch(() => {}), this.options.retry?.intervalMs ?? 1_000);
    this.retryTimer.unref();
    return actual;
  }

  async close(): Promise<void> {
    clearInterval(this.retryTimer);
    await this.retrying?.catch(() => {});
    await this.app.close();
    this.client.close();
  }
}

