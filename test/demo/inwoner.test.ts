import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, LIMITED, type TestServer } from '../helpers/server.ts';
import { savePersoonslijst } from '../../src/components/brp/store.ts';
import { DEMO_VERWERKINGSACTIVITEITEN, type Verwerkingsactiviteit } from '../../src/platform/logboek/logboek.ts';
import { INWONER_PATH } from '../../src/demo/inwoner.ts';
import { testFscManager } from '../helpers/fsc-manager.ts';

const [BURGERZAKEN, INZAGE] = DEMO_VERWERKINGSACTIVITEITEN as [Verwerkingsactiviteit, Verwerkingsactiviteit];
const SCHULDHULP: Verwerkingsactiviteit = { id: 'https://gemeente.example/va/schuldhulp', naam: 'Schuldhulp & armoede', doel: 'Inwoners met <schulden> helpen', grondslag: 'Wgs art. 2' };

const persoon = (bsn: string) => ({ categorieen: { '01': [[{ '01.20': bsn, '02.10': 'Jan', '02.40': 'Jansen', '03.10': '19800101' }]] } });

describe('resident page of the demo', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      components: ['brp'],
      inwonerDemo: true,
      verwerkingsactiviteiten: [BURGERZAKEN, SCHULDHULP, INZAGE],
      brpAutorisaties: [{ clientId: LIMITED.clientId, queryTypes: ['RaadpleegMetBurgerservicenummer'], fields: ['naam'] }],
    });
    for (const bsn of ['999990019', '999990020']) await savePersoonslijst(server.og.database.db, persoon(bsn));
  });
  after(() => server.close());

  const brp = (bsn: string, activity: Verwerkingsactiviteit, options: { client?: typeof LIMITED; headers?: Record<string, string>; fields?: string[] } = {}) =>
    server.call('POST', '/haalcentraal/api/brp/personen', {
      client: options.client,
      body: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [bsn], fields: options.fields ?? ['naam'] },
      headers: { Verwerkingsactiviteit: activity.id, ...options.headers },
    });
  const choose = (bsn: string) =>
    fetch(`${server.baseUrl}${INWONER_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ bsn }).toString() });

  it('offers an accessible form to choose a BSN', async () => {
    const r = await fetch(`${server.baseUrl}${INWONER_PATH}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /^text\/html; charset=utf-8/);
    const html = await r.text();
    assert.match(html, /<html lang="nl"/);
    assert.match(html, /<label [^>]*for="bsn">Burgerservicenummer<\/label>/);
    assert.match(html, /<input [^>]*id="bsn" name="bsn"/);
    // NL Design System: the stylesheets it links to are served.
    for (const href of html.match(/href="\/assets\/nlds\/[^"]+\.css"/g) ?? []) {
      const css = await fetch(`${server.baseUrl}${href.slice(6, -1)}`);
      assert.equal(css.status, 200);
      assert.match(css.headers.get('content-type')!, /^text\/css/);
    }
    assert.equal(html.match(/href="\/assets\/nlds\//g)?.length, 2);
    assert.match(html, /<form method="post"/, 'the BSN goes in the body, not the URL');
    assert.match(html, /<main[^>]*>[\s\S]*<h1[^>]*>/);
  });

  it('shows who processed the chosen person\'s data, when and for which activity, and nothing of others', async () => {
    assert.equal((await brp('999990019', BURGERZAKEN)).status, 200);
    // Through our Inway, for another organisation: our Manager's access token names it.
    const manager = testFscManager();
    server.og.fscCallers.trust(manager.trusted);
    assert.equal((await brp('999990019', SCHULDHULP, { headers: { 'Fsc-Authorization': await manager.token('00000001823288444000') } })).status, 200);
    assert.equal((await brp('999990019', BURGERZAKEN, { client: LIMITED, fields: ['geboorte'] })).status, 403);
    assert.equal((await brp('999990020', BURGERZAKEN, { client: LIMITED })).status, 200);

    const r = await choose('999990019');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const html = await r.text();
    assert.match(html, /<caption[^>]*>3 verwerkingen, nieuwste eerst<\/caption>/);
    assert.equal(html.match(/<th [^>]*scope="col">/g)?.length, 5);
    const rows = [...html.matchAll(/<tr[^>]*>\s*<td[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    assert.equal(rows.length, 3);
    // Newest first: the refused request by the limited application, then the FSC one, then the first.
    // test-limited has no Applicatie (so no label): its client id is shown.
    assert.match(rows[0]!, /Deze gemeente<br><span>applicatie test-limited<\/span>/);
    assert.match(rows[0]!, /Geweigerd, geen gegevens verstrekt/);
    assert.match(rows[1]!, /Organisatie 00000001823288444000 \(via FSC\)/);
    assert.match(rows[1]!, /Schuldhulp &amp; armoede/);
    assert.match(rows[1]!, /Inwoners met &lt;schulden&gt; helpen<br><span>grondslag: Wgs art. 2<\/span>/);
    assert.match(rows[2]!, /applicatie Test admin/);
    assert.ok(rows[2]!.includes(`<td class="utrecht-table__cell">${BURGERZAKEN.naam}</td>\n<td class="utrecht-table__cell">${BURGERZAKEN.doel}<br>`));
    assert.match(rows[2]!, /Gegevens gebruikt/);
    assert.match(rows[2]!, /<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">\d{1,2} [a-z]+ \d{4}/);

    const other = await (await choose('999990020')).text();
    assert.match(other, /<caption[^>]*>1 verwerking, nieuwste eerst<\/caption>/);
    const nobody = await (await choose('999990031')).text();
    assert.match(nobody, /Er zijn geen verwerkingen van uw gegevens vastgelegd/);

    // Looking is a processing too: the page's own read shows up the next time, as the resident's own.
    const again = await (await choose('999990019')).text();
    assert.match(again, /<caption[^>]*>4 verwerkingen, nieuwste eerst<\/caption>/);
    const newest = [...again.matchAll(/<tr[^>]*>\s*<td[^>]*>([\s\S]*?)<\/tr>/g)][0]![1]!;
    assert.match(newest, /U zelf, op deze pagina/);
    assert.ok(newest.includes(INZAGE.naam));
  });

  it('refuses to show the log when the register has no inzage activity', async () => {
    const without = await startTestServer({ components: ['brp'], inwonerDemo: true, verwerkingsactiviteiten: [BURGERZAKEN] });
    try {
      const r = await fetch(`${without.baseUrl}${INWONER_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'bsn=999990019' });
      assert.equal(r.status, 403);
      assert.equal(((await r.json()) as { code: string }).code, 'verwerkingsactiviteitOnbekend');
    } finally {
      await without.close();
    }
  });

  it('points out a malformed BSN at the field', async () => {
    const r = await choose('12<b>');
    assert.equal(r.status, 400);
    const html = await r.text();
    assert.match(html, /aria-describedby="bsn-fout" aria-invalid="true"/);
    assert.match(html, /id="bsn-fout"[^>]*>Vul een burgerservicenummer van 9 cijfers in/);
    assert.match(html, /value="12&lt;b&gt;"/);
  });

  it('is not there outside the demo', async () => {
    const plain = await startTestServer({ components: ['brp'] });
    try {
      assert.equal((await fetch(`${plain.baseUrl}${INWONER_PATH}`)).status, 404);
    } finally {
      await plain.close();
    }
  });
});
