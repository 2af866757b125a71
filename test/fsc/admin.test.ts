/**
 * The FSC beheerpagina over real HTTP: a gemeente (also the Directory) offers its Zaken API,
 * an uitvaartonderneming asks for a connection on its page, the gemeente accepts it with the
 * form on hers, a call goes through, both transaction logs show it, and revoking stops it.
 * Also: the page answers only on loopback and refuses form posts from another site.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { openMigratedDatabase } from '../../src/server.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createGroupCa, issuePeerCertificate } from '../../src/fsc/pki.ts';
import { startPeer, type Peer } from '../../src/fsc/peer.ts';

const GROUP = 'opengrond-beheer';
const dbs: TestDatabase[] = [];
const databases: Database[] = [];
let G: Peer, U: Peer;
let service: http.Server;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, options: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? (body ? 'POST' : 'GET'), headers: { ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...options.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A form post as a browser on the page itself sends it. */
const submit = (peer: Peer, page: string, form: Record<string, string>) =>
  request(`${peer.adminAddress}/${page}`, { form, headers: { origin: new URL(peer.adminAddress!).origin, 'sec-fetch-site': 'same-origin' } });

before(async () => {
  service = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ pad: req.url })));
  service.listen(0, '127.0.0.1');
  await once(service, 'listening');
  const ca = await createGroupCa('beheergroep');
  const peer = async (id: string, name: string, extra: Partial<Parameters<typeof startPeer>[0]>) => {
    const pem = await issuePeerCertificate(ca, { peerId: id, name });
    const testDb = await createTestDatabase();
    dbs.push(testDb);
    const database = await openMigratedDatabase(testDb.target);
    databases.push(database);
    return startPeer({ database, credentials: { ...pem, trustAnchors: ca.certificate }, groupId: GROUP, adminPort: 0, ...extra });
  };
  G = await peer('00000001001234567000', 'Gemeente Oefenstad', { directory: true, services: { zaken: `http://127.0.0.1:${(service.address() as { port: number }).port}` } });
  U = await peer('00000001009876543000', 'Uitvaartonderneming De Laatste Eer', { directoryAddress: G.managerAddress });
});

after(async () => {
  for (const p of [U, G]) await p?.close();
  for (const d of databases) await d.close();
  for (const d of dbs) await d.drop();
  service.close();
});

function outwayCall(grantHash: string): Promise<Answer> {
  return request(`${U.outwayAddress}/zaken/api/v1/zaken`, { headers: { 'fsc-grant-hash': grantHash } });
}

let contractHash: string;
let grantHash: string;

test('the beheerpagina listens on loopback only and sends NL Design System pages', async () => {
  assert.match(G.adminAddress!, /^http:\/\/127\.0\.0\.1:\d+\/fsc\/beheer$/);
  const start = await request(G.adminAddress!);
  assert.equal(start.status, 303);
  const page = await request(`${G.adminAddress}/contracten`);
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type']!, /text\/html/);
  assert.match(page.body, /<html lang="nl"/);
  assert.match(page.body, /href="\/assets\/nlds\/component-library.css"/);
  assert.equal((await request(`${new URL(G.adminAddress!).origin}/assets/nlds/component-library.css`)).status, 200);
  assert.match(page.body, /Er zijn nog geen contracten/);
});

test('the gemeente offers its Zaken API in the directory with the form; the uitvaartonderneming sees it and asks for a connection', async () => {
  const offered = await submit(G, 'aanbieden', { dienst: 'zaken' });
  assert.equal(offered.status, 200, offered.body);
  assert.match(offered.body, /Dienst zaken aangeboden in de directory\./);
  assert.equal((await submit(G, 'aanbieden', { dienst: 'geheim' })).status, 400, 'only a service of its own inway');

  const listing = await request(`${U.adminAddress}/verbinden`);
  assert.match(listing.body, /Gemeente Oefenstad \(00000001001234567000\)<\/td><td class="utrecht-table__cell">zaken/);
  const asked = await submit(U, 'verbinden', { peer: '00000001001234567000', dienst: 'zaken' });
  assert.equal(asked.status, 200, asked.body);
  assert.match(asked.body, /Verbinding met dienst zaken van 00000001001234567000 aangevraagd/);
  assert.equal((await submit(U, 'verbinden', { peer: '123', dienst: 'zaken' })).status, 400);
});

