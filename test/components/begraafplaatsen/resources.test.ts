import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from '../../helpers/server.ts';
import { LIMITED } from '../../helpers/server.ts';
import { seedDemoBegraafplaatsen } from '../../../src/components/begraafplaatsen/demo.ts';
import { API, begraafplaatsNamed, LEZER, startBegraafplaatsenServer, werkdagen, zondag } from './fixtures.ts';

describe('Begraafplaatsen API: begraafplaatsen, grafsoorten, graven, grafplaatsen, tijdsloten', () => {
  let server: TestServer;
  before(async () => {
    server = await startBegraafplaatsenServer();
  });
  after(() => server?.close());

  it('lists the two demo begraafplaatsen with opening hours, sluitingsdagen and slotduur', async () => {
    const { status, body } = await server.call('GET', `${API}/begraafplaatsen`, { client: LEZER });
    assert.equal(status, 200);
    assert.equal(body.count, 2);
    assert.equal(body.next, null);
    assert.deepEqual(body.results.map((b: { naam: string }) => b.naam).sort(), ['Algemene Begraafplaats Oefenstad', 'Begraafplaats Rustoord']);
    const b = body.results[0];
    assert.match(b.url, new RegExp(`${API}/begraafplaatsen/${b.uuid}$`));
    assert.equal(b.slotduur, 60);
    assert.deepEqual(b.openingstijden[0], { weekdag: 1, van: '09:00', tot: '16:00' });
    assert.deepEqual(b.openingstijden.at(-1), { weekdag: 6, van: '10:00', tot: '13:00' });
    assert.ok(b.sluitingsdagen.includes('2026-12-25'));
    const detail = await server.call('GET', b.url, { client: LEZER });
    assert.deepEqual(detail.body, b);
  });

  it('seeding again adds nothing', async () => {
    assert.equal(await seedDemoBegraafplaatsen(server.og.database.db), 0);
    assert.equal((await server.call('GET', `${API}/graven`)).body.count, 48);
  });

  it('lists the four grafsoorten', async () => {
    const { body } = await server.call('GET', `${API}/grafsoorten`);
    assert.deepEqual(body.results.map((g: { code: string }) => g.code).sort(), ['algemeen-graf', 'kindergraf', 'particulier-graf', 'urnengraf']);
    const kindergraf = body.results.find((g: { code: string }) => g.code === 'kindergraf');
    assert.equal(kindergraf.maximumBijzettingen, 1);
    assert.deepEqual((await server.call('GET', kindergraf.url)).body, kindergraf);
  });

  it('filters graven by begraafplaats, grafsoort and beschikbaar', async () => {
    const rustoord = await begraafplaatsNamed(server, 'Begraafplaats Rustoord');
    const soorten = (await server.call('GET', `${API}/grafsoorten`)).body.results;
    const urnengraf = soorten.find((g: { code: string }) => g.code === 'urnengraf');
    const { body } = await server.call('GET', `${API}/graven?begraafplaats=${encodeURIComponent(rustoord.url)}&grafsoort=${encodeURIComponent(urnengraf.url)}`);
    assert.equal(body.count, 4);
    for (const g of body.results) {
      assert.equal(g.begraafplaats, rustoord.url);
      assert.equal(g.grafsoort, urnengraf.url);
      assert.equal(g.grafplaatsen.length, 4);
    }
    // Rustoord: 18 graven; the fifth of each vak is full (1/2/3 → graf 5 in vak 1 and 2).
    const all = (await server.call('GET', `${API}/graven?begraafplaats=${encodeURIComponent(rustoord.url)}`)).body;
    const free = (await server.call('GET', `${API}/graven?begraafplaats=${encodeURIComponent(rustoord.url)}&beschikbaar=true`)).body;
    const full = (await server.call('GET', `${API}/graven?begraafplaats=${encodeURIComponent(rustoord.url)}&beschikbaar=false`)).body;
    assert.equal(all.count, 18);
    assert.equal(full.count, 2);
    assert.equal(free.count + full.count, all.count);
    assert.equal((await server.call('GET', `${API}/graven?begraafplaats=${encodeURIComponent('https://elders.example/x')}`)).body.count, 0);
  });

  it('shows grafplaatsen with their status and filters on beschikbaar', async () => {
    const graf = (await server.call('GET', `${API}/graven?beschikbaar=false`)).body.results[0];
    const plaatsen = (await server.call('GET', `${API}/grafplaatsen?graf=${encodeURIComponent(graf.url)}`)).body;
    assert.equal(plaatsen.count, graf.grafplaatsen.length);
    assert.deepEqual(plaatsen.results.map((p: { url: string }) => p.url), graf.grafplaatsen);
    assert.ok(plaatsen.results.every((p: { status: string }) => p.status === 'bezet'));
    assert.equal((await server.call('GET', `${API}/grafplaatsen?graf=${encodeURIComponent(graf.url)}&beschikbaar=true`)).body.count, 0);
    const one = (await server.call('GET', graf.grafplaatsen[0])).body;
    assert.deepEqual(Object.keys(one).sort(), ['graf', 'status', 'url', 'uuid', 'volgnummer']);
  });

  it('gives a weekday 09:00–16:00 in slots of 60 minutes, Saturday 10:00–13:00, Sunday and sluitingsdagen none', async () => {
    const b = await begraafplaatsNamed(server, 'Algemene Begraafplaats Oefenstad');
    const [datum] = werkdagen(b, 1);
    const q = (d: string) => `${API}/tijdsloten?begraafplaats=${encodeURIComponent(b.url)}&datum=${d}`;
    const { status, body } = await server.call('GET', q(datum!));
    assert.equal(status, 200);
    assert.equal(body.length, 7);
    assert.match(body[0].start, new RegExp(`^${datum}T09:00:00\\+0[12]:00$`));
    assert.match(body[6].eind, new RegExp(`^${datum}T16:00:00\\+0[12]:00$`));
    assert.ok(body.every((s: { beschikbaar: boolean; begraafplaats: string }) => s.beschikbaar && s.begraafplaats === b.url));
    const sunday = zondag();
    const saturday = new Date(Date.parse(`${sunday}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual((await server.call('GET', q(saturday))).body.map((s: { start: string }) => s.start.slice(11, 16)), ['10:00', '11:00', '12:00']);
    assert.deepEqual((await server.call('GET', q(sunday))).body, []);
    assert.deepEqual((await server.call('GET', q('2027-12-27'))).body, []);
    // Summer time: the offset follows Amsterdam.
    assert.equal((await server.call('GET', q('2027-06-07'))).body[0].start, '2027-06-07T09:00:00+02:00');
    assert.equal((await server.call('GET', q('2027-01-04'))).body[0].start, '2027-01-04T09:00:00+01:00');
  });

  it('asks for both begraafplaats and datum, and knows the begraafplaats', async () => {
    const b = await begraafplaatsNamed(server, 'Begraafplaats Rustoord');
    const missing = await server.call('GET', `${API}/tijdsloten?begraafplaats=${encodeURIComponent(b.url)}`);
    assert.equal(missing.status, 400);
    assert.match(missing.headers.get('content-type')!, /^application\/problem\+json/);
    assert.equal(missing.body.invalidParams[0].name, 'datum');
    const unknown = await server.call('GET', `${API}/tijdsloten?begraafplaats=${encodeURIComponent(`${server.baseUrl}${API}/begraafplaatsen/00000000-0000-4000-8000-000000000000`)}&datum=2027-01-04`);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.invalidParams[0].code, 'does_not_exist');
  });

  it('answers 404 problem for an unknown uuid, and 403 without a begraafplaatsen scope', async () => {
    const missing = await server.call('GET', `${API}/graven/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
    const denied = await server.call('GET', `${API}/begraafplaatsen`, { client: LIMITED });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'permission_denied');
    const anonymous = await fetch(`${server.baseUrl}${API}/begraafplaatsen`);
    assert.equal(anonymous.status, 401);
  });

  it('serves its OpenAPI document at openapi.yaml and schema/openapi.yaml', async () => {
    for (const path of ['openapi.yaml', 'schema/openapi.yaml']) {
      const response = await fetch(`${server.baseUrl}${API}/${path}`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /^openapi: 3\.0\.0[\s\S]*\/reserveringen\/\{uuid\}:/);
    }
  });
});
