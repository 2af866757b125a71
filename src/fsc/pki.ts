/**
 * Certificates for an FSC Group. For development and tests, `createGroupCa` and
 * `issuePeerCertificate` make a group trust anchor and peer certificates (ECDSA P-256) with
 * @peculiar/x509; in production the files come from PKIoverheid and are read with
 * `readPeerCredentials`. Either way the Peer ID is the OIN in the subject serialNumber and the
 * peer name the subject organisation, as the Dutch FSC profile (and OpenFSC) define them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
// @peculiar/x509 resolves its ASN.1 schemas through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface Pem {
  certificate: string;
  privateKey: string;
}

/** What a peer needs for mTLS and for signing: its key, its certificate (chain) and the group's trust anchor(s). */
export interface PeerCredentials extends Pem {
  /** PEM of the trust anchor list of the group. */
  trustAnchors: string;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as const;

async function keyPair(algorithm: 'ECDSA' | 'RSA' = 'ECDSA'): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(algorithm === 'RSA' ? RSA : ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`;
}

function rdn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

export async function createGroupCa(name: string, years = 10): Promise<Pem> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${rdn(name)}, O=${rdn(name)}`,
    keys,
    signingAlgorithm: ALGORITHM,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + years * 365 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate: cert.toString('pem') + '\n', privateKey: await privateKeyPem(keys.privateKey) };
}

export interface PeerCertificateRequest {
  /** OIN, the Peer ID: 20 digits. */
  peerId: string;
  /** The organisation's name (subject O), the peer name. */
  name: string;
  /** DNS names the peer's Manager/Inway/Outway answer on; localhost and 127.0.0.1 are added for development. */
  hosts?: string[];
  days?: number;
  /** ECDSA P-256 (default) or RSA 2048: FSC signatures may use either (ES256 or RS256). */
  algorithm?: 'ECDSA' | 'RSA';
}

export async function issuePeerCertificate(ca: Pem, request: PeerCertificateRequest): Promise<Pem> {
  if (!/^\d{20}$/.test(request.peerId)) throw new Error(`Een OIN heeft 20 cijfers, niet "${request.peerId}".`);
  const caCert = new x509.X509Certificate(ca.certificate);
  const caKey = await webcrypto.subtle.importKey('pkcs8', pemBody(ca.privateKey), ALGORITHM, false, ['sign']);
  const keys = await keyPair(request.algorithm);
  const hosts = [...new Set([...(request.hosts ?? []), 'localhost'])];
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${rdn(hosts[0])}, O=${rdn(request.name)}, 2.5.4.5=${request.peerId}`,
    issuer: caCert.subject,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALGORITHM,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + (request.days ?? 825) * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | (request.algorithm === 'RSA' ? x509.KeyUsageFlags.keyEncipherment : x509.KeyUsageFlags.keyAgreement), true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([...hosts.map((value) => ({ type: 'dns' as const, value })), { type: 'ip', value: '127.0.0.1' }]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certificate: cert.toString('pem') + '\n', privateKey: await privateKeyPem(keys.privateKey) };
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** The first certificate of a PEM chain. */
export function leafCertificate(pem: string): X509Certificate {
  return new X509Certificate(pem);
}

export interface PeerIdentity {
  peerId: string;
  peerName: string;
}

/** Peer ID (subject serialNumber) and name (subject O) of a certificate; undefined when either is missing. */
export function peerIdentity(cert: X509Certificate | { subject: string }): PeerIdentity | undefined {
  const fields = new Map<string, string>();
  for (const line of cert.subject.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  const peerId = fields.get('serialNumber');
  const peerName = fields.get('O');
  return peerId && peerName ? { peerId, peerName } : undefined;
}

/** `x5t#S256`: base64url SHA-256 of the certificate's DER (RFC 7515 4.1.8, RFC 8705 3.1). */
export function certificateThumbprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64url');
}

/** The public key thumbprint of contracts: hex SHA-256 of the DER SubjectPublicKeyInfo. */
export function publicKeyThumbprint(cert: X509Certificate): string {
  return createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Whether `cert` was issued by one of the trust anchors and is within its validity now. */
export function isTrusted(cert: X509Certificate, trustAnchorsPem: string, now = new Date()): boolean {
  if (new Date(cert.validFrom) > now || new Date(cert.validTo) < now) return false;
  return splitPem(trustAnchorsPem).some((pem) => {
    const anchor = new X509Certificate(pem);
    return cert.checkIssued(anchor) && cert.verify(anchor.publicKey);
  });
}

export function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/** Writes `<dir>/ca.pem` and `ca-key.pem` (the key readable by the owner only). */
export function writePem(dir: string, base: string, pem: Pem): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${base}.pem`), pem.certificate);
  fs.writeFileSync(path.join(dir, `${base}-key.pem`), pem.privateKey, { mode: 0o600 });
}

/** Reads a peer's certificate, key and the group's trust anchors from files (PKIoverheid or `opengrond pki`). */
export function readPeerCredentials(files: { certificate: string; privateKey: string; trustAnchors: string }): PeerCredentials {
  const credentials = {
    certificate: fs.readFileSync(files.certificate, 'utf8'),
    privateKey: fs.readFileSync(files.privateKey, 'utf8'),
    trustAnchors: fs.readFileSync(files.trustAnchors, 'utf8'),
  };
  const identity = peerIdentity(leafCertificate(credentials.certificate));
  if (!identity) throw new Error(`${files.certificate}: geen OIN (subject serialNumber) of organisatie (subject O) in het certificaat.`);
  return credentials;
}
