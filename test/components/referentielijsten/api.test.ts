import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SHARED } from '../../helpers/openapi.ts';
import { loadReferentielijsten, parseReferentielijstUrl } from '../../../src/components/referentielijsten/store.ts';

const ROOT = '/referentielijsten/api/v1';
const FULL_DATA = path.join(SHARED, 'conformance/referentielijsten');
const VNG = 'https://referentielijsten-api.vng.cloud/api/v1';

/** Without any Authorization header: the API is public. */
async function get(server: TestServer, pathOrUrl: string, headers: Record<string, string> = {}) {
  const response = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${server.baseUrl}${pathOrUrl}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('Referentielijsten API, built-in data', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    server = await startTestServer({ components: ['referentielijsten'] });
    root = `${server.baseUrl}${ROOT}`;
  });
  after(() => server.close());

  it('is public: no token needed, a bad one ignored, API-version 0.6.0', async () => {
    const anonymous = await get(server, `${ROOT}/procestypen`);
    assert.equal(anonymous.status, 200);
    assert.equal(anonymous.headers.get('api-version'), '0.6.0');
    assert.equal((await get(server, `${ROOT}/procestypen`, { Authorization: 'Bearer not-a-jwt' })).status, 200);
    assert.equal((await server.call('GET', `${ROOT}/communicatiekanalen`)).status, 200);
  });

  it('lists procestypen unpaginated, filtered by jaar', async () => {
    const all = await get(server, `${ROOT}/procestypen`);
    assert.ok(Array.isArray(all.body));
    assert.equal(all.body.length, 8);
    const p2020 = await get(server, `${ROOT}/procestypen?jaar=2020`);
    assert.equal(p2020.body.length, 3);
    assert.ok(p2020.body.every((p: any) => p.jaar === 2020));
    assert.equal((await get(server, `${ROOT}/procestypen?jaar=1900`)).body.length, 0);
    const bad = await get(server, `${ROOT}/procestypen?jaar=twintig`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.invalidParams[0].name, 'jaar');
  });

  it('serves a procestype under its own url', async () => {
    const [first] = (await get(server, `${ROOT}/procestypen`)).body;
    assert.equal(first.url, `${root}/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d`);
    const detail = await get(server, first.url);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body, {
      url: first.url,
      nummer: 1,
      jaar: 2017,
      naam: 'Instellen en inrichten organisatie',
      omschrijving: 'Instellen en inrichten organisatie',
      toelichting: first.toelichting,
      procesobject: 'De vastgestelde organisatie inrichting',
    });
  });

  it('lists resultaten paginated, with one of each procestermijn the official suite looks for', async () => {
    const list = await get(server, `${ROOT}/resultaten`);
    assert.equal(list.status, 200);
    assert.equal(list.body.count, 73);
    assert.equal(list.body.next, null);
    assert.equal(list.body.previous, null);
    const termijnen = new Set(list.body.results.map((r: any) => r.procestermijn));
    for (const t of ['nihil', 'ingeschatte_bestaansduur_procesobject', 'vast_te_leggen_datum', '']) assert.ok(termijnen.has(t), t);
    for (const r of list.body.results) {
      assert.match(r.url, new RegExp(`^${root}/resultaten/[0-9a-f-]{36}$`));
      assert.match(r.procesType, new RegExp(`^${root}/procestypen/[0-9a-f-]{36}$`));
    }
    assert.equal((await get(server, `${ROOT}/resultaten?page=2`)).status, 404);
  });

  it('filters resultaten on proces_type, by this API’s url or by uuid from elsewhere', async () => {
    const uuid = '2f296607-9faa-41e1-800f-e8fcaf55b9c8'; // Onderhouden en repareren
    const ours = await get(server, `${ROOT}/resultaten?proces_type=${encodeURIComponent(`${root}/procestypen/${uuid}`)}`);
    assert.equal(ours.body.count, 7);
    assert.ok(ours.body.results.every((r: any) => r.procesType === `${root}/procestypen/${uuid}`));
    const vng = await get(server, `${ROOT}/resultaten?proces_type=${encodeURIComponent(`${VNG}/procestypen/${uuid}`)}`);
    assert.deepEqual(vng.body, ours.body);
    const none = await get(server, `${ROOT}/resultaten?proces_type=${encodeURIComponent(`${root}/procestypen/00000000-0000-4000-8000-000000000000`)}`);
    assert.deepEqual(none.body, { count: 0, next: null, previous: null, results: [] });
    const bad = await get(server, `${ROOT}/resultaten?proces_type=geen-url`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.invalidParams[0].name, 'proces_type');
  });

  it('serves a resultaat with its derived fields', async () => {
    const generiek = await get(server, `${ROOT}/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f`);
    assert.equal(generiek.status, 200);
    assert.deepEqual(
      {
        procesType: generiek.body.procesType,
        volledigNummer: generiek.body.volledigNummer,
        generiek: generiek.body.generiek,
        specifiek: generiek.body.specifiek,
        waardering: generiek.body.waardering,
        procestermijn: generiek.body.procestermijn,
        procestermijnWeergave: generiek.body.procestermijnWeergave,
        bewaartermijn: generiek.body.bewaartermijn,
        bedrijfsvoeringEnPersoneel: generiek.body.bedrijfsvoeringEnPersoneel,
        burgerzaken: generiek.body.burgerzaken,
      },
      {
        procesType: `${root}/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d`,
        volledigNummer: '1.1',
        generiek: true,
        specifiek: false,
        waardering: 'vernietigen',
        procestermijn: 'nihil',
        procestermijnWeergave: 'Nihil',
        bewaartermijn: 'P10Y',
        bedrijfsvoeringEnPersoneel: true,
        burgerzaken: false,
      },
    );
    const specifiek = (await get(server, `${ROOT}/resultaten/f89a7762-817b-4b72-a057-c135b3e1de74`)).body;
    assert.deepEqual([specifiek.volledigNummer, specifiek.generiek, specifiek.specifiek, specifiek.procestermijn, specifiek.procestermijnWeergave, specifiek.bewaartermijn], ['1.1.2', false, true, '', '', null]);
  });

  it('lists and serves resultaattypeomschrijvingen and communicatiekanalen', async () => {
    const omschrijvingen = await get(server, `${ROOT}/resultaattypeomschrijvingen`);
    assert.deepEqual(omschrijvingen.body.map((o: any) => o.omschrijving), ['Toegekend', 'Afgewezen', 'Ingetrokken']);
    const omschrijving = await get(server, omschrijvingen.body[0].url);
    assert.deepEqual(omschrijving.body, omschrijvingen.body[0]);

    const kanalen = await get(server, `${ROOT}/communicatiekanalen`);
    assert.equal(kanalen.body.count, 6);
    assert.equal(kanalen.body.next, null);
    const balie = await get(server, `${ROOT}/communicatiekanalen/2b757868-45c2-42ca-b637-b63ddc87beb4`);
    assert.deepEqual(balie.body, kanalen.body.results[0]);
    assert.equal(balie.body.naam, 'Balie');
  });

  it('answers 404 for unknown objects and 400 for malformed uuids and unknown parameters', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const resource of ['procestypen', 'resultaten', 'resultaattypeomschrijvingen', 'communicatiekanalen']) {
      const missing = await get(server, `${ROOT}/${resource}/${unknown}`);
      assert.equal(missing.status, 404, resource);
      assert.equal(missing.body.code, 'not_found');
      assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal((await get(server, `${ROOT}/${resource}/geen-uuid`)).status, 400, resource);
      const extra = await get(server, `${ROOT}/${resource}?onbekend=1`);
      assert.equal(extra.status, 400, resource);
      assert.equal(extra.body.invalidParams[0].code, 'unknown-parameters');
      assert.equal((await get(server, `${ROOT}/${resource}/${unknown}?onbekend=1`)).status, 400, resource);
    }
  });
});

