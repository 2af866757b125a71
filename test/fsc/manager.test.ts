/**
 * The Manager scenarios of the FSC test suite (standards/fsc/test-suite/manager.md), each
 * named by its id, over real mTLS between peers of one test group.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { CompactSign, decodeJwt, decodeProtectedHeader } from 'jose';
import { createGroup, GROUP_ID, type TestGroup, type TestPeer } from './group.ts';
import { newContractContent, signContract, type ContractContent, type GrantData, type SignatureType } from '../../src/fsc/contract.ts';
import { contentHash, grantHash } from '../../src/fsc/hash.ts';
import { certificateThumbprint, leafCertificate } from '../../src/fsc/pki.ts';

let group: TestGroup;
let DIR: TestPeer, A: TestPeer, B: TestPeer, C: TestPeer, D: TestPeer;

before(async () => {
  group = await createGroup(
    [
      { id: '00000001000000000009', name: 'Directory' },
      { id: '00000001000000000001', name: 'Gemeente Oefenstad', manager: { inwayAddress: 'https://localhost:4443', offersService: (n) => n === 'zaken' || n === 'documenten' } },
      { id: '00000001000000000002', name: 'Uitvaart Rust', algorithm: 'RSA' },
      { id: '00000001000000000003', name: 'Derde partij' },
      { id: '00000001000000000004', name: 'Samenwerkingsverband' },
    ],
    { directory: '00000001000000000009' },
  );
  [DIR, A, B, C, D] = group.peers;
  for (const p of [A, B, C, D]) await p.manager.announce();
});
after(() => group.close());

const connection = (outway: TestPeer, service: TestPeer, extra: Partial<GrantData> = {}): GrantData => ({
  type: 'GRANT_TYPE_SERVICE_CONNECTION',
  outway: { peer_id: outway.id, public_key_thumbprint: outway.manager.publicKeyThumbprint },
  service: { type: 'SERVICE_TYPE_SERVICE', peer_id: service.id, name: 'zaken' },
  ...extra,
});
const publication = (service: TestPeer, extra: Partial<GrantData> = {}): GrantData => ({
  type: 'GRANT_TYPE_SERVICE_PUBLICATION',
  directory: { peer_id: DIR.id },
  service: { peer_id: service.id, name: 'zaken', protocol: 'PROTOCOL_TCP_HTTP_1.1' },
  ...extra,
});
const delegatedService = (service: TestPeer, delegator: TestPeer) => ({ type: 'SERVICE_TYPE_DELEGATED_SERVICE' as const, peer_id: service.id, name: 'zaken', delegator: { peer_id: delegator.id } });

async function signAs(peer: TestPeer, hash: string, type: SignatureType): Promise<string> {
  const key = createPrivateKey(peer.credentials.privateKey);
  return signContract(hash, type, key, peer.manager.thumbprint, key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256');
}

async function submit(from: TestPeer, to: TestPeer, content: ContractContent, signature?: string) {
  signature ??= await signAs(from, contentHash(content), 'accept');
  return from.client.request(`${to.address}/v1/contracts`, { method: 'POST', headers: { 'content-type': 'application/json', 'fsc-manager-address': from.address }, body: JSON.stringify({ contract_content: content, signature }) });
}

async function place(from: TestPeer, to: TestPeer, path: string, content: ContractContent, signature: string) {
  const [hash, type] = path.split('/');
  return from.client.request(`${to.address}/v1/contracts/${encodeURIComponent(hash)}/${type}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'fsc-manager-address': from.address }, body: JSON.stringify({ contract_content: content, signature }) });
}

function assertFscError(res: { status: number; headers: Record<string, unknown>; json<T>(): T }, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.json()));
  assert.equal(res.headers['fsc-error-code'], code);
  assert.deepEqual({ ...res.json<Record<string, string>>(), message: undefined }, { message: undefined, domain: 'ERROR_DOMAIN_MANAGER', code });
}

async function token(from: TestPeer, to: TestPeer, form: Record<string, string>) {
  return from.client.request(`${to.address}/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
}

/** A contract proposed by `proposer` and accepted by every other peer on it. */
async function validContract(proposer: TestPeer, grants: GrantData[], others: TestPeer[]): Promise<{ hash: string; content: ContractContent }> {
  const { hash, failures } = await proposer.manager.propose(grants);
  assert.deepEqual(failures, []);
  for (const p of others) assert.deepEqual((await p.manager.sign(hash, 'accept')).failures, []);
  return { hash, content: (await proposer.store.contract(hash))!.content };
}

