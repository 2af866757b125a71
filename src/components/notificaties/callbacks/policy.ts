/**
 * Which callback URLs the Notificaties API may call. A callback is a URL a client chose, called
 * from inside our network: without a policy anyone with `notificaties.consumeren` could make
 * us post to the cloud metadata service, an admin interface on localhost or a private network.
 *
 * By default a callback must be http(s) and every address its host resolves to must be public:
 * no loopback, link-local (169.254.0.0/16 holds the cloud metadata services), private,
 * shared (CGNAT), multicast or reserved ranges, also not inside IPv4-mapped, NAT64 or 6to4
 * IPv6 addresses. `allowLoopback` opens 127.0.0.0/8 and ::1 (development, tests), the
 * allow-list opens named hosts and networks (a subscriber in the municipality's own network).
 *
 * The check is made when an abonnement is saved (a clear 400) and again on every connection:
 * {@link CallbackPolicy.lookup} is the resolver the HTTP client connects with, so a host name
 * that resolves differently later (DNS rebinding) is refused at the moment it matters.
 */
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

interface Network {
  bytes: Uint8Array;
  prefix: number;
}

/** Denied unless allowed: [network, why]. */
const DENIED: [string, string][] = [
  ['0.0.0.0/8', '"dit" netwerk'],
  ['10.0.0.0/8', 'privénetwerk'],
  ['100.64.0.0/10', 'gedeeld netwerk (CGNAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local (cloud-metadata)'],
  ['172.16.0.0/12', 'privénetwerk'],
  ['192.0.0.0/24', 'IETF-protocoladressen'],
  ['192.0.2.0/24', 'documentatienetwerk'],
  ['192.168.0.0/16', 'privénetwerk'],
  ['198.18.0.0/15', 'benchmarknetwerk'],
  ['198.51.100.0/24', 'documentatienetwerk'],
  ['203.0.113.0/24', 'documentatienetwerk'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'gereserveerd'],
  ['::/128', 'ongespecificeerd adres'],
  ['::1/128', 'loopback'],
  ['::/96', 'IPv4-compatibel (verouderd)'],
  ['100::/64', 'discard-prefix'],
  ['2001:db8::/32', 'documentatienetwerk'],
  ['fc00::/7', 'privénetwerk (ULA, cloud-metadata)'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local (verouderd)'],
  ['ff00::/8', 'multicast'],
];
const LOOPBACK = ['127.0.0.0/8', '::1/128'].map(parseNetwork);
/** IPv6 prefixes that carry an IPv4 address in their last 32 bits (6to4 in bits 16..48). */
const MAPPED = parseNetwork('::ffff:0:0/96');
const NAT64 = parseNetwork('64:ff9b::/96');
const SIX_TO_FOUR = parseNetwork('2002::/16');

export class CallbackRefused extends Error {}

export interface CallbackPolicyOptions {
  allowLoopback?: boolean;
  /** Host names (exact), IP addresses and networks in CIDR notation. */
  allowlist?: string[];
}

export class CallbackPolicy {
  readonly #allowLoopback: boolean;
  readonly #allowedHosts: Set<string>;
  readonly #allowedNetworks: Network[];
  readonly #denied = DENIED.map(([cidr, why]) => ({ network: parseNetwork(cidr), why }));

  constructor(options: CallbackPolicyOptions = {}) {
    this.#allowLoopback = options.allowLoopback ?? false;
    const entries = (options.allowlist ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean);
    this.#allowedNetworks = entries.filter((e) => isIP(e.split('/')[0]!)).map((e) => parseNetwork(e.includes('/') ? e : `${e}/${isIP(e) === 4 ? 32 : 128}`));
    this.#allowedHosts = new Set(entries.filter((e) => !isIP(e.split('/')[0]!)));
  }

  /** Why `address` may not be called; undefined when it may. */
  refusal(address: string): string | undefined {
    const bytes = parseAddress(address);
    if (!bytes) return `${address} is geen IP-adres`;
    if (this.#allowedNetworks.some((n) => contains(n, bytes))) return undefined;
    if (this.#allowLoopback && LOOPBACK.some((n) => contains(n, bytes))) return undefined;
    const embedded = embeddedIpv4(bytes);
    if (embedded) {
      const why = this.refusal(embedded);
      if (why) return why;
    }
    const denied = this.#denied.find((d) => contains(d.network, bytes));
    return denied ? `${address} ligt in een geweigerd bereik (${denied.why})` : undefined;
  }

  /** Checks scheme and host of `url` and resolves the host: throws {@link CallbackRefused} with the reason. */
  async check(url: string): Promise<void> {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') throw new CallbackRefused(`Alleen http- en https-callbacks zijn toegestaan, niet ${protocol}`);
    const host = unbracket(hostname);
    if (this.#allowedHosts.has(host.toLowerCase())) return;
    const addresses = isIP(host) ? [host] : await resolveAll(host);
    for (const address of addresses) {
      const why = this.refusal(address);
      if (why) throw new CallbackRefused(`Callback-host ${host}: ${why}`);
    }
  }

  /**
   * `net.connect`'s resolver: resolves like the system does and fails when any address is
   * refused, so the connection only ever goes to an address that was checked. (An IP address
   * in the URL is not looked up: {@link check} it before connecting.)
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const allowedHost = this.#allowedHosts.has(hostname.toLowerCase());
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = allowedHost ? undefined : addresses.map((a) => this.refusal(a.address)).find(Boolean);
      if (refused) return callback(new CallbackRefused(`Callback-host ${hostname}: ${refused}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new CallbackRefused(`Callback-host ${host} bestaat niet (niet te resolven).`);
  }
}

const unbracket = (host: string) => (host.startsWith('[') ? host.slice(1, -1) : host);

function parseNetwork(cidr: string): Network {
  const [address, prefix] = cidr.split('/');
  const bytes = parseAddress(address!);
  if (!bytes) throw new Error(`Ongeldig netwerk in de callback-allowlist: ${cidr}`);
  const length = Number(prefix ?? bytes.length * 8);
  if (!Number.isInteger(length) || length < 0 || length > bytes.length * 8) throw new Error(`Ongeldige prefixlengte in ${cidr}`);
  return { bytes, prefix: length };
}

/** 4 bytes for IPv4, 16 for IPv6; undefined for anything else. */
function parseAddress(address: string): Uint8Array | undefined {
  const version = isIP(address);
  if (version === 4) return Uint8Array.from(address.split('.').map(Number));
  if (version !== 6) return undefined;
  let text = address.split('%')[0]!;
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseAddress(dotted[1]!)!;
    text = text.slice(0, -dotted[1]!.length) + `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

function contains(network: Network, bytes: Uint8Array): boolean {
  if (network.bytes.length !== bytes.length) return false;
  for (let bit = 0; bit < network.prefix; bit += 8) {
    const bits = Math.min(8, network.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((network.bytes[bit / 8]! & mask) !== (bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

/** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address. */
function embeddedIpv4(bytes: Uint8Array): string | undefined {
  if (bytes.length !== 16) return undefined;
  if (contains(MAPPED, bytes) || contains(NAT64, bytes)) return Array.from(bytes.slice(12)).join('.');
  if (contains(SIX_TO_FOUR, bytes)) return Array.from(bytes.slice(2, 6)).join('.');
  return undefined;
}