describe('Referentielijsten API, full data (--referentielijsten-data)', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    server = await startTestServer({ components: ['referentielijsten'], referentielijstenData: FULL_DATA });
    root = `${server.baseUrl}${ROOT}`;
  });
  after(() => server.close());

  it('serves every procestype, both years', async () => {
    assert.equal((await get(server, `${ROOT}/procestypen`)).body.length, 58);
    assert.equal((await get(server, `${ROOT}/procestypen?jaar=2017`)).body.length, 29);
  });

  it('pages through all 346 resultaten, 100 at a time, keeping the filter in the links', async () => {
    const first = await get(server, `${ROOT}/resultaten`);
    assert.equal(first.body.count, 346);
    assert.equal(first.body.results.length, 100);
    assert.equal(first.body.next, `${root}/resultaten?page=2`);
    const last = await get(server, `${ROOT}/resultaten?page=4`);
    assert.equal(last.body.results.length, 46);
    assert.equal(last.body.previous, `${root}/resultaten?page=3`);
    assert.equal(last.body.next, null);
    assert.equal((await get(server, `${ROOT}/resultaten?page=5`)).status, 404);
    assert.equal((await get(server, `${ROOT}/resultaten?page=0`)).status, 400);

    const procesType = `${root}/procestypen/87804ff2-4ae3-4700-b1d4-a49ca3fcd2d0`;
    const filtered = await get(server, `${ROOT}/resultaten?proces_type=${encodeURIComponent(procesType)}`);
    assert.equal(filtered.body.count, 28);
    assert.equal(filtered.body.next, null);
    const uuids = new Set<string>();
    for (let url: string | null = `${root}/resultaten`; url; ) {
      const page: any = (await get(server, url)).body;
      for (const r of page.results) uuids.add(r.url);
      url = page.next;
    }
    assert.equal(uuids.size, 346);
  });

  it('rewrites the references between the objects to this API', async () => {
    // In the published files a resultaat names its procestype and generiek resultaat by database key.
    const resultaat = (await get(server, `${ROOT}/resultaten/6d37598e-30f0-4aef-930d-3e1690725d95`)).body;
    assert.equal(resultaat.url, `${root}/resultaten/6d37598e-30f0-4aef-930d-3e1690725d95`);
    assert.equal(resultaat.procesType, `${root}/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d`);
    assert.equal(resultaat.volledigNummer, '1.1.1');
    assert.equal((await get(server, resultaat.procesType)).status, 200);
    const blank = (await get(server, `${ROOT}/resultaten?page=2`)).body.results.find((r: any) => r.waardering === '');
    assert.ok(blank, 'published with a blank waardering, served as published');
  });

  it('takes communicatiekanalen from the built-in set when the directory has none', async () => {
    assert.equal((await get(server, `${ROOT}/communicatiekanalen`)).body.count, 6);
    assert.equal((await get(server, `${ROOT}/resultaattypeomschrijvingen`)).body.length, 3);
  });
});

