import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ADMIN, LIMITED, registerWithDefault, startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { createZaaktype, CRS, uuidOf, zaakBody, ZAKEN } from './fixtures.ts';

describe('zaken', () => {
  let server: TestServer;
  let zaaktype: string;
  let zaaktypeGeheim: string;
  const call = (method: string, path: string, options: { body?: unknown; client?: { clientId: string; secret: string }; headers?: Record<string, string> } = {}) =>
    server.call(method, path, { ...options, headers: { ...CRS, ...options.headers } });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const created = await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktype, overrides) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  };

  before(async () => {
    server = await startTestServer({ verwerkingsactiviteiten: registerWithDefault(ADMIN.clientId, LIMITED.clientId) });
    zaaktype = await createZaaktype(server);
    zaaktypeGeheim = await createZaaktype(server, { vertrouwelijkheidaanduiding: 'geheim' });
  });
  after(() => server.close());

  describe('create', () => {
    it('makes a zaak with a generated identificatie and the defaults the standard gives, audited and announced', async () => {
      const zaak = await create();
      assert.match(zaak.identificatie, new RegExp(`^ZAAK-${new Date().getFullYear()}-\\d{10}$`), "the year of the registratiedatum");
      assert.equal(zaak.vertrouwelijkheidaanduiding, 'openbaar', 'the zaaktype gives the vertrouwelijkheidaanduiding');
      assert.equal(zaak.archiefstatus, 'nog_te_archiveren');
      assert.equal(zaak.registratiedatum, new Date().toISOString().slice(0, 10));
      assert.equal(zaak.status, null);
      assert.deepEqual([zaak.rollen, zaak.deelzaken, zaak.eigenschappen], [[], [], []]);
      const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: zaak.url });
      assert.deepEqual(
        { kanaal: event!.kanaal, actie: event!.actie, kenmerken: event!.kenmerken },
        { kanaal: 'zaken', actie: 'create', kenmerken: { bronorganisatie: '000000000', zaaktype, vertrouwelijkheidaanduiding: 'openbaar' } },
      );
      const trail = await call('GET', `${ZAKEN}/zaken/${zaak.uuid}/audittrail`);
      assert.equal(trail.status, 200);
      assert.deepEqual(trail.body.map((a: any) => [a.bron, a.actie, a.resultaat, a.resourceUrl]), [['zrc', 'create', 201, zaak.url]]);
      const one = await call('GET', `${ZAKEN}/zaken/${zaak.uuid}/audittrail/${trail.body[0].uuid}`);
      assert.equal(one.body.wijzigingen.nieuw.identificatie, zaak.identificatie);
    });

    it('takes a vertrouwelijkheidaanduiding given and keeps identificaties unique per bronorganisatie', async () => {
      const zaak = await create({ identificatie: 'HAND-1', vertrouwelijkheidaanduiding: 'zeer_geheim' });
      assert.equal(zaak.vertrouwelijkheidaanduiding, 'zeer_geheim');
      const again = await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktype, { identificatie: 'HAND-1' }) });
      assert.deepEqual([again.status, again.body.invalidParams[0].name, again.body.invalidParams[0].code], [400, 'identificatie', 'identificatie-niet-uniek']);
      assert.equal((await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktype, { identificatie: 'HAND-1', bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782' }) })).status, 201);
    });

    it('checks the references: zaaktype (bad-url, not-published), hoofdzaak, RSINs, producten of diensten', async () => {
      const concept = await createZaaktype(server, {}, false);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ zaaktype: `${server.baseUrl}/catalogi/api/v1/zaaktypen/${randomUUID()}` }, 'zaaktype', 'bad-url'],
        [{ zaaktype: concept }, 'zaaktype', 'not-published'],
        [{ hoofdzaak: 'https://elders.example/zaken/api/v1/zaken/1' }, 'hoofdzaak', 'no_match'],
        [{ hoofdzaak: `${server.baseUrl}${ZAKEN}/zaken/${randomUUID()}` }, 'hoofdzaak', 'does_not_exist'],
        [{ bronorganisatie: '123456789' }, 'bronorganisatie', 'invalid'],
        [{ productenOfDiensten: ['https://producten.example/p/2'] }, 'productenOfDiensten', 'invalid-products-services'],
        [{ betalingsindicatie: 'nvt', laatsteBetaaldatum: '2019-03-29T12:00:00' }, 'laatsteBetaaldatum', 'betaling-nvt'],
        [{ opschorting: { wrong_field: 'x' } }, 'opschorting.indicatie', 'required'],
        [{ relevanteAndereZaken: [{ url: `${server.baseUrl}${ZAKEN}/zaken/${randomUUID()}`, aardRelatie: 'vervolg' }] }, 'relevanteAndereZaken.0.url', 'bad-url'],
      ];
      for (const [overrides, name, code] of cases) {
        const answer = await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktype, overrides) });
        assert.equal(answer.status, 400, JSON.stringify(overrides));
        assert.deepEqual([answer.body.invalidParams[0].name, answer.body.invalidParams[0].code], [name, code], JSON.stringify(answer.body.invalidParams));
      }
    });

    it('generates identificaties in the configured format', async () => {
      const other = await startTestServer({ zaakIdentificatie: '123456782=G{bronorganisatie}-{volgnummer:4};Z{jaar}-{volgnummer}' });
      try {
        const zt = await createZaaktype(other);
        const post = (body: Record<string, unknown>) => other.call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zt, body), headers: CRS });
        assert.equal((await post({ registratiedatum: '2023-05-01' })).body.identificatie, 'Z2023-1');
        assert.equal((await post({ registratiedatum: '2023-05-01' })).body.identificatie, 'Z2023-2');
        assert.equal((await post({ bronorganisatie: '123456782' })).body.identificatie, 'G123456782-0001');
      } finally {
        await other.close();
      }
    });

    it('gives parallel creates unique identificaties', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, () => call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktype, { bronorganisatie: '111222333', verantwoordelijkeOrganisatie: '111222333' }) })));
      assert.deepEqual(answers.map((a) => a.status), Array(20).fill(201));
      assert.equal(new Set(answers.map((a) => a.body.identificatie)).size, 20);
    });
  });

  describe('read, update, delete', () => {
    it('reads a zaak with ETag and HEAD, and expands its zaaktype and hoofdzaak/deelzaken', async () => {
      const hoofdzaak = await create();
      const deelzaak = await create({ hoofdzaak: hoofdzaak.url });
      const read = await call('GET', `${ZAKEN}/zaken/${hoofdzaak.uuid}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.deelzaken, [deelzaak.url]);
      const etag = read.headers.get('etag')!;
      assert.equal((await call('GET', `${ZAKEN}/zaken/${hoofdzaak.uuid}`, { headers: { 'If-None-Match': etag } })).status, 304);
      const head = await call('HEAD', `${ZAKEN}/zaken/${hoofdzaak.uuid}`);
      assert.deepEqual([head.status, head.headers.get('etag')], [200, etag]);
      assert.equal((await server.call('GET', `${ZAKEN}/zaken/${hoofdzaak.uuid}`)).status, 412, 'Accept-Crs is required');

      const expanded = await call('GET', `${ZAKEN}/zaken/${deelzaak.uuid}?expand=zaaktype,hoofdzaak.deelzaken,status,resultaat`);
      assert.equal(expanded.status, 200, JSON.stringify(expanded.body));
      assert.equal(expanded.body._expand.zaaktype.url, zaaktype);
      assert.equal(expanded.body._expand.zaaktype.omschrijving, 'Zaaktype voor tests');
      assert.equal(expanded.body._expand.hoofdzaak.url, hoofdzaak.url);
      assert.deepEqual(expanded.body._expand.hoofdzaak._expand.deelzaken.map((z: any) => z.url), [deelzaak.url]);
      assert.deepEqual([expanded.body._expand.status, expanded.body._expand.resultaat], [{}, {}]);
      const zaaktypeCatalogus = await call('GET', `${ZAKEN}/zaken/${deelzaak.uuid}?expand=zaaktype.catalogus`);
      assert.equal(zaaktypeCatalogus.body._expand.zaaktype._expand.catalogus.domein.startsWith('T'), true, 'the Catalogi API expands further');
      const wrong = await call('GET', `${ZAKEN}/zaken/${deelzaak.uuid}?expand=onbekend`);
      assert.deepEqual([wrong.status, wrong.body.invalidParams[0].name], [400, 'expand']);
    });

    it('updates: identificatie and zaaktype do not change, nvt clears the betaaldatum, a hoofdzaak is no deelzaak', async () => {
      const zaak = await create({ betalingsindicatie: 'geheel', laatsteBetaaldatum: '2020-01-01T10:00:00Z' });
      const other = await create();
      const put = await call('PUT', zaak.url, { body: zaakBody(zaaktype, { identificatie: other.identificatie, omschrijving: 'Nieuw' }) });
      assert.deepEqual([put.status, put.body.invalidParams[0].name, put.body.invalidParams[0].code], [400, 'identificatie', 'wijzigen-niet-toegelaten']);
      const zaaktype2 = await createZaaktype(server);
      const patchType = await call('PATCH', zaak.url, { body: { zaaktype: zaaktype2 } });
      assert.deepEqual([patchType.status, patchType.body.invalidParams[0].code], [400, 'wijzigen-niet-toegelaten']);
      const nvt = await call('PATCH', zaak.url, { body: { betalingsindicatie: 'nvt' } });
      assert.deepEqual([nvt.status, nvt.body.betalingsindicatie, nvt.body.laatsteBetaaldatum], [200, 'nvt', null]);
      const self = await call('PATCH', zaak.url, { body: { hoofdzaak: zaak.url } });
      assert.deepEqual([self.status, self.body.invalidParams[0].code], [400, 'self-forbidden']);
      const deel = await create({ hoofdzaak: other.url });
      const nested = await call('PATCH', zaak.url, { body: { hoofdzaak: deel.url } });
      assert.deepEqual([nested.status, nested.body.invalidParams[0].code], [400, 'deelzaak-als-hoofdzaak']);
      const archief = await call('PATCH', zaak.url, { body: { archiefstatus: 'gearchiveerd' } });
      assert.deepEqual(archief.body.invalidParams.map((p: any) => p.code), ['archiefnominatie-not-set', 'archiefactiedatum-not-set']);
      const put2 = await call('PUT', zaak.url, { body: zaakBody(zaaktype, { omschrijving: 'Nieuw', opschorting: null, verlenging: { reden: 'r', duur: 'P5D' } }) });
      assert.deepEqual([put2.status, put2.body.omschrijving, put2.body.verlenging], [200, 'Nieuw', { reden: 'r', duur: 'P5D' }]);
      assert.equal(put2.body.identificatie, zaak.identificatie, 'PUT keeps what it does not send');
    });

    it('deletes a zaak with everything that belongs to it, and its deelzaken', async () => {
      const zaak = await create();
      const deel = await create({ hoofdzaak: zaak.url });
      const db = server.og.database.db;
      const { id } = await db.selectFrom('zaken.zaak').select('id').where('uuid', '=', zaak.uuid).executeTakeFirstOrThrow();
      await db.insertInto('zaken.status').values({ uuid: randomUUID(), zaak_id: id, statustype: '/x', datum_status_gezet: new Date() }).execute();
      await db.insertInto('zaken.rol').values({ uuid: randomUUID(), zaak_id: id, betrokkene_type: 'medewerker', roltype: '/x' }).execute();
      const deleted = await call('DELETE', zaak.url);
      assert.equal(deleted.status, 204);
      assert.equal((await call('GET', zaak.url)).status, 404);
      assert.equal((await call('GET', deel.url)).status, 404);
      for (const table of ['zaken.status', 'zaken.rol']) assert.equal((await db.selectFrom(table).select('id').where('zaak_id', '=', id).execute()).length, 0);
      const events = await listOutbox(db, server.baseUrl, { resourceUrl: zaak.url });
      assert.deepEqual(events.map((e) => e.actie), ['create', 'destroy']);
    });
  });

  describe('lists', () => {
    let bron: string;
    let zaken: any[];
    before(async () => {
      bron = '999999990';
      const base = { bronorganisatie: bron, verantwoordelijkeOrganisatie: bron };
      zaken = [
        await create({ ...base, identificatie: 'L-1', startdatum: '2024-01-10', archiefnominatie: 'vernietigen' }),
        await create({ ...base, identificatie: 'L-3', startdatum: '2024-01-30', zaakgeometrie: { type: 'Point', coordinates: [5.1, 52.1] } }),
        await create({ ...base, identificatie: 'L-2', startdatum: '2024-01-20', zaakgeometrie: { type: 'Point', coordinates: [6.1, 53.1] } }),
      ];
      const { id } = await server.og.database.db.selectFrom('zaken.zaak').select('id').where('uuid', '=', zaken[0].uuid).executeTakeFirstOrThrow();
      await server.og.database.db
        .insertInto('zaken.rol')
        .values({ uuid: randomUUID(), zaak_id: id, betrokkene_type: 'natuurlijk_persoon', roltype: '/x', betrokkene_identificatie: JSON.stringify({ inpBsn: '111222333' }) })
        .execute();
    });
    const identificaties = (body: any) => body.results.map((z: any) => z.identificatie);

    it('filters and orders as the standard lists, with an exact count', async () => {
      const list = async (query: string) => (await call('GET', `${ZAKEN}/zaken?bronorganisatie__in=${bron},000000001&${query}`)).body;
      assert.deepEqual(identificaties(await list('ordering=-startdatum')), ['L-3', 'L-2', 'L-1']);
      assert.deepEqual(identificaties(await list('ordering=identificatie')), ['L-1', 'L-2', 'L-3']);
      assert.deepEqual(identificaties(await list('startdatum__gte=2024-01-20&ordering=startdatum')), ['L-2', 'L-3']);
      assert.deepEqual(identificaties(await list('archiefnominatie=vernietigen')), ['L-1']);
      assert.deepEqual(identificaties(await list('rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333')), ['L-1']);
      assert.equal((await list('identificatie=L-2')).count, 1);
      const bad = await call('GET', `${ZAKEN}/zaken?startdatum__gt=gisteren`);
      assert.deepEqual([bad.status, bad.body.invalidParams[0].name], [400, 'startdatum__gt']);
      const unknown = await call('GET', `${ZAKEN}/zaken?onbekend=1`);
      assert.equal(unknown.body.invalidParams[0].code, 'unknown-parameters');
    });

    it('searches with _zoek, also within a geometry', async () => {
      const zoek = async (body: Record<string, unknown>) => (await call('POST', `${ZAKEN}/zaken/_zoek`, { body: { bronorganisatie: bron, ...body } })).body;
      assert.deepEqual(identificaties(await zoek({ ordering: '-identificatie' })), ['L-3', 'L-2', 'L-1']);
      assert.deepEqual(identificaties(await zoek({ uuid__in: [zaken[0].uuid, zaken[2].uuid], ordering: 'identificatie' })), ['L-1', 'L-2']);
      const square = { type: 'Polygon', coordinates: [[[5, 52], [5.5, 52], [5.5, 52.5], [5, 52.5], [5, 52]]] };
      const within = await zoek({ zaakgeometrie: { within: square } });
      assert.deepEqual([within.count, identificaties(within)], [1, ['L-3']]);
    });
  });

  describe('authorisation at the source', () => {
    const limitedCall = (method: string, path: string, body?: unknown) => call(method, path, { body, client: LIMITED });
    let visible: any;
    let tooSecret: any;
    let otherType: any;

    before(async () => {
      const applicatie = await server.call('POST', '/autorisaties/api/v1/applicaties', {
        body: {
          clientIds: [LIMITED.clientId],
          label: 'Beperkt',
          autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], zaaktype, maxVertrouwelijkheidaanduiding: 'intern' }],
        },
      });
      assert.equal(applicatie.status, 201, JSON.stringify(applicatie.body));
      const base = { bronorganisatie: '555555550', verantwoordelijkeOrganisatie: '555555550' };
      visible = await create({ ...base, vertrouwelijkheidaanduiding: 'intern' });
      tooSecret = await create({ ...base, vertrouwelijkheidaanduiding: 'vertrouwelijk' });
      const secret = await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktypeGeheim, base) });
      otherType = secret.body;
    });

    it('lists, searches and counts only the zaken of its zaaktypen up to its ceiling', async () => {
      const list = await limitedCall('GET', `${ZAKEN}/zaken?bronorganisatie=555555550`);
      assert.deepEqual([list.status, list.body.count, list.body.results.map((z: any) => z.url)], [200, 1, [visible.url]]);
      const all = await limitedCall('GET', `${ZAKEN}/zaken`);
      assert.ok(all.body.results.every((z: any) => z.zaaktype === zaaktype && ['openbaar', 'beperkt_openbaar', 'intern'].includes(z.vertrouwelijkheidaanduiding)));
      assert.equal(all.body.count, all.body.results.length);
      const zoek = await limitedCall('POST', `${ZAKEN}/zaken/_zoek`, { uuid__in: [visible.uuid, tooSecret.uuid, otherType.uuid] });
      assert.deepEqual([zoek.body.count, zoek.body.results.map((z: any) => z.url)], [1, [visible.url]]);
      const admin = await call('POST', `${ZAKEN}/zaken/_zoek`, { body: { uuid__in: [visible.uuid, tooSecret.uuid, otherType.uuid] } });
      assert.equal(admin.body.count, 3);
    });

    it('gets 403 on a single zaak outside its rights, and may not create or move one there', async () => {
      assert.equal((await limitedCall('GET', visible.url)).status, 200);
      for (const zaak of [tooSecret, otherType]) {
        const read = await limitedCall('GET', zaak.url);
        assert.deepEqual([read.status, read.body.code], [403, 'permission_denied']);
        assert.equal((await limitedCall('PATCH', zaak.url, { omschrijving: 'x' })).status, 403);
      }
      assert.equal((await limitedCall('POST', `${ZAKEN}/zaken`, zaakBody(zaaktypeGeheim))).status, 403);
      assert.equal((await limitedCall('POST', `${ZAKEN}/zaken`, zaakBody(zaaktype, { vertrouwelijkheidaanduiding: 'geheim' }))).status, 403);
      assert.equal((await limitedCall('PATCH', visible.url, { vertrouwelijkheidaanduiding: 'geheim' })).status, 403);
      assert.equal((await limitedCall('DELETE', visible.url)).status, 403, 'no zaken.verwijderen');
      assert.equal((await limitedCall('GET', `${ZAKEN}/zaken/${uuidOf(visible.url)}/audittrail`)).status, 403, 'no audittrails.lezen');
    });

    it('does not expand to a zaak outside its rights, and expands the zaaktype without Catalogi rights', async () => {
      const base = { bronorganisatie: '555555550', verantwoordelijkeOrganisatie: '555555550', vertrouwelijkheidaanduiding: 'openbaar' };
      const deel = await create({ ...base, hoofdzaak: otherType.url });
      const read = await limitedCall('GET', `${deel.url}?expand=hoofdzaak,zaaktype`);
      assert.deepEqual([read.status, read.body._expand.hoofdzaak, read.body._expand.zaaktype.url], [200, {}, zaaktype]);
      const visibleDeel = await create({ ...base, hoofdzaak: visible.url });
      const list = await limitedCall('GET', `${ZAKEN}/zaken?bronorganisatie=555555550&expand=hoofdzaak`);
      const expanded = list.body.results.find((z: any) => z.url === visibleDeel.url);
      assert.equal(expanded._expand.hoofdzaak.url, visible.url, 'a hoofdzaak it may read is expanded');
    });

    it('needs zaken.geforceerd-bijwerken to change a closed zaak', async () => {
      const zaak = await create({ vertrouwelijkheidaanduiding: 'openbaar' });
      await server.og.database.db.updateTable('zaken.zaak').set({ einddatum: '2024-04-01' }).where('uuid', '=', zaak.uuid).execute();
      const patch = await limitedCall('PATCH', zaak.url, { omschrijving: 'na afsluiten' });
      assert.deepEqual([patch.status, patch.body.code], [403, 'permission_denied']);
      assert.equal((await call('PATCH', zaak.url, { body: { omschrijving: 'geforceerd' } })).status, 200, 'heeftAlleAutorisaties includes it');
    });
  });
});
