/**
 * The benchmark data generator writes what the APIs serve: 1,000 generated zaken on a fresh
 * PostgreSQL database, read back through the Zaken, Documenten and Catalogi APIs, validate
 * against the (official) resource schemas, agree with each other, and go through their life
 * cycle (an open zaak with a resultaat can be closed; its archive dates are derived).
 * Needs PostgreSQL (TEST_DATABASE_URL): the generator loads over `pg`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import pg from 'pg';
import { SignJWT } from 'jose';
import { buildOpenGrond, type OpenGrond } from '../../src/server.ts';
import { DEMO_VERWERKINGSACTIVITEITEN } from '../../src/platform/logboek/logboek.ts';
import { Resultaat, Rol, Status, Zaak, ZaakInformatieObject, ZaakObject } from '../../src/components/zaken/schemas.ts';
import { EnkelvoudigInformatieObject } from '../../src/components/documenten/schemas.ts';
import { BENCH_ADMIN } from '../../bench/data/catalogi.ts';
import { provisionClients } from '../../src/components/autorisaties/provision.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));
const LIMITED = { clientId: 'bench-test-limited', secret: 'bench-test-limited-secret-0123456789' };
const CRS = { 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326' };

let url: string;
let og: OpenGrond;
let base: string;
let sql: pg.Client;
let zaaktypen: { path: string; statustypen: string[] }[];

// ajv-formats is CommonJS (see src/platform/http/validation.ts); the ZGW specs mark blank
// URL attributes (communicatiekanaal: '') `format: uri` and blank codes (objectTypeOverige: '')
// with a `pattern`, as the APIs serve them; and nullable attributes `nullable`.
const ajv = new Ajv.default({ strict: false, allErrors: true });
((addFormats as unknown as { default: (a: unknown) => void }).default)(ajv);
ajv.addFormat('uri', (value: string) => value === '' || URL.canParse(value));
const openApiNullable = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(openApiNullable);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, openApiNullable(v)]));
  const blankAllowed = typeof converted.pattern === 'string' ? { anyOf: [converted, { const: '' }] } : converted;
  return nullable ? { anyOf: [blankAllowed, { type: 'null' }] } : blankAllowed;
};
function valid(schema: object, data: unknown, what: string): void {
  const validate = ajv.compile(openApiNullable(schema) as object);
  assert.ok(validate(data), `${what}: ${JSON.stringify(validate.errors)}`);
}

async function call(method: string, path: string, body?: unknown, client = BENCH_ADMIN): Promise<{ status: number; body: any }> {
  const token = await new SignJWT({ client_id: client.clientId, user_id: 'test', user_representation: 'Test' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(client.clientId).setIssuedAt().sign(new TextEncoder().encode(client.secret));
  const response = await fetch(path.startsWith('http') ? path : `${base}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Verwerkingsactiviteit: DEMO_VERWERKINGSACTIVITEITEN[0]!.id, ...CRS }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

before(async () => {
  if (!serverUrl) return;
  const name = `opengrond_benchdata_${randomBytes(4).toString('hex')}`;
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  url = u.toString();
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/data/generate.ts', '--database', url, '--zaken', '1000', '--zaaktypen', '20', '--seed', '7'], { cwd: root });
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  zaaktypen = (await sql.query(`SELECT value FROM public.bench_manifest WHERE key = 'zaaktypen'`)).rows[0].value;
  og = await buildOpenGrond({
    database: { kind: 'postgres', url, poolSize: 4 },
    notificaties: { delivery: false },
    clients: [{ ...BENCH_ADMIN, heeftAlleAutorisaties: true }],
  });
  base = await og.app.listen({ port: 0, host: '127.0.0.1' });
  // Grants name zaaktypen by URL on the host the client reaches the server at.
  await provisionClients(og.database, [{ ...LIMITED, autorisaties: zaaktypen.slice(0, 5).map((z) => ({ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: `${base}${z.path}`, maxVertrouwelijkheidaanduiding: 'intern' })) }]);
  og.authenticator.invalidate();
}, { timeout: 600_000 });

after(async () => {
  if (!serverUrl) return;
  await og?.close();
  await sql?.end();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
});

test('generated zaken and their parts validate against the resource schemas', { skip: !serverUrl && 'needs TEST_DATABASE_URL' }, async () => {
  const { rows } = await sql.query(`SELECT uuid FROM zaken.zaak WHERE id IN (1, 2, 250, 500, 999, 1000) ORDER BY id`);
  for (const { uuid } of rows) {
    const zaak = await call('GET', `/zaken/api/v1/zaken/${uuid}`);
    assert.equal(zaak.status, 200, JSON.stringify(zaak.body));
    valid(Zaak, zaak.body, `zaak ${uuid}`);
    assert.match(zaak.body.identificatie, /^ZAAK-\d{4}-\d{10}$/);
    for (const part of [zaak.body.status, zaak.body.resultaat, ...zaak.body.rollen, ...zaak.body.zaakobjecten, ...zaak.body.zaakinformatieobjecten].filter(Boolean)) {
      const response = await call('GET', part);
      assert.equal(response.status, 200, `${part}: ${JSON.stringify(response.body)}`);
      const schema = part.includes('/statussen/') ? Status : part.includes('/resultaten/') ? Resultaat : part.includes('/rollen/') ? Rol : part.includes('/zaakobjecten/') ? ZaakObject : ZaakInformatieObject;
      valid(schema, response.body, part);
      if (part.includes('/zaakinformatieobjecten/')) {
        const document = await call('GET', response.body.informatieobject);
        assert.equal(document.status, 200, JSON.stringify(document.body));
        valid(EnkelvoudigInformatieObject, document.body, response.body.informatieobject);
        const relations = await call('GET', `/documenten/api/v1/objectinformatieobjecten?informatieobject=${encodeURIComponent(response.body.informatieobject)}`);
        assert.deepEqual(relations.body.map((r: { object: string }) => r.object), [zaak.body.url]);
      }
    }
    if (zaak.body.einddatum) {
      assert.equal(zaak.body.status.includes('/statussen/'), true);
      const status = await call('GET', zaak.body.status);
      assert.equal(status.body.statustype.endsWith(zaaktypen.find((z) => zaak.body.zaaktype.endsWith(z.path))!.statustypen[2]!), true, 'a closed zaak has the eindstatus');
      assert.ok(zaak.body.resultaat, 'a closed zaak has a resultaat');
      assert.ok(zaak.body.archiefnominatie, 'a closed zaak has its archiefnominatie');
    }
  }
});

test('a limited client sees exactly its zaaktypen up to its ceiling, with an exact count', { skip: !serverUrl && 'needs TEST_DATABASE_URL' }, async () => {
  const expected = await sql.query(`SELECT count(*)::int AS n FROM zaken.zaak WHERE zaaktype = ANY($1) AND vertrouwelijkheid_rank <= 2`, [zaaktypen.slice(0, 5).map((z) => z.path)]);
  const list = await call('GET', '/zaken/api/v1/zaken', undefined, LIMITED);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  assert.equal(list.body.count, expected.rows[0].n);
  assert.ok(list.body.count > 0);
  for (const zaak of list.body.results) valid(Zaak, zaak, zaak.url);
});

test('an open zaak with a resultaat closes through the API, with derived archive dates', { skip: !serverUrl && 'needs TEST_DATABASE_URL' }, async () => {
  const { rows: [open] } = await sql.query(`SELECT z.uuid, z.zaaktype FROM zaken.zaak z JOIN zaken.resultaat r ON r.zaak_id = z.id WHERE z.einddatum IS NULL ORDER BY z.id LIMIT 1`);
  assert.ok(open, 'the generator leaves open zaken with a resultaat');
  const zaaktype = zaaktypen.find((z) => z.path === open.zaaktype)!;
  const created = await call('POST', '/zaken/api/v1/statussen', { zaak: `${base}/zaken/api/v1/zaken/${open.uuid}`, statustype: `${base}${zaaktype.statustypen[2]}`, datumStatusGezet: '2026-11-30T12:00:00Z' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const zaak = await call('GET', `/zaken/api/v1/zaken/${open.uuid}`);
  assert.equal(zaak.body.einddatum, '2026-11-30');
  assert.ok(zaak.body.archiefnominatie);
});

test('a new zaak gets the next identificatie of its year', { skip: !serverUrl && 'needs TEST_DATABASE_URL' }, async () => {
  const { rows: [last] } = await sql.query(`SELECT max(identificatie) AS id FROM zaken.zaak WHERE identificatie LIKE 'ZAAK-2026-%'`);
  const created = await call('POST', '/zaken/api/v1/zaken', { bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', zaaktype: `${base}${zaaktypen[0]!.path}`, startdatum: '2026-11-30', registratiedatum: '2026-11-30' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.identificatie, `ZAAK-2026-${String(Number(last.id.slice(10)) + 1).padStart(10, '0')}`);
});