test('the gemeente sees the request waiting for her signature and accepts it with the form; the call then goes through', async () => {
  const page = await request(`${G.adminAddress}/contracten`);
  assert.match(page.body, /Eén contract wacht op uw handtekening/);
  assert.match(page.body, /Verbinding van de outway van Uitvaartonderneming De Laatste Eer \(00000001009876543000\) met dienst <strong>zaken<\/strong>/);
  const form = /<form method="post" action="\/fsc\/beheer\/contracten"><input type="hidden" name="hash" value="([^"]+)">.*?Accepteren/.exec(page.body);
  assert.ok(form, 'an accept form for the waiting contract');
  contractHash = form[1].replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  const connection = (await G.manager.overview()).find((o) => o.contract.hash === contractHash)!;
  grantHash = connection.grantHashes[0];
  assert.equal((await outwayCall(grantHash)).status, 403, 'not before the gemeente has signed');

  const signed = await submit(G, 'contracten', { hash: contractHash, type: 'accept' });
  assert.equal(signed.status, 200, signed.body);
  assert.match(signed.body, /Contract geaccepteerd\./);
  assert.match(signed.body, /Geldig/);
  assert.equal((await U.manager.overview()).find((o) => o.contract.hash === contractHash)!.state, 'valid', 'the signature reached the uitvaartonderneming');
  assert.equal((await submit(G, 'contracten', { hash: contractHash, type: 'accept' })).status, 409, 'a valid contract is not accepted again');
});

test('both logs on the beheerpagina show the call with its transaction id', async () => {
  const call = await outwayCall(grantHash);
  assert.equal(call.status, 200, call.body);
  const transactionId = String(call.headers['fsc-transaction-id']);
  const atProvider = await request(`${G.adminAddress}/log`);
  assert.match(atProvider.body, new RegExp(`Inkomend \\(inway\\)</td><td class="utrecht-table__cell"><code>${transactionId}</code>`));
  assert.match(atProvider.body, /Gemeente Oefenstad \(00000001001234567000\): zaken/);
  const atConsumer = await request(`${U.adminAddress}/log`);
  assert.match(atConsumer.body, new RegExp(`Uitgaand \\(outway\\)</td><td class="utrecht-table__cell"><code>${transactionId}</code>`));
});

const CHROMIUM = '/usr/bin/chromium';

test('every beheerpagina passes axe-core (WCAG 2.1 A and AA) in Chromium', { skip: !fs.existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` }, async () => {
  const { chromium } = await import('playwright-core');
  const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const [peer, path] of [[G, 'contracten'], [G, 'aanbieden'], [U, 'verbinden'], [G, 'log']] as const) {
      await page.goto(`${peer.adminAddress}/${path}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
      });
      assert.deepEqual(violations, [], `${path}`);
    }
  } finally {
    await browser.close();
  }
});

test('the page refuses requests for another host name and form posts from another site', async () => {
  const rebound = await request(`${G.adminAddress}/contracten`, { headers: { host: 'beheer.example.org' } });
  assert.equal(rebound.status, 421);
  const crossSite = await request(`${G.adminAddress}/contracten`, { form: { hash: contractHash, type: 'revoke' }, headers: { origin: 'https://evil.example' } });
  assert.equal(crossSite.status, 403);
  const fetchMarked = await request(`${G.adminAddress}/contracten`, { form: { hash: contractHash, type: 'revoke' }, headers: { 'sec-fetch-site': 'cross-site' } });
  assert.equal(fetchMarked.status, 403);
  assert.equal((await G.manager.overview()).find((o) => o.contract.hash === contractHash)!.state, 'valid', 'nothing was revoked');
});

test('revoking with the form stops the calls at once', async () => {
  const revoked = await submit(G, 'contracten', { hash: contractHash, type: 'revoke' });
  assert.equal(revoked.status, 200, revoked.body);
  assert.match(revoked.body, /Contract ingetrokken\./);
  assert.equal((await outwayCall(grantHash)).status, 401);
});
