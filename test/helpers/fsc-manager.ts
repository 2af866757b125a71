/**
 * A stand-in for this organisation's FSC Manager, for tests of services behind our Inway: a key
 * the server is told to trust (`og.fscCallers.trust`), and access tokens it signs for a calling
 * peer, as the Inway passes them on in `Fsc-Authorization`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import type { TrustedManager } from '../../src/fsc/caller.ts';

export function testFscManager(peerId = '00000001001234567000') {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const trusted: TrustedManager = { peerId, publicKey };
  /** An access token for a request of `callerPeerId`'s Outway. */
  const token = (callerPeerId: string, expiresIn = '5m') =>
    new SignJWT({ gth: '$1$3$grant', gid: 'opengrond-test', svc: 'brp', cnf: { 'x5t#S256': 'thumbprint' } })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuer(peerId)
      .setSubject(callerPeerId)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  return { trusted, token };
}
