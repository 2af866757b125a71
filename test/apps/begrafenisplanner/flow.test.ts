/**
 * The Begrafenisplanner over real HTTP, as a browser without JavaScript uses it: the funeral
 * director's steps (through the uitvaartonderneming's FSC Outway), the clear messages for what
 * goes wrong, submitting, the gemeente's work list and actions, and the status coming back
 * to the funeral director by notificatie.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPlanner, nextWeekday, type PlannerServer } from './setup.ts';
import { Visitor, alerts, choices, links } from './browser-less.ts';
import { connectSources } from '../../../src/apps/begrafenisplanner/sources/index.ts';
import { SourceError, VERWERKINGSACTIVITEIT_BEGRAVEN } from '../../../src/apps/begrafenisplanner/sources/http.ts';

const U = '/begrafenisplanner/uitvaartonderneming';
const G = '/begrafenisplanner/gemeente';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Makes a draft and fills every step; returns its path. */
async function fillDraft(v: Visitor, options: { day: string; slot?: number; overledene: string; rechthebbende: string }): Promise<string> {
  const created = await v.post(`${U}/aanvragen`, {});
  const path = new URL(created.url).pathname;
  const step1 = await v.get(`${path}/begraafplaats`);
  const begraafplaats = choices(step1.html, 'begraafplaats').get('Algemene Begraafplaats Oefenstad')!;
  const grafsoort = choices(step1.html, 'grafsoort').get('Particulier graf')!;
  const graven = await v.post(`${path}/begraafplaats`, { begraafplaats, grafsoort });
  const graf = [...choices(graven.html, 'graf').values()][0]!;
  assert.equal((await v.post(`${path}/graf`, { graf })).status, 200);
  const slots = await v.get(`${path}/tijdslot?datum=${options.day}`);
  const start = [...choices(slots.html, 'start').values()][options.slot ?? 0]!;
  const held = await v.post(`${path}/tijdslot`, { start });
  assert.equal(held.status, 200, alerts(held.html).join());
  assert.match(alerts(held.html).join(), /voorlopig voor u gereserveerd tot/);
  assert.equal((await v.post(`${path}/overledene`, { bsn: options.overledene })).status, 200);
  assert.equal((await v.post(`${path}/rechthebbende`, { bsn: options.rechthebbende })).status, 200);
  assert.equal((await v.post(`${path}/extra`, { product: ['aula', 'dragers'] })).status, 200);
  const form = new FormData();
  form.append('verlof', new Blob([PDF], { type: 'application/pdf' }), 'verlof.pdf');
  assert.equal((await v.post(`${path}/verlof`, form)).status, 200);
  return path;
}