test('Manager-SubmitContract-1 / -11: a ServiceConnectionGrant submitted with an RSA (RS256) signature is accepted', async () => {
  const content = newContractContent(GROUP_ID, [connection(B, A)]);
  const res = await submit(B, A, content);
  assert.equal(res.status, 201, res.body.toString());
  const stored = await A.store.contract(contentHash(content));
  assert.equal(decodeProtectedHeader(stored!.signatures.accept[B.id]).alg, 'RS256');
});

test('Manager-SubmitContract-12: a contract signed with ECDSA (ES256) is accepted', async () => {
  const content = newContractContent(GROUP_ID, [connection(B, A)]);
  const res = await submit(A, B, content);
  assert.equal(res.status, 201, res.body.toString());
  assert.equal(decodeProtectedHeader((await B.store.contract(contentHash(content)))!.signatures.accept[A.id]).alg, 'ES256');
});

test('Manager-SubmitContract-2, Manager-Services-1 / -3: a ServicePublicationGrant (with properties) is accepted, signed by the Directory and listed', async () => {
  const content = newContractContent(GROUP_ID, [publication(A, { properties: { omschrijving: 'Zaken API' } })]);
  const res = await submit(A, DIR, content);
  assert.equal(res.status, 201, res.body.toString());
  const stored = await DIR.store.contract(contentHash(content));
  assert.ok(stored!.signatures.accept[DIR.id], 'the directory signed the publication');
  assert.ok((await A.store.contract(contentHash(content)))!.signatures.accept[DIR.id], 'and sent its signature to the publishing peer');
  const services = (await C.client.request(`${DIR.address}/v1/services`)).json<{ services: { data: Record<string, unknown> }[] }>().services;
  const listed = services.find((s) => s.data.name === 'zaken' && (s.data.peer as { id: string }).id === A.id);
  assert.deepEqual(listed?.data, { type: 'SERVICE_TYPE_SERVICE', peer: { id: A.id, name: A.name, manager_address: A.address }, name: 'zaken', protocol: 'PROTOCOL_TCP_HTTP_1.1', properties: { omschrijving: 'Zaken API' } });
  // Filters: peer_id or service_name (either matches).
  assert.equal((await C.client.request(`${DIR.address}/v1/services?peer_id=${C.id}`)).json<{ services: unknown[] }>().services.length, 0);
  assert.ok((await C.client.request(`${DIR.address}/v1/services?service_name=ZAK`)).json<{ services: unknown[] }>().services.length >= 1);
});

