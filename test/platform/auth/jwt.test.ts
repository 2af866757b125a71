import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, UnsecuredJWT } from 'jose';
import { Authenticator } from '../../../src/platform/auth/jwt.ts';
import { ProblemError } from '../../../src/platform/http/problem.ts';
import type { Rights } from '../../../src/platform/auth/authorization.ts';

const SECRETS: Record<string, string> = { app: 'app-secret', other: 'other-secret' };

function authenticator(rights: Record<string, Rights> = {}, options: { maxAgeSeconds?: number } = {}) {
  let lookups = 0;
  const a = new Authenticator({
    secrets: { secretFor: async (id) => SECRETS[id] },
    rights: {
      rightsFor: async (id) => {
        lookups++;
        return rights[id] ?? { heeftAlleAutorisaties: false, autorisaties: [] };
      },
    },
    ...options,
  });
  return { a, lookups: () => lookups };
}

async function token(claims: Record<string, unknown>, secret = 'app-secret', iat = Math.floor(Date.now() / 1000)) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(iat).sign(new TextEncoder().encode(secret));
}

async function rejects(promise: Promise<unknown>, status: number, code: string) {
  await assert.rejects(promise, (error: unknown) => error instanceof ProblemError && error.status === status && error.code === code);
}

describe('ZGW JWT authentication', () => {
  it('accepts a token signed with the client secret and reads the user claims', async () => {
    const { a } = authenticator({ app: { heeftAlleAutorisaties: true, autorisaties: [] } });
    const auth = await a.authenticate(`Bearer ${await token({ client_id: 'app', user_id: 'u1', user_representation: 'Jan' })}`);
    assert.equal(auth.clientId, 'app');
    assert.equal(auth.userId, 'u1');
    assert.equal(auth.userRepresentation, 'Jan');
    assert.equal(auth.hasScope('zrc', 'zaken.lezen'), true);
  });

  it('answers 401 for a missing, malformed, unsigned, wrongly signed, unknown or old token', async () => {
    const { a } = authenticator();
    await rejects(a.authenticate(undefined), 401, 'not_authenticated');
    await rejects(a.authenticate('Basic abc'), 401, 'authentication_failed');
    await rejects(a.authenticate('Bearer not-a-jwt'), 401, 'authentication_failed');
    await rejects(a.authenticate(`Bearer ${new UnsecuredJWT({ client_id: 'app' }).setIssuedAt().encode()}`), 401, 'authentication_failed');
    await rejects(a.authenticate(`Bearer ${await token({ client_id: 'app' }, 'wrong')}`), 401, 'authentication_failed');
    await rejects(a.authenticate(`Bearer ${await token({ client_id: 'stranger' })}`), 401, 'authentication_failed');
    await rejects(a.authenticate(`Bearer ${await token({ iss: 'app' })}`), 401, 'authentication_failed');
    const hourAgo = Math.floor(Date.now() / 1000) - 3601;
    await rejects(a.authenticate(`Bearer ${await token({ client_id: 'app' }, 'app-secret', hourAgo)}`), 401, 'authentication_failed');
    const future = Math.floor(Date.now() / 1000) + 60;
    await rejects(a.authenticate(`Bearer ${await token({ client_id: 'app' }, 'app-secret', future)}`), 401, 'authentication_failed');
  });

  it('makes the iat window configurable', async () => {
    const { a } = authenticator({}, { maxAgeSeconds: 10 });
    const old = Math.floor(Date.now() / 1000) - 11;
    await rejects(a.authenticate(`Bearer ${await token({ client_id: 'app' }, 'app-secret', old)}`), 401, 'authentication_failed');
    assert.ok(await a.authenticate(`Bearer ${await token({ client_id: 'app' })}`));
  });

  it('caches rights until invalidated', async () => {
    const { a, lookups } = authenticator();
    const header = `Bearer ${await token({ client_id: 'app' })}`;
    await a.authenticate(header);
    await a.authenticate(header);
    assert.equal(lookups(), 1);
    a.invalidate();
    await a.authenticate(header);
    assert.equal(lookups(), 2);
  });

  it('accepts its internal credential, with every right, only from in-process callers', async () => {
    const { a, lookups } = authenticator();
    const internal = await a.authenticate(a.internalCredential, { inProcess: true });
    assert.equal(internal.hasScope('zrc', 'zaken.lezen'), true);
    await rejects(a.authenticate(a.internalCredential), 401, 'authentication_failed');
    await rejects(a.authenticate('Bearer something-else', { inProcess: true }), 401, 'authentication_failed');
    assert.equal(lookups(), 0);
  });
});

describe('Authorization', () => {
  it('restricts per zaaktype and vertrouwelijkheidaanduiding', async () => {
    const { a } = authenticator({
      app: {
        heeftAlleAutorisaties: false,
        autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: 'https://x/zt/1', maxVertrouwelijkheidaanduiding: 'intern' }],
      },
    });
    const auth = await a.authenticate(`Bearer ${await token({ client_id: 'app' })}`);
    assert.equal(auth.hasScope('zrc', 'zaken.lezen'), true);
    assert.equal(auth.hasScope('zrc', 'zaken.aanmaken'), false);
    assert.equal(auth.allows('zrc', 'zaken.lezen', { type: 'https://x/zt/1', vertrouwelijkheidaanduiding: 'openbaar' }), true);
    assert.equal(auth.allows('zrc', 'zaken.lezen', { type: 'https://x/zt/1', vertrouwelijkheidaanduiding: 'intern' }), true);
    assert.equal(auth.allows('zrc', 'zaken.lezen', { type: 'https://x/zt/1', vertrouwelijkheidaanduiding: 'geheim' }), false);
    assert.equal(auth.allows('zrc', 'zaken.lezen', { type: 'https://x/zt/2', vertrouwelijkheidaanduiding: 'openbaar' }), false);
    assert.deepEqual(auth.grants('zrc', 'zaken.lezen'), [{ type: 'https://x/zt/1', maxVertrouwelijkheidaanduiding: 'intern' }]);
    assert.deepEqual(auth.grants('drc', 'documenten.lezen'), []);
  });
});