describe('Referentielijsten data in the API’s own JSON', () => {
  const procesType = '3c5d8a37-9d4b-4e4b-9a8e-2f0c1b7a6d51';
  const resultaat = '0b6ad8b4-1f5e-4a67-8f7c-6a4d2c1e9b30';
  let dir: string;
  let server: TestServer;
  let root: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-vrl-'));
    const write = (name: string, data: unknown) => fs.writeFileSync(path.join(dir, name), JSON.stringify(data));
    write('selectielijst_2020_procestypen.json', [
      { url: `${VNG}/procestypen/${procesType}`, nummer: 11, jaar: 2020, naam: 'Toestemming verlenen', omschrijving: 'Toestemming verlenen', toelichting: '', procesobject: 'De toestemming' },
    ]);
    write('selectielijst_2020_resultaten.json', {
      count: 1,
      next: null,
      previous: null,
      results: [
        {
          url: `${VNG}/resultaten/${resultaat}`,
          procesType: `${VNG}/procestypen/${procesType}`,
          nummer: 1,
          volledigNummer: '11.1',
          generiek: true,
          specifiek: false,
          naam: 'Verleend',
          omschrijving: '',
          herkomst: 'Risicoanalyse',
          waardering: 'vernietigen',
          procestermijn: 'vast_te_leggen_datum',
          procestermijnWeergave: 'ignored: derived',
          bewaartermijn: 'P1Y',
          burgerzaken: true,
        },
      ],
    });
    server = await startTestServer({ components: ['referentielijsten'], referentielijstenData: dir });
    root = `${server.baseUrl}${ROOT}`;
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the objects under this API, with rewritten references and the same uuids', async () => {
    const list = await get(server, `${ROOT}/resultaten`);
    assert.equal(list.body.count, 1);
    const [r] = list.body.results;
    assert.equal(r.url, `${root}/resultaten/${resultaat}`);
    assert.equal(r.procesType, `${root}/procestypen/${procesType}`);
    assert.equal(r.procestermijnWeergave, 'De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject komt te vervallen.');
    assert.equal(r.burgerzaken, true);
    assert.equal(r.economie, false);
    assert.ok(!JSON.stringify(list.body).includes('vng.cloud'));
    assert.equal((await get(server, r.procesType)).body.naam, 'Toestemming verlenen');
  });
});