test('Manager-SubmitContract-3, Manager-Services-2 / -4: a DelegatedServicePublicationGrant is accepted and, once signed by all, listed with its delegator', async () => {
  const { hash, failures } = await D.manager.propose([{ type: 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION', directory: { peer_id: DIR.id }, service: { peer_id: A.id, name: 'documenten', protocol: 'PROTOCOL_TCP_HTTP_2' }, delegator: { peer_id: D.id }, properties: { regio: 'west' } }]);
  assert.deepEqual(failures, []);
  assert.ok(await DIR.store.contract(hash));
  assert.deepEqual((await A.manager.sign(hash, 'accept')).failures, []);
  const services = (await C.client.request(`${DIR.address}/v1/services`)).json<{ services: { data: Record<string, unknown> }[] }>().services;
  const listed = services.find((s) => s.data.name === 'documenten');
  assert.deepEqual(listed?.data, { type: 'SERVICE_TYPE_DELEGATED_SERVICE', delegator: { peer_id: D.id, peer_name: D.name }, peer: { id: A.id, name: A.name, manager_address: A.address }, name: 'documenten', protocol: 'PROTOCOL_TCP_HTTP_2', properties: { regio: 'west' } });
});

test('Manager-SubmitContract-4: a DelegatedServiceConnectionGrant is accepted', async () => {
  const res = await submit(B, A, newContractContent(GROUP_ID, [{ ...connection(B, A), type: 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION', delegator: { peer_id: D.id } }]));
  assert.equal(res.status, 201, res.body.toString());
});

test('Manager-SubmitContract-5: a ServiceConnectionGrant for a delegated service is accepted', async () => {
  const res = await submit(B, A, newContractContent(GROUP_ID, [connection(B, A, { service: delegatedService(A, D) })]));
  assert.equal(res.status, 201, res.body.toString());
});

test('Manager-SubmitContract-6: a DelegatedServiceConnectionGrant for a delegated service is accepted', async () => {
  const res = await submit(B, A, newContractContent(GROUP_ID, [{ ...connection(B, A, { service: delegatedService(A, D) }), type: 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION', delegator: { peer_id: C.id } }]));
  assert.equal(res.status, 201, res.body.toString());
});

test('Manager-SubmitContract-7: a contract submitted by a peer not on it is rejected', async () => {
  assertFscError(await submit(C, A, newContractContent(GROUP_ID, [connection(B, A)])), 422, 'ERROR_CODE_PEER_NOT_PART_OF_CONTRACT');
});

test('Manager-SubmitContract-8: a ServicePublicationGrant combined with another grant is rejected', async () => {
  assertFscError(await submit(A, DIR, newContractContent(GROUP_ID, [publication(A), connection(B, A)])), 422, 'ERROR_CODE_GRANT_COMBINATION_NOT_ALLOWED');
});

test('Manager-SubmitContract-9: a contract for another group is rejected', async () => {
  assertFscError(await submit(B, A, newContractContent('een-andere-groep', [connection(B, A)])), 422, 'ERROR_CODE_INCORRECT_GROUP_ID');
});

test('Manager-SubmitContract-10: a contract with an unsupported hash algorithm is rejected', async () => {
  const content = { ...newContractContent(GROUP_ID, [connection(B, A)]), hash_algorithm: 'HASH_ALGORITHM_SHA_256' };
  assertFscError(await submit(B, A, content, await signAs(B, '$2$1$abc', 'accept')), 422, 'ERROR_CODE_UNKNOWN_HASH_ALGORITHM_HASH');
});

test('Manager-AcceptContract-1 / -8: the other peer places an RSA accept signature; the contract holds it and becomes valid', async () => {
  const { hash } = await A.manager.propose([connection(B, A)]);
  assert.deepEqual((await B.manager.sign(hash, 'accept')).failures, []);
  const stored = await A.store.contract(hash);
  assert.equal(decodeProtectedHeader(stored!.signatures.accept[B.id]).alg, 'RS256');
  assert.equal((await A.manager.overview()).find((o) => o.contract.hash === hash)?.state, 'valid');
});

test('Manager-AcceptContract-9: an ECDSA accept signature is added', async () => {
  const { hash } = await B.manager.propose([connection(B, A)]);
  const content = (await B.store.contract(hash))!.content;
  const res = await place(A, B, `${hash}/accept`, content, await signAs(A, hash, 'accept'));
  assert.equal(res.status, 201);
  assert.equal(decodeProtectedHeader((await B.store.contract(hash))!.signatures.accept[A.id]).alg, 'ES256');
});

for (const [type, name] of [['accept', 'AcceptContract'], ['reject', 'RejectContract'], ['revoke', 'RevokeContract']] as const) {
  test(`Manager-${name}-1: a ${type} signature of a peer on the contract is added`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], type === 'accept' ? [] : [B]);
    const res = await place(B, A, `${hash}/${type}`, content, await signAs(B, hash, type));
    assert.equal(res.status, 201, res.body.toString());
    assert.ok((await A.store.contract(hash))!.signatures[type][B.id]);
  });
  test(`Manager-${name}-2: a ${type} signature of a peer not on the contract is rejected`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], []);
    assertFscError(await place(C, A, `${hash}/${type}`, content, await signAs(C, hash, type)), 422, 'ERROR_CODE_PEER_NOT_PART_OF_CONTRACT');
  });
  test(`Manager-${name}-3: a ${type} signature that is not a JWS is rejected`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], []);
    assertFscError(await place(B, A, `${hash}/${type}`, content, 'dit-is-geen-jws'), 422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED');
  });
  test(`Manager-${name}-4: a ${type} signature over another contract's content hash is rejected`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], []);
    const other = contentHash(newContractContent(GROUP_ID, [connection(B, A)]));
    assertFscError(await place(B, A, `${hash}/${type}`, content, await signAs(B, other, type)), 422, 'ERROR_CODE_SIGNATURE_CONTRACT_CONTENT_HASH_MISMATCH');
  });
  test(`Manager-${name}-5: a signature of another type than ${type} is rejected`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], []);
    const wrong = type === 'accept' ? 'reject' : 'accept';
    assertFscError(await place(B, A, `${hash}/${type}`, content, await signAs(B, hash, wrong)), 422, 'ERROR_CODE_SIGNATURE_VERIFICATION_FAILED');
    assert.equal((await A.store.contract(hash))!.signatures[type][B.id], undefined);
  });
  test(`Manager-${name}-6: a path hash that does not match the content is rejected`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], []);
    const other = contentHash(newContractContent(GROUP_ID, [connection(B, A)]));
    assertFscError(await place(B, A, `${other}/${type}`, content, await signAs(B, hash, type)), 422, 'ERROR_CODE_URL_PATH_CONTENT_HASH_MISMATCH');
  });
  test(`Manager-${name}-7: a ${type} signature with an unsupported algorithm (HS256) is rejected with 422 and not added`, async () => {
    const { hash, content } = await validContract(A, [connection(B, A)], []);
    const payload = new TextEncoder().encode(JSON.stringify({ contract_content_hash: hash, type, signed_at: Math.floor(Date.now() / 1000) }));
    const jws = await new CompactSign(payload).setProtectedHeader({ alg: 'HS256', 'x5t#S256': B.manager.thumbprint }).sign(new TextEncoder().encode('gedeeld-geheim-van-32-tekens-lang!'));
    assertFscError(await place(B, A, `${hash}/${type}`, content, jws), 422, 'ERROR_CODE_UNKNOWN_ALGORITHM_SIGNATURE');
    assert.equal((await A.store.contract(hash))!.signatures[type][B.id], undefined);
  });
}

