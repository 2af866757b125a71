import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { CATALOGI_CLIENTS, FORCER, ROOT, WRITER, zaaktypeBody } from './fixtures.ts';

let server: TestServer;
let catalogus: string;
before(async () => {
  server = await startTestServer({ components: ['catalogi'], extraClients: CATALOGI_CLIENTS });
  catalogus = (await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'ONDER', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
});
after(() => server.close());

const zaaktype = async (identificatie: string) => (await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktypeBody(catalogus, identificatie) })).body;

describe('statustypen and roltypen', () => {
  it('belong to a zaaktype, which lists them; the last statustype is the eindstatus; a volgnummer is unique', async () => {
    const zt = await zaaktype('ONDER-1');
    const tweede = await server.call('POST', `${ROOT}/statustypen`, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'Afgerond', volgnummer: 2 } });
    assert.equal(tweede.status, 201, JSON.stringify(tweede.body));
    const eerste = await server.call('POST', `${ROOT}/statustypen`, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'Ontvangen', volgnummer: 1, checklistitemStatustype: [{ itemnaam: 'check', vraagstelling: 'Klopt het?' }] } });
    assert.equal(eerste.status, 201, JSON.stringify(eerste.body));
    assert.deepEqual(
      [eerste.body.zaaktypeIdentificatie, eerste.body.catalogus, eerste.body.isEindstatus, eerste.body.beginGeldigheid, eerste.body.checklistitemStatustype[0].itemnaam],
      ['ONDER-1', catalogus, false, '2020-01-01', 'check'],
    );
    assert.equal((await server.call('GET', tweede.body.url)).body.isEindstatus, true);
    const dubbel = await server.call('POST', `${ROOT}/statustypen`, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'Nog een', volgnummer: 2 } });
    assert.deepEqual([dubbel.status, dubbel.body.invalidParams[0].code], [400, 'unique']);

    const rol = await server.call('POST', `${ROOT}/roltypen`, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' } });
    assert.equal(rol.status, 201, JSON.stringify(rol.body));
    const read = await server.call('GET', `${zt.url}?expand=statustypen,roltypen`);
    assert.deepEqual([read.body.statustypen, read.body.roltypen], [[eerste.body.url, tweede.body.url], [rol.body.url]]);
    assert.deepEqual(read.body._expand.roltypen[0], rol.body);

    const patched = await server.call('PATCH', rol.body.url, { client: WRITER, body: { omschrijving: 'Indiener' } });
    assert.equal(patched.body.omschrijving, 'Indiener');
    const trail = await auditTrail(server.og.database.db, zt.url);
    assert.deepEqual(trail.filter((t) => t.resource !== 'zaaktype').map((t) => [t.resource, t.actie]), [['statustype', 'create'], ['statustype', 'create'], ['roltype', 'create'], ['roltype', 'partial_update']]);

    const list = (q: string) => server.call('GET', `${ROOT}/roltypen?${q}`).then((r) => r.body.results.map((x: { url: string }) => x.url));
    assert.deepEqual(await list(`zaaktype=${encodeURIComponent(zt.url)}`), [], 'only of published zaaktypen by default');
    assert.deepEqual(await list(`zaaktype=${encodeURIComponent(zt.url)}&status=alles`), [rol.body.url]);
    assert.deepEqual(await list('zaaktypeIdentificatie=ONDER-1&status=concept&omschrijvingGeneriek=initiator'), [rol.body.url]);
    assert.deepEqual(await list('zaaktypeIdentificatie=ONDER-1&status=concept&omschrijvingGeneriek=beslisser'), []);

    const missing = await server.call('POST', `${ROOT}/roltypen`, { body: { zaaktype: `${server.baseUrl}${ROOT}/zaaktypen/00000000-0000-4000-8000-000000000000`, omschrijving: 'x', omschrijvingGeneriek: 'initiator' } });
    assert.deepEqual([missing.body.invalidParams[0].name, missing.body.invalidParams[0].code], ['zaaktype', 'does_not_exist']);

    // Deleting a concept zaaktype takes its parts along.
    assert.equal((await server.call('DELETE', zt.url)).status, 204);
    assert.equal((await server.call('GET', rol.body.url)).status, 404);
  });

  it('ztc-010, ztc-011: the parts of a published zaaktype cannot be created, changed or deleted; a correction may change or delete them', async () => {
    const zt = await zaaktype('ONDER-2');
    const status = await server.call('POST', `${ROOT}/statustypen`, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'Ontvangen', volgnummer: 1 } });
    assert.equal((await server.call('POST', `${zt.url}/publish`)).status, 200);
    const refused = [
      await server.call('POST', `${ROOT}/roltypen`, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'x', omschrijvingGeneriek: 'initiator' } }),
      await server.call('PUT', status.body.url, { client: WRITER, body: { zaaktype: zt.url, omschrijving: 'Anders', volgnummer: 1 } }),
      await server.call('PATCH', status.body.url, { client: WRITER, body: { omschrijving: 'Anders' } }),
      await server.call('DELETE', status.body.url, { client: WRITER }),
    ];
    assert.deepEqual(refused.map((r) => [r.status, r.body.invalidParams[0].name, r.body.invalidParams[0].code]), Array(4).fill([400, 'nonFieldErrors', 'non-concept-zaaktype']));
    assert.equal((await server.call('PATCH', status.body.url, { client: FORCER, body: { statustekst: 'correctie' } })).status, 200);
    // Creating is no correction: not even a client with every scope adds a part (ztc-011b..e).
    for (const client of [FORCER, undefined]) {
      const created = await server.call('POST', `${ROOT}/roltypen`, { client, body: { zaaktype: zt.url, omschrijving: 'x', omschrijvingGeneriek: 'initiator' } });
      assert.deepEqual([created.status, created.body.invalidParams?.[0]?.code], [400, 'non-concept-zaaktype']);
    }
    // Moving a part of a concept zaaktype to the published one is adding to it (ztc-011b).
    const concept = await zaaktype('ONDER-3');
    const rol = await server.call('POST', `${ROOT}/roltypen`, { client: WRITER, body: { zaaktype: concept.url, omschrijving: 'x', omschrijvingGeneriek: 'initiator' } });
    const moved = await server.call('PATCH', rol.body.url, { client: WRITER, body: { zaaktype: zt.url } });
    assert.deepEqual([moved.status, moved.body.invalidParams[0].name, moved.body.invalidParams[0].code], [400, 'nonFieldErrors', 'non-concept-zaaktype']);
    assert.equal((await server.call('DELETE', status.body.url, { client: FORCER })).status, 204);
    assert.deepEqual((await server.call('GET', `${ROOT}/statustypen?zaaktype=${encodeURIComponent(zt.url)}`)).body.results, []);
  });
});