describe('Referentielijsten store', () => {
  it('offers lookups by uuid and splits Referentielijsten urls, for other components', () => {
    const store = loadReferentielijsten();
    assert.equal(loadReferentielijsten(), store, 'loaded once');
    const ref = parseReferentielijstUrl('http://localhost:8000/referentielijsten/api/v1/resultaten/6711BAFF-798b-4c7f-9133-8ad02c8b7c6f');
    assert.deepEqual(ref, { apiRoot: 'http://localhost:8000/referentielijsten/api/v1', resource: 'resultaten', uuid: '6711baff-798b-4c7f-9133-8ad02c8b7c6f' });
    assert.equal(store.findResultaat(ref!.uuid)?.procestermijn, 'nihil');
    assert.equal(store.findProcestype('e1b73b12-b2f6-4c4e-8929-94f84dd2a57d')?.nummer, 1);
    assert.equal(store.findProcestype('00000000-0000-4000-8000-000000000000'), undefined);
    assert.equal(parseReferentielijstUrl('http://localhost/zaken/api/v1/zaken/6711baff-798b-4c7f-9133-8ad02c8b7c6f'), undefined);
    assert.equal(parseReferentielijstUrl('geen url'), undefined);
  });

  it('refuses a directory without the Selectielijst, or with a broken reference', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-vrl-'));
    try {
      assert.throws(() => loadReferentielijsten(dir), /selectielijst_2020_procestypen\.json ontbreekt/);
      fs.writeFileSync(path.join(dir, 'selectielijst_2020_procestypen.json'), JSON.stringify([{ model: 'selectielijst.procestype', pk: 1, fields: { uuid: 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d', nummer: 1, jaar: 2020, naam: 'X' } }]));
      fs.writeFileSync(
        path.join(dir, 'selectielijst_2020_resultaten.json'),
        JSON.stringify([{ model: 'selectielijst.resultaat', pk: 1, fields: { uuid: '6711baff-798b-4c7f-9133-8ad02c8b7c6f', proces_type: 2, nummer: 1, naam: 'Y', waardering: 'vernietigen', procestermijn: 'nihil' } }]),
      );
      assert.throws(() => loadReferentielijsten(dir), /item 1 verwijst naar een onbekend procestype \(2\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
