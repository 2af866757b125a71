/**
 * Which organisation called, as a service behind our Inway knows it (src/fsc/caller.ts): only
 * from an unexpired access token of a Manager this server trusts, never from a header.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { FscCallers, trustedManagersFromPem } from '../../src/fsc/caller.ts';
import { createGroupCa, issuePeerCertificate } from '../../src/fsc/pki.ts';
import { testFscManager } from '../helpers/fsc-manager.ts';

const CALLER = '00000001009876543000';

test('a token of a trusted Manager names the caller; any other token, an expired one or none names nobody', async () => {
  const ours = testFscManager('00000001001234567000');
  const stranger = testFscManager('00000001001234567000');
  const callers = new FscCallers([ours.trusted]);
  assert.equal(await callers.peerOf(await ours.token(CALLER)), CALLER);
  assert.equal(await callers.peerOf(await stranger.token(CALLER)), undefined, 'signed with another key, same issuer');
  assert.equal(await callers.peerOf(await ours.token(CALLER, '-1m')), undefined, 'expired');
  assert.equal(await callers.peerOf(undefined), undefined);
  assert.equal(await callers.peerOf('niet-een-token'), undefined);
  // The issuer must be the trusted Manager's peer.
  const otherIssuer = testFscManager('00000001005555555000');
  assert.equal(await new FscCallers([{ peerId: '00000001001234567000', publicKey: otherIssuer.trusted.publicKey }]).peerOf(await otherIssuer.token(CALLER)), undefined);
  // Trusted later (the practice group starts after the server).
  const later = new FscCallers();
  assert.equal(await later.peerOf(await ours.token(CALLER)), undefined);
  later.trust(ours.trusted);
  assert.equal(await later.peerOf(await ours.token(CALLER)), CALLER);
});

test('--fsc-manager-cert: the Managers of the certificates in a PEM file', async () => {
  const ca = await createGroupCa('caller-test');
  const a = await issuePeerCertificate(ca, { peerId: '00000001001234567000', name: 'Gemeente Oefenstad' });
  const b = await issuePeerCertificate(ca, { peerId: '00000001001234567001', name: 'Gemeente Oefenstad' });
  const managers = trustedManagersFromPem(a.certificate + b.certificate);
  assert.deepEqual(managers.map((m) => m.peerId), ['00000001001234567000', '00000001001234567001']);
  assert.ok(managers[0]!.publicKey.equals(new X509Certificate(a.certificate).publicKey));
  assert.throws(() => trustedManagersFromPem(ca.certificate), /names no FSC peer/);
});