describe('eigenschappen and zaaktype-informatieobjecttypen', () => {
  it('eigenschappen belong to a zaaktype and may name one of its statustypen; datum has lengte 8 (ztc-015)', async () => {
    const zt = await zaaktype('EIG-1');
    const status = await server.call('POST', `${ROOT}/statustypen`, { body: { zaaktype: zt.url, omschrijving: 'Ontvangen', volgnummer: 1 } });
    const specificatie = { formaat: 'datum', lengte: '8', kardinaliteit: '1' };
    const created = await server.call('POST', `${ROOT}/eigenschappen`, { body: { zaaktype: zt.url, naam: 'datum', definitie: 'Een datum', specificatie, statustype: status.body.url } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.statustype, created.body.zaaktypeIdentificatie, created.body.specificatie], [status.body.url, 'EIG-1', specificatie]);
    assert.deepEqual((await server.call('GET', status.body.url)).body.eigenschappen, [created.body.url]);
    assert.deepEqual((await server.call('GET', zt.url)).body.eigenschappen, [created.body.url]);
    const wrongLength = await server.call('POST', `${ROOT}/eigenschappen`, { body: { zaaktype: zt.url, naam: 'tijd', definitie: 'x', specificatie: { formaat: 'datum_tijd', lengte: '8', kardinaliteit: '1' } } });
    assert.deepEqual([wrongLength.status, wrongLength.body.invalidParams[0].name], [400, 'specificatie.lengte']);
    const other = await zaaktype('EIG-2');
    const elsewhere = await server.call('POST', `${ROOT}/eigenschappen`, { body: { zaaktype: other.url, naam: 'x', definitie: 'x', specificatie, statustype: status.body.url } });
    assert.deepEqual([elsewhere.status, elsewhere.body.invalidParams[0].name], [400, 'statustype']);
    const listed = await server.call('GET', `${ROOT}/eigenschappen?zaaktypeIdentificatie=EIG-1&status=alles&expand=statustype`);
    assert.deepEqual([listed.body.count, listed.body.results[0]._expand.statustype.url], [1, status.body.url]);
  });

  it('a zaaktype-informatieobjecttype names an informatieobjecttype by omschrijving; zaaktype and informatieobjecttype show each other when published', async () => {
    const zt = await zaaktype('ZIOT-1');
    const iot = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: { catalogus, omschrijving: 'aanvraag', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2019-01-01' } });
    const byUrl = await server.call('POST', `${ROOT}/zaaktype-informatieobjecttypen`, { body: { zaaktype: zt.url, informatieobjecttype: iot.body.url, volgnummer: 1, richting: 'inkomend' } });
    assert.equal(byUrl.status, 201, JSON.stringify(byUrl.body));
    assert.deepEqual([byUrl.body.informatieobjecttype, byUrl.body.catalogus, byUrl.body.statustype], ['aanvraag', catalogus, null]);
    const dubbel = await server.call('POST', `${ROOT}/zaaktype-informatieobjecttypen`, { body: { zaaktype: zt.url, informatieobjecttype: 'aanvraag', volgnummer: 1, richting: 'intern' } });
    assert.deepEqual([dubbel.status, dubbel.body.invalidParams[0].code], [400, 'unique']);
    const onbekend = await server.call('POST', `${ROOT}/zaaktype-informatieobjecttypen`, { body: { zaaktype: zt.url, informatieobjecttype: 'bestaat niet', volgnummer: 2, richting: 'intern' } });
    assert.deepEqual([onbekend.body.invalidParams[0].name, onbekend.body.invalidParams[0].code], ['informatieobjecttype', 'does_not_exist']);
    // ztc-013j: an informatieobjecttype of another catalogus breaks a rule across the two fields.
    const ander = await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'ZIOT2', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } });
    const iotElders = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: { catalogus: ander.body.url, omschrijving: 'elders', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2019-01-01' } });
    const elders = await server.call('POST', `${ROOT}/zaaktype-informatieobjecttypen`, { body: { zaaktype: zt.url, informatieobjecttype: iotElders.body.url, volgnummer: 3, richting: 'intern' } });
    assert.deepEqual([elders.status, elders.body.invalidParams[0].name, elders.body.invalidParams[0].code], [400, 'nonFieldErrors', 'relations-incorrect-catalogus']);

    assert.deepEqual((await server.call('GET', zt.url)).body.informatieobjecttypeOmschrijving, ['aanvraag']);
    assert.deepEqual((await server.call('GET', zt.url)).body.informatieobjecttypen, [], 'a concept informatieobjecttype is not shown');
    await server.call('POST', `${iot.body.url}/publish`);
    await server.call('POST', `${zt.url}/publish`);
    assert.deepEqual((await server.call('GET', zt.url)).body.informatieobjecttypen, [iot.body.url]);
    const iotRead = await server.call('GET', `${iot.body.url}?expand=zaaktypen`);
    assert.deepEqual([iotRead.body.zaaktypen, iotRead.body.zaaktypeIdentificaties, iotRead.body._expand.zaaktypen[0].url], [[zt.url], ['ZIOT-1'], zt.url]);

    const list = (q: string) => server.call('GET', `${ROOT}/zaaktype-informatieobjecttypen?${q}`).then((r) => r.body.results.map((x: { url: string }) => x.url));
    assert.deepEqual(await list(`informatieobjecttype=${encodeURIComponent(iot.body.url)}`), [byUrl.body.url]);
    assert.deepEqual(await list('informatieobjecttype=aanvraag&richting=inkomend'), [byUrl.body.url]);
    assert.deepEqual(await list('informatieobjecttype=aanvraag&richting=uitgaand'), []);
    // Zaaktype and informatieobjecttype both published: the relation is fixed (ztc-010g).
    const refused = await server.call('DELETE', byUrl.body.url, { client: WRITER });
    assert.equal(refused.body.invalidParams[0].code, 'non-concept-relation');
  });
});

