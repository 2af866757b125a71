import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { API, BEHEERDER, begraafplaatsNamed, expire, LEZER, RESERVEERDER, startBegraafplaatsenServer, werkdagen, zondag } from './fixtures.ts';

describe('Begraafplaatsen API: reserveringen', () => {
  let server: TestServer;
  let oefenstad: { url: string; uuid: string; sluitingsdagen: string[] };
  let rustoord: { url: string; uuid: string; sluitingsdagen: string[] };
  /** Slots nobody used yet, handed out one per test so tests do not share slots. */
  let slots: string[] = [];
  /** The day of the first slots. */
  let eersteDag: string;
  const slot = () => slots.shift()!;
  const reserve = (body: Record<string, unknown>, client = RESERVEERDER) => server.call('POST', `${API}/reserveringen`, { body, client });
  const patch = (url: string, body: Record<string, unknown>, client = RESERVEERDER) => server.call('PATCH', url, { body, client });
  /** A free grafplaats of a begraafplaats that no earlier test took. */
  const taken = new Set<string>();
  const freeGrafplaats = async (begraafplaats: { url: string }) => {
    for (const graf of (await server.call('GET', `${API}/graven?begraafplaats=${encodeURIComponent(begraafplaats.url)}&beschikbaar=true`)).body.results) {
      for (const p of (await server.call('GET', `${API}/grafplaatsen?graf=${encodeURIComponent(graf.url)}&beschikbaar=true`)).body.results) {
        if (!taken.has(p.url)) {
          taken.add(p.url);
          return p.url as string;
        }
      }
    }
    throw new Error('geen vrije grafplaats');
  };

  before(async () => {
    server = await startBegraafplaatsenServer();
    oefenstad = await begraafplaatsNamed(server, 'Algemene Begraafplaats Oefenstad');
    rustoord = await begraafplaatsNamed(server, 'Begraafplaats Rustoord');
    for (const datum of werkdagen(oefenstad, 6)) {
      const { body } = await server.call('GET', `${API}/tijdsloten?begraafplaats=${encodeURIComponent(oefenstad.url)}&datum=${datum}`);
      slots.push(...body.map((s: { start: string }) => s.start));
    }
    eersteDag = slots[0]!.slice(0, 10);
  });
  after(() => server?.close());

  it('holds a slot voorlopig for 30 minutes, with audit and notificatie in the same transaction', async () => {
    const start = slot();
    const before = Date.now();
    const { status, body, headers } = await reserve({ begraafplaats: oefenstad.url, start });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(headers.get('location'), body.url);
    assert.equal(body.status, 'voorlopig');
    assert.equal(body.begraafplaats, oefenstad.url);
    assert.equal(body.start, start);
    assert.equal(Date.parse(body.eind) - Date.parse(body.start), 60 * 60_000);
    assert.equal(body.grafplaats, null);
    assert.equal(body.zaak, null);
    const verloopt = Date.parse(body.verlooptOp);
    assert.ok(verloopt >= before + 29 * 60_000 && verloopt <= Date.now() + 31 * 60_000, body.verlooptOp);
    assert.deepEqual((await server.call('GET', body.url, { client: LEZER })).body, body);

    const events = await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'begraafplaatsen', resourceUrl: body.url });
    assert.equal(events.length, 1);
    assert.deepEqual([events[0]!.resource, events[0]!.actie, events[0]!.hoofdObject, events[0]!.kenmerken], ['reservering', 'create', body.url, { begraafplaats: oefenstad.url }]);
    const audit = await auditTrail(server.og.database.db, body.url);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.applicatieId, RESERVEERDER.clientId);
    assert.equal(audit[0]!.actie, 'create');

    const slotsOfDay = (await server.call('GET', `${API}/tijdsloten?begraafplaats=${encodeURIComponent(oefenstad.url)}&datum=${start.slice(0, 10)}`)).body;
    assert.equal(slotsOfDay.find((s: { start: string }) => s.start === start).beschikbaar, false);
  });

  it('refuses a held slot with 409 tijdslot-bezet, and writes nothing for it', async () => {
    const start = slot();
    assert.equal((await reserve({ begraafplaats: oefenstad.url, start })).status, 201);
    const outboxBefore = (await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'begraafplaatsen' })).length;
    // The same instant written in UTC is the same slot.
    const second = await reserve({ begraafplaats: oefenstad.url, start: new Date(start).toISOString() });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'tijdslot-bezet');
    assert.match(second.headers.get('content-type')!, /^application\/problem\+json/);
    assert.equal((await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'begraafplaatsen' })).length, outboxBefore);
    // The other begraafplaats has its own slots.
    assert.equal((await reserve({ begraafplaats: rustoord.url, start })).status, 201);
  });

  it('books a slot exactly once under 20 concurrent requests', async () => {
    const start = slot();
    const answers = await Promise.all(Array.from({ length: 20 }, () => reserve({ begraafplaats: oefenstad.url, start })));
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [201, ...Array(19).fill(409)]);
    assert.ok(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'tijdslot-bezet'));
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM begraafplaatsen.reservering WHERE begraafplaats = ${oefenstad.uuid} AND start = ${new Date(start)}`.execute(server.og.database.db);
    assert.equal(Number(rows[0]!.n), 1);
  });

  it('lets an expired voorlopig hold go: the slot is free again, also under concurrent requests, and the old one cannot be submitted', async () => {
    const start = slot();
    const first = (await reserve({ begraafplaats: oefenstad.url, start })).body;
    await expire(server, first.uuid);
    const read = (await server.call('GET', first.url)).body;
    assert.equal(read.status, 'verlopen');
    const day = (await server.call('GET', `${API}/tijdsloten?begraafplaats=${encodeURIComponent(oefenstad.url)}&datum=${start.slice(0, 10)}`)).body;
    assert.equal(day.find((s: { start: string }) => s.start === start).beschikbaar, true);

    const answers = await Promise.all(Array.from({ length: 10 }, () => reserve({ begraafplaats: oefenstad.url, start })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, ...Array(9).fill(409)]);

    const submit = await patch(first.url, { status: 'aangevraagd' });
    assert.equal(submit.status, 409);
    assert.equal(submit.body.code, 'reservering-verlopen');
    assert.equal((await server.call('GET', `${API}/reserveringen?begraafplaats=${encodeURIComponent(oefenstad.url)}&status=verlopen`)).body.results.some((r: { url: string }) => r.url === first.url), true);
  });

  it('refuses a start that is no slot: off the grid, outside the hours, past, Sunday, a sluitingsdag', async () => {
    const [datum] = werkdagen(oefenstad, 1);
    for (const start of [`${datum}T09:30:00+01:00`, `${datum}T16:00:00`, `${datum}T08:00:00`, '2020-01-06T09:00:00+01:00', `${zondag()}T10:00:00`, '2027-12-27T10:00:00+01:00']) {
      const answer = await reserve({ begraafplaats: oefenstad.url, start });
      assert.equal(answer.status, 400, start);
      assert.equal(answer.body.code, 'geen-tijdslot', start);
      assert.equal(answer.body.invalidParams[0].name, 'start');
    }
    // Without an offset the time is Amsterdam's: 10:00 local is a slot.
    const local = await reserve({ begraafplaats: oefenstad.url, start: slot().slice(0, 19) });
    assert.equal(local.status, 201, JSON.stringify(local.body));
  });

  it('validates the body: unknown begraafplaats, missing start', async () => {
    const unknown = await reserve({ begraafplaats: 'https://elders.example/begraafplaatsen/api/v1/begraafplaatsen/1', start: slots[0] });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.invalidParams[0].name, 'begraafplaats');
    const missing = await reserve({ begraafplaats: oefenstad.url });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.invalidParams[0].name, 'start');
  });

  it('holds a grafplaats: never reserved twice, not when bezet, only on its own begraafplaats', async () => {
    const grafplaats = await freeGrafplaats(oefenstad);
    const first = await reserve({ begraafplaats: oefenstad.url, start: slot(), grafplaats });
    assert.equal(first.status, 201);
    assert.equal(first.body.grafplaats, grafplaats);
    assert.equal((await server.call('GET', grafplaats)).body.status, 'gereserveerd');
    const second = await reserve({ begraafplaats: oefenstad.url, start: slot(), grafplaats });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'grafplaats-bezet');

    const concurrent = await freeGrafplaats(oefenstad);
    const answers = await Promise.all(Array.from({ length: 5 }, () => reserve({ begraafplaats: oefenstad.url, start: slot(), grafplaats: concurrent })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409]);
    assert.ok(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'grafplaats-bezet'));

    const bezet = (await server.call('GET', `${API}/grafplaatsen?beschikbaar=false`)).body.results.find((p: { status: string }) => p.status === 'bezet');
    const graf = (await server.call('GET', bezet.graf)).body;
    const onBezet = await reserve({ begraafplaats: graf.begraafplaats, start: slot(), grafplaats: bezet.url });
    assert.equal(onBezet.status, 409);
    assert.equal(onBezet.body.code, 'grafplaats-bezet');

    const elsewhere = await reserve({ begraafplaats: oefenstad.url, start: slot(), grafplaats: await freeGrafplaats(rustoord) });
    assert.equal(elsewhere.status, 400);
    assert.equal(elsewhere.body.invalidParams[0].code, 'andere-begraafplaats');
  });

  it('an expired hold no longer holds its grafplaats', async () => {
    const grafplaats = await freeGrafplaats(oefenstad);
    const first = (await reserve({ begraafplaats: oefenstad.url, start: slot(), grafplaats })).body;
    await expire(server, first.uuid);
    assert.equal((await server.call('GET', grafplaats)).body.status, 'vrij');
    assert.equal((await reserve({ begraafplaats: oefenstad.url, start: slot(), grafplaats })).status, 201);
  });

  it('submits, confirms (beheren only) and refuses other transitions', async () => {
    const r = (await reserve({ begraafplaats: oefenstad.url, start: slot() })).body;
    const zaak = 'https://zaken.example/zaken/api/v1/zaken/8f8ec8d6-0000-4000-8000-000000000001';
    const submitted = await patch(r.url, { status: 'aangevraagd', zaak });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.status, 'aangevraagd');
    assert.equal(submitted.body.verlooptOp, null);
    assert.equal(submitted.body.zaak, zaak);
    // Submitted: it no longer expires, whatever time it is.
    await expire(server, r.uuid);
    assert.equal((await server.call('GET', r.url)).body.status, 'aangevraagd');

    const back = await patch(r.url, { status: 'voorlopig' });
    assert.equal(back.status, 409);
    assert.equal(back.body.code, 'ongeldige-statusovergang');
    const notAllowed = await patch(r.url, { status: 'bevestigd' });
    assert.equal(notAllowed.status, 403);
    const confirmed = await patch(r.url, { status: 'bevestigd' }, BEHEERDER);
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.status, 'bevestigd');
    const readOnly = await patch(r.url, { status: 'geannuleerd' }, LEZER);
    assert.equal(readOnly.status, 403);

    const byZaak = (await server.call('GET', `${API}/reserveringen?zaak=${encodeURIComponent(zaak)}`)).body;
    assert.deepEqual(byZaak.results.map((x: { url: string }) => x.url), [r.url]);
    const audit = await auditTrail(server.og.database.db, r.url);
    assert.deepEqual(audit.map((a) => a.actie), ['create', 'partial_update', 'partial_update']);
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: r.url });
    assert.deepEqual(events.map((e) => e.actie), ['create', 'partial_update', 'partial_update']);
  });

  it('reschedules: the new slot is held, the old one free; onto a held slot 409, onto no slot 400', async () => {
    const [a, b, c] = [slot(), slot(), slot()];
    const r = (await reserve({ begraafplaats: oefenstad.url, start: a })).body;
    const other = (await reserve({ begraafplaats: oefenstad.url, start: c })).body;
    const moved = await patch(r.url, { start: b });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.start, b);
    assert.equal(Date.parse(moved.body.eind) - Date.parse(b), 60 * 60_000);
    assert.equal(moved.body.status, 'voorlopig');
    assert.equal((await reserve({ begraafplaats: oefenstad.url, start: a })).status, 201);
    const clash = await patch(r.url, { start: other.start });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.code, 'tijdslot-bezet');
    const offGrid = await patch(r.url, { start: b.replace(/T(\d\d):00/, 'T$1:15') });
    assert.equal(offGrid.status, 400);
    assert.equal(offGrid.body.code, 'geen-tijdslot');
    assert.equal((await server.call('GET', r.url)).body.start, b);
    // A confirmed one moves too and stays confirmed.
    await patch(r.url, { status: 'aangevraagd' });
    await patch(r.url, { status: 'bevestigd' }, BEHEERDER);
    const d = slot();
    const movedConfirmed = await patch(r.url, { start: d }, BEHEERDER);
    assert.equal(movedConfirmed.status, 200);
    assert.deepEqual([movedConfirmed.body.start, movedConfirmed.body.status, movedConfirmed.body.verlooptOp], [d, 'bevestigd', null]);
  });

  it('reschedules two reservations onto one slot at once: one moves, the other gets 409', async () => {
    const [a, b, target] = [slot(), slot(), slot()];
    const first = (await reserve({ begraafplaats: oefenstad.url, start: a })).body;
    const second = (await reserve({ begraafplaats: oefenstad.url, start: b })).body;
    const answers = await Promise.all([patch(first.url, { start: target }), patch(second.url, { start: target })]);
    assert.deepEqual(answers.map((x) => x.status).sort(), [200, 409]);
    assert.equal(answers.find((x) => x.status === 409)!.body.code, 'tijdslot-bezet');
  });

  it('holds the rule in the database itself: a second active reservation of a slot cannot be inserted, a cancelled one can', async () => {
    const start = new Date(slot());
    const insert = (status: string) =>
      sql`INSERT INTO begraafplaatsen.reservering (uuid, begraafplaats, start, eind, status, verloopt_op)
        VALUES (gen_random_uuid(), ${oefenstad.uuid}, ${start}, ${new Date(start.getTime() + 3_600_000)}, ${status}, now() + interval '1 hour')`.execute(server.og.database.db);
    await insert('bevestigd');
    await insert('geannuleerd');
    await assert.rejects(insert('voorlopig'), (error: { code?: string; constraint?: string }) => error.code === '23505' && error.constraint === 'reservering_tijdslot_actief');
  });

  it('cancelling frees slot and grafplaats; a cancelled one stays cancelled', async () => {
    const start = slot();
    const grafplaats = await freeGrafplaats(oefenstad);
    const r = (await reserve({ begraafplaats: oefenstad.url, start, grafplaats })).body;
    await patch(r.url, { status: 'aangevraagd' });
    const cancelled = await patch(r.url, { status: 'geannuleerd' });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'geannuleerd');
    assert.equal((await server.call('GET', grafplaats)).body.status, 'vrij');
    const again = await reserve({ begraafplaats: oefenstad.url, start, grafplaats });
    assert.equal(again.status, 201);
    const revive = await patch(r.url, { status: 'aangevraagd' });
    assert.equal(revive.status, 409);
    assert.equal(revive.body.code, 'ongeldige-statusovergang');
    const move = await patch(r.url, { start: slot() });
    assert.equal(move.status, 409);
  });

  it('deletes a reservering: 204, the slot is free, audit and notificatie destroy', async () => {
    const start = slot();
    const r = (await reserve({ begraafplaats: oefenstad.url, start })).body;
    const deleted = await server.call('DELETE', r.url, { client: RESERVEERDER });
    assert.equal(deleted.status, 204);
    assert.equal((await server.call('GET', r.url)).status, 404);
    assert.equal((await reserve({ begraafplaats: oefenstad.url, start })).status, 201);
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: r.url });
    assert.deepEqual(events.map((e) => e.actie), ['create', 'destroy']);
  });

  it('lists reserveringen per begraafplaats and day, paginated', async () => {
    const datum = eersteDag;
    const { status, body } = await server.call('GET', `${API}/reserveringen?begraafplaats=${encodeURIComponent(oefenstad.url)}&datum=${datum}`);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['count', 'next', 'previous', 'results']);
    assert.ok(body.count >= 7, String(body.count));
    assert.ok(body.results.every((r: { begraafplaats: string; start: string }) => r.begraafplaats === oefenstad.url && r.start.startsWith(datum)));
    const starts = body.results.map((r: { start: string }) => Date.parse(r.start));
    assert.deepEqual(starts, [...starts].sort((x: number, y: number) => x - y));
    assert.equal((await server.call('GET', `${API}/reserveringen?page=2`)).status, 404);
  });
});

describe('Begraafplaatsen API: the hold time is configurable', () => {
  let server: TestServer;
  before(async () => {
    server = await startBegraafplaatsenServer({ reserveringGeldigheid: 5 });
  });
  after(() => server?.close());

  it('holds for --reservering-geldigheid minutes', async () => {
    const b = await begraafplaatsNamed(server, 'Begraafplaats Rustoord');
    const [datum] = werkdagen(b, 1);
    const { body } = await server.call('POST', `${API}/reserveringen`, { body: { begraafplaats: b.url, start: `${datum}T11:00:00` }, client: RESERVEERDER });
    const minutes = (Date.parse(body.verlooptOp) - Date.now()) / 60_000;
    assert.ok(minutes > 4 && minutes <= 5, String(minutes));
  });
});
