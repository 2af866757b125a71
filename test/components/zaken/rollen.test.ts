import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { client, grant, insertZaak, publishedZaaktype, startRemote, startZakenServer, type RemoteServer, type Zaaktype } from './sub-resource-fixtures.ts';
import { ZAKEN } from './fixtures.ts';

const BEPERKT = client('rol-beperkt');
const GEFORCEERD = client('rol-geforceerd');

let server: TestServer;
let remote: RemoteServer;
let zt: Zaaktype;
let other: Zaaktype;

before(async () => {
  server = await startZakenServer([BEPERKT, GEFORCEERD]);
  remote = await startRemote(server);
  zt = await publishedZaaktype(server, 'ROL-A');
  other = await publishedZaaktype(server, 'ROL-B');
  await grant(server, BEPERKT.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'intern' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'intern' }]);
});
after(async () => {
  await remote.close();
  await server.close();
});

const rol = (zaak: string, extra: Record<string, unknown> = {}) => ({
  zaak,
  betrokkeneType: 'natuurlijk_persoon',
  roltype: zt.roltypen.behandelaar,
  roltoelichting: 'behandelt',
  betrokkeneIdentificatie: { inpBsn: '111222333', geslachtsnaam: 'Jansen' },
  ...extra,
});

describe('rollen', () => {
  it('creates a rol: omschrijving from its roltype, registratiedatum now, betrokkeneIdentificatie kept; audited and announced', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const created = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { indicatieMachtiging: 'gemachtigde', contactpersoonRol: { naam: 'Piet', emailadres: 'piet@example.com' } }), headers: { 'X-Audit-Toelichting': 'aanvraag' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.match(created.body.url, new RegExp(`^${server.baseUrl}${ZAKEN}/rollen/[0-9a-f-]{36}$`));
    const { url, uuid, registratiedatum, ...rest } = created.body;
    assert.equal(url.endsWith(uuid), true);
    assert.equal(registratiedatum.slice(0, 10), new Date().toISOString().slice(0, 10));
    assert.deepEqual(rest, {
      zaak,
      betrokkene: '',
      betrokkeneType: 'natuurlijk_persoon',
      afwijkendeNaamBetrokkene: '',
      roltype: zt.roltypen.behandelaar,
      omschrijving: 'Behandelaar',
      omschrijvingGeneriek: 'behandelaar',
      roltoelichting: 'behandelt',
      indicatieMachtiging: 'gemachtigde',
      contactpersoonRol: { naam: 'Piet', emailadres: 'piet@example.com' },
      statussen: [],
      betrokkeneIdentificatie: { inpBsn: '111222333', geslachtsnaam: 'Jansen' },
    });
    const read = await server.call('GET', url);
    assert.deepEqual([read.status, read.body], [200, created.body]);
    assert.ok(read.headers.get('etag'));

    const [audit] = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === url);
    assert.deepEqual([audit!.resource, audit!.actie, audit!.resultaat, audit!.toelichting, audit!.resourceWeergave], ['rol', 'create', 201, 'aanvraag', 'Behandelaar']);
    const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: url });
    assert.deepEqual([event!.kanaal, event!.hoofdObject, event!.resource, event!.actie, event!.kenmerken], ['zaken', zaak, 'rol', 'create', { bronorganisatie: '000000000', zaaktype: zt.url, vertrouwelijkheidaanduiding: 'openbaar' }]);
  });

  it('validates betrokkeneIdentificatie against the variant of betrokkeneType, for all five', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const variants: [string, Record<string, unknown>][] = [
      ['natuurlijk_persoon', { inpBsn: '123456782', verblijfsadres: { aoaIdentificatie: 'a', wplWoonplaatsNaam: 'Utrecht', gorOpenbareRuimteNaam: 'Straat', aoaHuisnummer: 1 } }],
      ['niet_natuurlijk_persoon', { innNnpId: '12345678', innRechtsvorm: 'stichting' }],
      ['vestiging', { vestigingsNummer: '000012345678', handelsnaam: ['Bakkerij'] }],
      ['organisatorische_eenheid', { identificatie: 'OE-1', naam: 'Burgerzaken' }],
      ['medewerker', { identificatie: 'mw-1', achternaam: 'Smit' }],
    ];
    for (const [betrokkeneType, betrokkeneIdentificatie] of variants) {
      const created = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { betrokkeneType, betrokkeneIdentificatie }) });
      assert.equal(created.status, 201, `${betrokkeneType}: ${JSON.stringify(created.body)}`);
      assert.deepEqual(created.body.betrokkeneIdentificatie, betrokkeneIdentificatie);
    }
    const wrong = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { betrokkeneIdentificatie: { inpBsn: '1234567890', verblijfsadres: { aoaIdentificatie: 'a' } } }) });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]).sort(), [
      ['betrokkeneIdentificatie.inpBsn', 'max_length'],
      ['betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer', 'required'],
      ['betrokkeneIdentificatie.verblijfsadres.gorOpenbareRuimteNaam', 'required'],
      ['betrokkeneIdentificatie.verblijfsadres.wplWoonplaatsNaam', 'required'],
    ]);
    const medewerker = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { betrokkeneType: 'medewerker', betrokkeneIdentificatie: { identificatie: 'x'.repeat(25) } }) });
    assert.deepEqual([medewerker.status, medewerker.body.invalidParams[0].name, medewerker.body.invalidParams[0].code], [400, 'betrokkeneIdentificatie.identificatie', 'max_length']);
    const missing = await server.call('POST', `${ZAKEN}/rollen`, { body: { zaak, betrokkeneType: 'natuurlijk_persoon', betrokkene: 'https://brp.example/personen/1' } });
    assert.deepEqual(missing.body.invalidParams.map((p: { name: string }) => p.name).sort(), ['roltoelichting', 'roltype']);
  });

  it('refuses a roltype of another zaaktype (zrc-019), one that is no roltype, a second initiator, and a rol without betrokkene', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    // As ztc-019 sends it: no betrokkene either; the zaaktype rule comes first.
    const mismatch = await server.call('POST', `${ZAKEN}/rollen`, { body: { zaak, betrokkeneType: 'natuurlijk_persoon', roltype: other.roltypen.behandelaar, roltoelichting: 'bla' } });
    assert.equal(mismatch.status, 400);
    assert.deepEqual(mismatch.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [
      ['nonFieldErrors', 'zaaktype-mismatch'],
      ['nonFieldErrors', 'invalid-betrokkene'],
    ]);
    const badUrl = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { roltype: `${remote.url}/catalogi/api/v1/roltypen/${randomUUID()}` }) });
    assert.deepEqual([badUrl.status, badUrl.body.invalidParams[0].name, badUrl.body.invalidParams[0].code], [400, 'roltype', 'bad-url']);
    const notARoltype = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { roltype: zt.eigenschap }) });
    assert.deepEqual([notARoltype.status, notARoltype.body.invalidParams[0].name, notARoltype.body.invalidParams[0].code], [400, 'roltype', 'invalid-resource']);

    const eerste = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { roltype: zt.roltypen.initiator }) });
    assert.equal(eerste.status, 201);
    const tweede = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { roltype: zt.roltypen.initiator }) });
    assert.deepEqual([tweede.status, tweede.body.invalidParams], [400, [{ name: 'roltype', code: 'max-occurences', reason: 'There are already 1 `initiator` occurences' }]]);

    const zonder = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { betrokkeneIdentificatie: {} }) });
    assert.deepEqual([zonder.status, zonder.body.invalidParams[0].code], [400, 'invalid-betrokkene']);
    const perUrl = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak, { betrokkeneIdentificatie: undefined, betrokkene: 'https://brp.example/personen/1' }) });
    assert.deepEqual([perUrl.status, perUrl.body.betrokkene, 'betrokkeneIdentificatie' in perUrl.body], [201, 'https://brp.example/personen/1', false]);

    const unknownZaak = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(`${server.baseUrl}${ZAKEN}/zaken/${randomUUID()}`) });
    assert.deepEqual([unknownZaak.status, unknownZaak.body.invalidParams[0].name, unknownZaak.body.invalidParams[0].code], [400, 'zaak', 'does_not_exist']);
    const archived = await insertZaak(server, { zaaktype: zt.url, archiefstatus: 'gearchiveerd' });
    const toArchived = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(archived) });
    assert.deepEqual([toArchived.status, toArchived.body.invalidParams[0].code], [400, 'zaak-archiefstatus-invalid']);
    assert.equal((await server.og.database.db.selectFrom('zaken.rol').select('id').where('roltype', '=', new URL(other.roltypen.behandelaar).pathname).execute()).length, 0, 'no partial write');
  });

  it('changes a closed zaak only with zaken.geforceerd-bijwerken (zrc-007f/l), and a zaak outside the rights not at all', async () => {
    const gesloten = await insertZaak(server, { zaaktype: zt.url, einddatum: '2024-02-01' });
    const admin = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(gesloten) });
    assert.equal(admin.status, 201);
    const refused = await server.call('POST', `${ZAKEN}/rollen`, { client: BEPERKT, body: rol(gesloten) });
    assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied']);
    assert.equal((await server.call('DELETE', admin.body.url, { client: BEPERKT })).status, 403);
    const forced = await server.call('POST', `${ZAKEN}/rollen`, { client: GEFORCEERD, body: rol(gesloten) });
    assert.equal(forced.status, 201);
    assert.equal((await server.call('DELETE', forced.body.url, { client: GEFORCEERD })).status, 204);

    const open = await insertZaak(server, { zaaktype: zt.url });
    assert.equal((await server.call('POST', `${ZAKEN}/rollen`, { client: BEPERKT, body: rol(open) })).status, 201);
    const geheim = await insertZaak(server, { zaaktype: zt.url, vertrouwelijkheidaanduiding: 'geheim' });
    assert.equal((await server.call('POST', `${ZAKEN}/rollen`, { client: BEPERKT, body: rol(geheim) })).status, 403);
    const anders = await insertZaak(server, { zaaktype: other.url });
    const ander = await server.call('POST', `${ZAKEN}/rollen`, { body: rol(anders, { roltype: other.roltypen.behandelaar }) });
    assert.equal((await server.call('GET', ander.body.url, { client: BEPERKT })).status, 403);
    assert.equal((await server.call('GET', `${ZAKEN}/rollen/${randomUUID()}`)).status, 404);
  });

  it('lists the rollen of readable zaken, filtered by zaak, betrokkene, type, identificatie, roltype and omschrijving', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url, vertrouwelijkheidaanduiding: 'intern' });
    const geheim = await insertZaak(server, { zaaktype: zt.url, vertrouwelijkheidaanduiding: 'geheim' });
    const post = async (body: Record<string, unknown>) => (await server.call('POST', `${ZAKEN}/rollen`, { body })).body.url as string;
    const persoon = await post(rol(zaak, { betrokkene: 'https://brp.example/personen/999' }));
    const bedrijf = await post(rol(zaak, { betrokkeneType: 'niet_natuurlijk_persoon', betrokkeneIdentificatie: { innNnpId: '87654321', annIdentificatie: 'ANN-1' } }));
    const vestiging = await post(rol(zaak, { betrokkeneType: 'vestiging', betrokkeneIdentificatie: { vestigingsNummer: 'V-77' } }));
    const eenheid = await post(rol(zaak, { betrokkeneType: 'organisatorische_eenheid', betrokkeneIdentificatie: { identificatie: 'OE-7' } }));
    const medewerker = await post(rol(zaak, { betrokkeneType: 'medewerker', betrokkeneIdentificatie: { identificatie: 'OE-7' }, roltype: zt.roltypen.initiator }));
    const anp = await post(rol(zaak, { betrokkeneIdentificatie: { anpIdentificatie: 'ANP-3', inpA_nummer: '1234567890' } }));
    const verborgen = await post(rol(geheim));

    const list = async (query: string, who = BEPERKT) => {
      const answer = await server.call('GET', `${ZAKEN}/rollen?zaak=${encodeURIComponent(zaak)}&${query}`, { client: who });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.results.map((r: { url: string }) => r.url);
    };
    assert.deepEqual(await list(''), [persoon, bedrijf, vestiging, eenheid, medewerker, anp]);
    assert.deepEqual(await list('betrokkene=https://brp.example/personen/999'), [persoon]);
    assert.deepEqual(await list('betrokkeneType=vestiging'), [vestiging]);
    assert.deepEqual(await list('betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333'), [persoon]);
    assert.deepEqual(await list('betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=ANP-3'), [anp]);
    assert.deepEqual(await list('betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer=1234567890'), [anp]);
    assert.deepEqual(await list('betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=87654321'), [bedrijf]);
    assert.deepEqual(await list('betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie=ANN-1'), [bedrijf]);
    assert.deepEqual(await list('betrokkeneIdentificatie__vestiging__vestigingsNummer=V-77'), [vestiging]);
    // The same identificatie under two types: each filter names its own.
    assert.deepEqual(await list('betrokkeneIdentificatie__organisatorischeEenheid__identificatie=OE-7'), [eenheid]);
    assert.deepEqual(await list('betrokkeneIdentificatie__medewerker__identificatie=OE-7'), [medewerker]);
    assert.deepEqual(await list(`roltype=${encodeURIComponent(zt.roltypen.initiator)}`), [medewerker]);
    assert.deepEqual(await list('omschrijving=Aanvrager'), [medewerker]);
    assert.deepEqual(await list('omschrijvingGeneriek=behandelaar&betrokkeneType=medewerker'), []);

    const all = await server.call('GET', `${ZAKEN}/rollen?zaak=${encodeURIComponent(geheim)}`);
    assert.deepEqual(all.body.results.map((r: { url: string }) => r.url), [verborgen]);
    const hidden = await server.call('GET', `${ZAKEN}/rollen?zaak=${encodeURIComponent(geheim)}`, { client: BEPERKT });
    assert.deepEqual([hidden.body.count, hidden.body.results], [0, []]);
    const page = await server.call('GET', `${ZAKEN}/rollen?zaak=${encodeURIComponent(zaak)}&page=1`);
    assert.deepEqual([page.body.count, page.body.next, page.body.previous], [6, null, null]);
    assert.equal((await server.call('GET', `${ZAKEN}/rollen?zaak=${encodeURIComponent(zaak)}&page=2`)).status, 404);
    assert.deepEqual((await server.call('GET', `${ZAKEN}/rollen?zaak=${encodeURIComponent('https://elders.example/zaken/1')}`)).body.count, 0);
    const wrongFilter = await server.call('GET', `${ZAKEN}/rollen?betrokkeneType=iemand`);
    assert.deepEqual([wrongFilter.status, wrongFilter.body.invalidParams[0].name], [400, 'betrokkeneType']);
    assert.equal((await server.call('GET', `${ZAKEN}/rollen?onbekend=1`)).body.invalidParams[0].code, 'unknown-parameters');
  });

  it('lists the statussen a rol set, and a deleted rol leaves no URL in them', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const created = (await server.call('POST', `${ZAKEN}/rollen`, { body: rol(zaak) })).body;
    const statusUuid = randomUUID();
    const zaakId = (await server.og.database.db.selectFrom('zaken.zaak').select('id').where('uuid', '=', zaak.split('/').pop()!).executeTakeFirstOrThrow()).id;
    await server.og.database.db
      .insertInto('zaken.status')
      .values({ uuid: statusUuid, zaak_id: zaakId, statustype: '/catalogi/api/v1/statustypen/x', datum_status_gezet: '2024-01-02T10:00:00Z', gezetdoor: `${ZAKEN}/rollen/${created.uuid}` })
      .execute();
    assert.deepEqual((await server.call('GET', created.url)).body.statussen, [`${server.baseUrl}${ZAKEN}/statussen/${statusUuid}`]);

    const deleted = await server.call('DELETE', created.url);
    assert.equal(deleted.status, 204);
    assert.equal((await server.call('GET', created.url)).status, 404);
    const status = await server.og.database.db.selectFrom('zaken.status').select('gezetdoor').where('uuid', '=', statusUuid).executeTakeFirstOrThrow();
    assert.equal(status.gezetdoor, null);
    const trail = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === created.url);
    assert.deepEqual(trail.map((a) => [a.actie, a.resultaat]), [['create', 201], ['destroy', 204]]);
    assert.deepEqual(trail[1]!.wijzigingen.oud, { ...created, statussen: [`${server.baseUrl}${ZAKEN}/statussen/${statusUuid}`] });
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.url });
    assert.deepEqual(events.map((e) => e.actie), ['create', 'destroy']);
  });
});