test('a signature made with a certificate of another peer is rejected (peer id mismatch)', async () => {
  const { hash, content } = await validContract(A, [connection(B, A)], []);
  // C's certificate thumbprint in a signature B sends: the signing certificate is not B's.
  const jws = await signContract(hash, 'accept', createPrivateKey(C.credentials.privateKey), C.manager.thumbprint);
  // A knows C's certificate from an earlier contract C signed.
  assert.equal((await submit(C, A, newContractContent(GROUP_ID, [connection(C, A)]))).status, 201);
  assertFscError(await place(B, A, `${hash}/accept`, content, jws), 422, 'ERROR_CODE_PEER_ID_SIGNATURE_MISMATCH');
});

test('Manager-Contracts-1 / -2: a peer sees the contracts it is on, and no others', async () => {
  const { hash } = await A.manager.propose([connection(B, A)]);
  const forB = (await B.client.request(`${A.address}/v1/contracts?limit=1000`)).json<{ contracts: { content: ContractContent }[] }>();
  assert.ok(forB.contracts.some((c) => contentHash(c.content) === hash));
  const forC = (await C.client.request(`${A.address}/v1/contracts?limit=1000`)).json<{ contracts: { content: ContractContent }[] }>();
  assert.ok(!forC.contracts.some((c) => contentHash(c.content) === hash));
  const byGrant = (await B.client.request(`${A.address}/v1/contracts?grant_hash=${encodeURIComponent(grantHash((await A.store.contract(hash))!.content, 0))}`)).json<{ contracts: unknown[] }>();
  assert.equal(byGrant.contracts.length, 1);
  // Pagination: one per page, the cursor leads to the next.
  const page1 = (await B.client.request(`${A.address}/v1/contracts?limit=1`)).json<{ contracts: { content: ContractContent }[]; pagination: { next_cursor: string } }>();
  const page2 = (await B.client.request(`${A.address}/v1/contracts?limit=1&cursor=${page1.pagination.next_cursor}`)).json<{ contracts: { content: ContractContent }[] }>();
  assert.notEqual(contentHash(page1.contracts[0].content), contentHash(page2.contracts[0].content));
});