describe('zaakobjecttypen', () => {
  it('belong to a zaaktype in its catalogus, are listed by the zaaktype and filtered on their attributes', async () => {
    const zt = await zaaktype('ZOT-1');
    const body = { zaaktype: zt.url, catalogus, anderObjecttype: false, objecttype: 'https://objecttypen.example/api/v2/objecttypes/1', relatieOmschrijving: 'betreft' };
    const created = await server.call('POST', `${ROOT}/zaakobjecttypen`, { body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.zaaktypeIdentificatie, created.body.catalogus, created.body.beginGeldigheid, created.body.statustypen], ['ZOT-1', catalogus, '2020-01-01', []]);
    assert.deepEqual((await server.call('GET', zt.url)).body.zaakobjecttypen, [created.body.url]);

    const list = (q: string) => server.call('GET', `${ROOT}/zaakobjecttypen?${q}`).then((r) => r.body.results.map((x: { url: string }) => x.url));
    assert.deepEqual(await list('zaaktypeIdentificatie=ZOT-1'), [created.body.url], 'no status filter: concept zaaktypen too');
    assert.deepEqual(await list(`zaaktypeIdentificatie=ZOT-1&anderObjecttype=false&relatieOmschrijving=betreft&objecttype=${encodeURIComponent(body.objecttype)}`), [created.body.url]);
    assert.deepEqual(await list('zaaktypeIdentificatie=ZOT-1&anderObjecttype=true'), []);
    assert.deepEqual(await list(`zaaktypeIdentificatie=ZOT-1&catalogus=${encodeURIComponent(catalogus)}&datumBeginGeldigheid=2020-01-01`), [created.body.url]);
    assert.deepEqual(await list('zaaktypeIdentificatie=ZOT-1&datumGeldigheid=2019-01-01'), []);

    const other = await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'ZOT', rsin: '000000000', contactpersoonBeheerNaam: 'X' } });
    const wrong = await server.call('POST', `${ROOT}/zaakobjecttypen`, { body: { ...body, catalogus: other.body.url } });
    assert.deepEqual([wrong.status, wrong.body.invalidParams[0].name, wrong.body.invalidParams[0].code], [400, 'catalogus', 'relations-incorrect-catalogus']);
  });
});