describe('Begrafenisplanner', () => {
  let p: PlannerServer;
  let v: Visitor;
  const day = nextWeekday(2);
  before(async () => {
    p = await startPlanner();
    v = new Visitor(p.base);
  });
  after(() => p?.close());

  let draft: string;
  let zaakPath: string;

  it('fills the steps in any order; the BRP step says clearly what is wrong', async () => {
    const created = await v.post(`${U}/aanvragen`, {});
    draft = new URL(created.url).pathname;
    // Deceased first, before any cemetery: steps need not be in order.
    const invalid = await v.post(`${draft}/overledene`, { bsn: '123456789' });
    assert.equal(invalid.status, 400);
    assert.match(invalid.html, /Vul een geldig burgerservicenummer van 9 cijfers in/);
    assert.match(invalid.html, /aria-invalid="true"/);
    const unknown = await v.post(`${draft}/overledene`, { bsn: '999990020' });
    assert.equal(unknown.status, 404);
    assert.match(unknown.html, /Er is geen persoon met dit burgerservicenummer gevonden in de BRP/);
    const living = await v.post(`${draft}/overledene`, { bsn: '999990627' });
    assert.equal(living.status, 409);
    assert.match(living.html, /niet overleden/);
    const ok = await v.post(`${draft}/overledene`, { bsn: '999993653' });
    assert.equal(ok.status, 200);
    assert.match(ok.html, /Gevonden in de BRP: Johannes Pieter de Vries/);
    // A form sent without a choice: the errors first, each linking to its group.
    const empty = await v.post(`${draft}/begraafplaats`, {});
    assert.equal(empty.status, 400);
    assert.match(empty.html, /href="#begraafplaats-0">Kies een begraafplaats\.<\/a>[^]*href="#grafsoort-0">Kies een grafsoort\.<\/a>/);
    // The slot step needs a cemetery first, and says so.
    assert.match((await v.get(`${draft}/tijdslot`)).html, /Kies eerst een begraafplaats/);
    // Submitting an incomplete request is not offered; the check page says what is missing.
    assert.match((await v.get(`${draft}/controle`)).html, /Nog niet compleet: Kies een begraafplaats/);
  });

  it('holds the slot: another request cannot take it and is told so', async () => {
    const path = await fillDraft(v, { day, overledene: '999991723', rechthebbende: '999995571' });
    draft = path;
    const other = new URL((await v.post(`${U}/aanvragen`, {})).url).pathname;
    const step1 = await v.get(`${other}/begraafplaats`);
    await v.post(`${other}/begraafplaats`, { begraafplaats: choices(step1.html, 'begraafplaats').get('Algemene Begraafplaats Oefenstad')!, grafsoort: choices(step1.html, 'grafsoort').get('Algemeen graf')! });
    const slots = await v.get(`${other}/tijdslot?datum=${day}`);
    // The held slot is shown as taken …
    assert.match(slots.html, /disabled aria-describedby="start-0-uitleg"/);
    // … and a form posted with it anyway (a stale page) gets the clear message.
    const first = /name="start" value="([^"]+)"/.exec(slots.html)![1]!;
    const taken = await v.post(`${other}/tijdslot`, { start: first });
    assert.equal(taken.status, 409);
    assert.match(taken.html, /Dit tijdslot is zojuist door iemand anders gereserveerd/);
    const closed = await v.post(`${other}/tijdslot`, { start: `${day}T03:00:00+01:00` });
    assert.equal(closed.status, 400);
    assert.match(closed.html, /Op dat moment kan er niet begraven worden/);
  });

  it('adds other bijlagen; a missing, wrong or too large file gets a clear message and adds nothing', async () => {
    const files = (...list: [string, Buffer, string][]) => {
      const form = new FormData();
      for (const [name, data, type] of list) form.append('bijlage', new Blob([data], { type }), name);
      return form;
    };
    const none = await v.post(`${draft}/bijlagen`, new FormData());
    assert.equal(none.status, 400);
    assert.match(none.html, /Kies een of meer bestanden om toe te voegen/);
    // One wrong file among good ones: nothing is added.
    const wrong = await v.post(`${draft}/bijlagen`, files(['machtiging.pdf', PDF, 'application/pdf'], ['virus.exe', Buffer.from('MZ'), 'application/octet-stream']));
    assert.equal(wrong.status, 400);
    assert.match(wrong.html, /Het bestand virus\.exe is geen PDF, PNG of JPEG/);
    assert.match(wrong.html, /aria-invalid="true"/);
    const big = await v.post(`${draft}/bijlagen`, files(['groot.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 0x25), 'application/pdf']));
    assert.equal(big.status, 400);
    assert.match(big.html, /Het bestand groot\.pdf is te groot: hoogstens 10 MB per bestand/);
    assert.doesNotMatch(big.html, /at .*\.ts:\d+/);
    assert.match(big.html, /Er zijn nog geen bijlagen toegevoegd/);
    const added = await v.post(`${draft}/bijlagen`, files(['machtiging.pdf', PDF, 'application/pdf'], ['monument.png', Buffer.from('\x89PNG\r\n'), 'image/png']));
    assert.equal(added.status, 200, alerts(added.html).join());
    assert.match(added.html, /Bijlage: machtiging\.pdf[^]*Bijlage: monument\.png/);
  });

  it('submits: the zaak with rollen, zaakobject, verlof, bijlagen, status; the reservation aangevraagd', async () => {
    const check = await v.get(`${draft}/controle`);
    assert.match(check.html, /Hendrika van den Berg/);
    assert.match(check.html, /Gebruik van de aula, Dragers van de gemeente/);
    assert.match(check.html, /Bijlage: machtiging\.pdf, Bijlage: monument\.png/);
    const submitted = await v.post(`${draft}/indienen`, {});
    assert.equal(submitted.status, 200, alerts(submitted.html).join());
    const identificatie = /<h1 class="utrecht-heading-1">Aanvraag ([^<]+)<\/h1>/.exec(submitted.html)?.[1];
    assert.ok(identificatie, submitted.html);
    const zaken = await p.server.call('GET', `/zaken/api/v1/zaken?identificatie=${identificatie}`, { headers: { 'accept-crs': 'EPSG:4326' } });
    const zaak = zaken.body.results[0];
    zaakPath = `${G}/zaken/${zaak.uuid}`;
    const rollen = (await p.server.call('GET', `/zaken/api/v1/rollen?zaak=${encodeURIComponent(zaak.url)}`, { headers: { verwerkingsactiviteit: VERWERKINGSACTIVITEIT_BEGRAVEN } })).body.results;
    assert.deepEqual(rollen.map((r: any) => [r.betrokkeneType, r.betrokkeneIdentificatie.inpBsn ?? r.betrokkeneIdentificatie.statutaireNaam]).sort(), [
      ['natuurlijk_persoon', '999991723'],
      ['natuurlijk_persoon', '999995571'],
      ['niet_natuurlijk_persoon', 'Uitvaartonderneming De Laatste Eer'],
    ]);
    const objecten = (await p.server.call('GET', `/zaken/api/v1/zaakobjecten?zaak=${encodeURIComponent(zaak.url)}`)).body.results;
    assert.equal(objecten.length, 1);
    assert.equal(objecten[0].objectTypeOverige, 'grafplaats');
    assert.match(objecten[0].object, /\/begraafplaatsen\/api\/v1\/grafplaatsen\//);
    // The verlof and both bijlagen linked to the zaak, each as its own informatieobjecttype.
    const zios = (await p.server.call('GET', `/zaken/api/v1/zaakinformatieobjecten?zaak=${encodeURIComponent(zaak.url)}`)).body;
    assert.deepEqual(zios.map((z: any) => z.titel).sort(), ['Bijlage begrafenis', 'Bijlage begrafenis', 'Verlof tot begraven']);
    const typen = await Promise.all(zios.map(async (z: any) => {
      const io = (await p.server.call('GET', new URL(z.informatieobject).pathname)).body;
      return (await p.server.call('GET', new URL(io.informatieobjecttype).pathname)).body.omschrijving;
    }));
    assert.deepEqual(typen.sort(), ['Bijlage begrafenis', 'Bijlage begrafenis', 'Verlof tot begraven']);
    // The funeral director's own page lists them, fetched from the sources.
    assert.match(submitted.html, /Bijlage: machtiging\.pdf/);
    const reserveringen = (await p.server.call('GET', `/begraafplaatsen/api/v1/reserveringen?zaak=${encodeURIComponent(zaak.url)}`)).body.results;
    assert.deepEqual(reserveringen.map((r: any) => r.status), ['aangevraagd']);
    assert.ok(zaak.status);
    // Each BRP look-up is in the Logboek dataverwerkingen, for the verwerkingsactiviteit Begraven.
    const logged = await p.server.og.logboek.find(p.server.og.database.db, { subject: { type: 'BSN', id: '999991723' } });
    assert.ok(logged.length > 0);
    assert.ok(logged.every((r) => (r.verwerkingsactiviteit as { id: string }).id === 'https://opengrond.example/verwerkingsactiviteiten/begraven'));
    // Only references are kept by the app: BSNs and URLs, no names.
    const rows = await p.server.og.database.db.selectFrom('begrafenisplanner.aanvraag').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes('Berg'));
    // The FSC transaction log of the uitvaartonderneming holds its calls to every source.
    let services = new Set<string>();
    const outgoing = async () => new Set((await p.group.uitvaart.store.db.selectFrom('fsc.transaction_logs').select('service_name').where('direction', '=', 'DIRECTION_OUTGOING').execute()).map((r) => r.service_name as string));
    await until('every source in the outway log', async () => ['zaken', 'brp', 'begraafplaatsen', 'documenten', 'catalogi', 'notificaties'].every((s) => services.has(s)) || ((services = await outgoing()), false) || undefined);
  });

  it('the uitvaartonderneming may request, not plan: its client can not confirm the slot or set a later status', async () => {
    const uitvaart = connectSources(p.connections.uitvaartonderneming);
    const zaak = p.connections.gemeente.origin + '/zaken/api/v1/zaken/' + zaakPath.split('/').pop();
    const [reservering] = await uitvaart.begraafplaatsen.reserveringen({ zaak });
    const confirm = await uitvaart.begraafplaatsen.wijzig(reservering!.url, { status: 'bevestigd' }).catch((e: unknown) => e);
    assert.ok(confirm instanceof SourceError && confirm.status === 403, String(confirm));
    const begraven = await uitvaart.catalogi.begraven();
    const ingepland = begraven.statustypen.find((t) => t.omschrijving === 'Ingepland')!;
    const status = await uitvaart.zaken.zetStatus({ zaak, statustype: ingepland.url }).catch((e: unknown) => e);
    assert.ok(status instanceof SourceError && status.status === 403, String(status));
  });

  it('gemeente: the work list and the detail, fetched from the sources', async () => {
    const list = await v.get(G);
    assert.equal(list.status, 200);
    assert.ok(links(list.html, /ZAAK-/).some((href) => href === zaakPath));
    const detail = await v.get(zaakPath);
    assert.equal(detail.status, 200);
    assert.match(detail.html, /Hendrika van den Berg, overleden/);
    assert.match(detail.html, /Pieter van den Berg/);
    assert.match(detail.html, /Verlof tot begraven/);
    assert.match(detail.html, /Bijlage: machtiging\.pdf[^]*monument\.png/);
    const bijlage = await fetch(new URL(links(detail.html, /Bijlage: machtiging\.pdf/)[0]!, p.base));
    assert.equal(bijlage.status, 200);
    assert.deepEqual(Buffer.from(await bijlage.arrayBuffer()), PDF);
    const noReason = await v.post(`${zaakPath}/afwijzen`, { reden: ' ' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.html, /Vul de reden van de afwijzing in/);
  });

  it('gemeente reschedules and confirms; the PDF is in Documenten; the funeral director sees it by notificatie', async () => {
    const detail = await v.get(`${zaakPath}?datum=${day}`);
    const later = [...choices(detail.html, 'start').values()].at(-1)!;
    const moved = await v.post(`${zaakPath}/verplaatsen`, { start: later });
    assert.equal(moved.status, 200, alerts(moved.html).join());
    assert.match(alerts(moved.html).join(), /verplaatst/);
    const confirmed = await v.post(`${zaakPath}/bevestigen`, {});
    assert.equal(confirmed.status, 200, alerts(confirmed.html).join());
    assert.match(confirmed.html, /Bevestiging begrafenis/);
    // The funeral director's overview changes when the notificatie arrives (no polling by the app).
    const overview = await until('the status by notificatie', async () => {
      const page = await v.get(U);
      return /Begrafenis gepland|Ingepland|Bevestigd/.test(page.html) ? page : undefined;
    });
    const own = links(overview.html, /Aanvraag van/)[0]!;
    const mine = await v.get(own);
    assert.match(alerts(mine.html).join(), /De gemeente heeft de begrafenis bevestigd/);
    const pdfLink = links(mine.html, /Bevestiging begrafenis/)[0]!;
    const pdf = await fetch(new URL(pdfLink, p.base));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });

  it('gemeente rejects another request with a reason: reservation cancelled, status set', async () => {
    const path = await fillDraft(v, { day, slot: 1, overledene: '999993653', rechthebbende: '999990627' });
    const submitted = await v.post(`${path}/indienen`, {});
    assert.equal(submitted.status, 200, alerts(submitted.html).join());
    const list = await v.get(G);
    const zaak = links(list.html, /ZAAK-/).find((href) => href !== zaakPath)!;
    const rejected = await v.post(`${zaak}/afwijzen`, { reden: 'Het graf is niet geschikt.' });
    assert.equal(rejected.status, 200, alerts(rejected.html).join());
    assert.match(rejected.html, /Afgewezen: Het graf is niet geschikt/);
    assert.match(rejected.html, /reservering geannuleerd/);
    assert.doesNotMatch(rejected.html, /Behandelen/);
  });

  it('calendar per cemetery shows the week with the confirmed burial', async () => {
    const cal = await v.get(`${G}/kalender?week=${day}`);
    assert.equal(cal.status, 200);
    assert.match(cal.html, /bevestigd/);
    assert.ok(links(cal.html, /zaak openen/).includes(zaakPath));
  });

  it('a source out of reach (the Outway is down): a clear message, what was filled in is kept', async () => {
    const path = new URL((await v.post(`${U}/aanvragen`, {})).url).pathname;
    await v.post(`${path}/extra`, { product: 'koffiekamer' });
    await p.group.uitvaart.outway.close();
    const page = await v.get(`${path}/begraafplaats`);
    assert.equal(page.status, 502);
    assert.match(page.html, /De Begraafplaatsen API is op dit moment niet bereikbaar\. Probeer het over een paar minuten opnieuw; wat u al had ingevuld is bewaard\./);
    assert.match((await v.get(`${path}/extra`)).html, /value="koffiekamer" checked/);
  });

  it('unknown pages and ids get a page, never a stack trace', async () => {
    const missing = await v.get(`${U}/aanvragen/00000000-0000-0000-0000-000000000000`);
    assert.equal(missing.status, 404);
    assert.match(missing.html, /Deze aanvraag bestaat niet/);
    const zaak = await v.get(`${G}/zaken/00000000-0000-4000-8000-000000000000`);
    assert.equal(zaak.status, 404);
    assert.doesNotMatch(zaak.html, /at .*\.ts:\d+/);
  });
});