test('Manager-GetToken-1: a valid contract gives an access token bound to the client certificate', async () => {
  const { content } = await validContract(B, [connection(B, A)], [A]);
  const gth = grantHash(content, 0);
  const res = await token(B, A, { grant_type: 'client_credentials', scope: gth, client_id: B.id });
  assert.equal(res.status, 200, res.body.toString());
  const body = res.json<{ access_token: string; token_type: string }>();
  assert.equal(body.token_type, 'bearer');
  const claims = decodeJwt(body.access_token);
  assert.equal(decodeProtectedHeader(body.access_token)['x5t#S256'], A.manager.thumbprint);
  assert.deepEqual({ ...claims, exp: undefined, nbf: undefined }, {
    gth, gid: GROUP_ID, sub: B.id, iss: A.id, svc: 'zaken', aud: 'https://localhost:4443', exp: undefined, nbf: undefined,
    cnf: { 'x5t#S256': certificateThumbprint(leafCertificate(B.credentials.certificate).raw) }, add: {},
  });
});

test('Manager-GetToken-2: without a valid contract (only proposed) no token', async () => {
  const { hash } = await B.manager.propose([connection(B, A)]);
  const res = await token(B, A, { grant_type: 'client_credentials', scope: grantHash((await B.store.contract(hash))!.content, 0), client_id: B.id });
  assert.equal(res.status, 400);
  assert.equal(res.json<{ error: string }>().error, 'invalid_grant');
});

test('Manager-GetToken-3: once revoked, no token', async () => {
  const { hash, content } = await validContract(B, [connection(B, A)], [A]);
  assert.deepEqual((await A.manager.sign(hash, 'revoke')).failures, []);
  const res = await token(B, A, { grant_type: 'client_credentials', scope: grantHash(content, 0), client_id: B.id });
  assert.equal(res.status, 400);
  assert.deepEqual(res.json(), { error: 'invalid_grant', error_description: 'the contract containing the provided grant hash is revoked' });
});

test('Manager-GetToken-4 / -5 / -8 / -9: bad token requests', async () => {
  const { content } = await validContract(B, [connection(B, A)], [A]);
  const scope = grantHash(content, 0);
  assert.equal((await token(B, A, { grant_type: 'client_credentials', scope: 'geen-hash', client_id: B.id })).json<{ error: string }>().error, 'invalid_scope');
  assert.equal((await token(B, A, { grant_type: 'password', scope, client_id: B.id })).json<{ error: string }>().error, 'unsupported_grant_type');
  assert.equal((await token(B, A, { grant_type: 'client_credentials', scope })).json<{ error: string }>().error, 'invalid_request');
  assert.equal((await token(B, A, { grant_type: 'client_credentials', scope, client_id: C.id })).json<{ error: string }>().error, 'invalid_client');
  // Another peer's certificate with a matching client_id still does not match the grant.
  assert.equal((await token(C, A, { grant_type: 'client_credentials', scope, client_id: C.id })).json<{ error: string }>().error, 'invalid_client');
});

