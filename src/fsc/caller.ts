/**
 * Which organisation called a service through FSC, as the service can know it for sure. Our
 * Inway passes the caller's access token on (`Fsc-Authorization`); a token that one of this
 * organisation's own Managers signed (the Inway's Manager: the issuer), and that has not
 * expired, names the calling Outway's peer in `sub`. The `Fsc-Peer` header the Inway also sets
 * is a convenience, not proof: whoever reaches the service directly can send it. So the
 * Logboek dataverwerkingen records a foreign processor only from a token verified here.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { AccessTokenVerifier } from './access-token.ts';
import { peerIdentity, splitPem } from './pki.ts';

/** A Manager whose access tokens the services of this server accept as proof of the caller. */
export interface TrustedManager {
  peerId: string;
  publicKey: KeyObject;
}

export class FscCallers {
  private readonly verifiers: AccessTokenVerifier[] = [];

  constructor(managers: TrustedManager[] = []) {
    managers.forEach((m) => this.trust(m));
  }

  trust(manager: TrustedManager): void {
    this.verifiers.push(new AccessTokenVerifier(manager.publicKey, manager.peerId));
  }

  /** The calling peer's id, from the `Fsc-Authorization` header's token; undefined without a valid token of a trusted Manager. */
  async peerOf(token: string | string[] | undefined): Promise<string | undefined> {
    if (typeof token !== 'string' || !token) return undefined;
    for (const verifier of this.verifiers) {
      const claims = await verifier.verify(token).catch(() => undefined);
      if (claims) return typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
    }
    return undefined;
  }
}

/** The Managers of the certificates in a PEM file (`--fsc-manager-cert`): peer id from each subject's serialNumber. */
export function trustedManagersFromPem(pem: string): TrustedManager[] {
  return splitPem(pem).map((one) => {
    const certificate = new X509Certificate(one);
    const identity = peerIdentity(certificate);
    if (!identity) throw new Error(`certificate ${certificate.subject.replaceAll('\n', ', ')} names no FSC peer (subject serialNumber and O)`);
    return { peerId: identity.peerId, publicKey: certificate.publicKey };
  });
}