test('Manager-GetToken-6 / -11: a DelegatedServiceConnectionGrant (with properties) gives a token with the delegator (act) and the properties (prp)', async () => {
  const { content } = await validContract(B, [{ ...connection(B, A), type: 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION', delegator: { peer_id: D.id }, properties: { doelbinding: 'begraven' } }], [A, D]);
  const res = await token(B, A, { grant_type: 'client_credentials', scope: grantHash(content, 0), client_id: B.id });
  const claims = decodeJwt(res.json<{ access_token: string }>().access_token);
  assert.deepEqual(claims.act, { sub: D.id });
  assert.deepEqual(claims.prp, { doelbinding: 'begraven' });
});

test('Manager-GetToken-7: a service offered on behalf of another peer gives a token with pdi', async () => {
  const { content } = await validContract(B, [connection(B, A, { service: delegatedService(A, D) })], [A, D]);
  const claims = decodeJwt((await token(B, A, { grant_type: 'client_credentials', scope: grantHash(content, 0), client_id: B.id })).json<{ access_token: string }>().access_token);
  assert.equal(claims.pdi, D.id);
});

test('Manager-GetToken-10: a ServiceConnectionGrant with properties gives a token with prp', async () => {
  const { content } = await validContract(B, [connection(B, A, { properties: { max: 10 } })], [A]);
  const claims = decodeJwt((await token(B, A, { grant_type: 'client_credentials', scope: grantHash(content, 0), client_id: B.id })).json<{ access_token: string }>().access_token);
  assert.deepEqual(claims.prp, { max: 10 });
});

test('Manager-PeerInfo-1: the peer behind the Manager', async () => {
  assert.deepEqual((await B.client.request(`${A.address}/v1/peer`)).json(), { peer_id: A.id, peer_name: A.name, fsc_version: '1.0.0', enabled_extensions: { EXTENSION_DELEGATION: '1.0.0', EXTENSION_TRANSACTION_LOGGING: '1.0.0' } });
});

test('Manager-Peers-1: the peers that announced themselves are listed, with their manager address', async () => {
  const body = (await C.client.request(`${DIR.address}/v1/peers?limit=100`)).json<{ peers: { id: string; name: string; manager_address: string }[] }>();
  for (const p of [A, B, C, D]) assert.deepEqual(body.peers.find((x) => x.id === p.id), { id: p.id, name: p.name, manager_address: p.address });
  assert.equal((await C.client.request(`${DIR.address}/v1/peers?peer_name=uitvaart`)).json<{ peers: { id: string }[] }>().peers[0].id, B.id);
});

test('Manager-JSONWebKeySet-1: the JWKS holds the signing key with its certificate', async () => {
  const { keys } = (await C.client.request(`${A.address}/v1/.well-known/jwks.json`)).json<{ keys: { kid: string; kty: string; x5c: string[]; alg: string }[] }>();
  assert.equal(keys.length, 1);
  assert.equal(keys[0].kid, A.manager.thumbprint);
  assert.equal(keys[0].kty, 'EC');
  assert.equal(certificateThumbprint(Buffer.from(keys[0].x5c[0], 'base64')), A.manager.thumbprint);
});

test('a client without a certificate of the group cannot connect to a Manager', async () => {
  const { createGroupCa, issuePeerCertificate } = await import('../../src/fsc/pki.ts');
  const { PeerClient } = await import('../../src/fsc/peer-client.ts');
  const otherCa = await createGroupCa('vreemd');
  const stranger = await issuePeerCertificate(otherCa, { peerId: '00000009000000000001', name: 'Vreemde' });
  const client = new PeerClient({ ...stranger, trustAnchors: group.ca.certificate });
  await assert.rejects(client.request(`${A.address}/v1/peer`));
  client.close();
});
