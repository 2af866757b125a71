import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { generateSchemas } from '../../scripts/generate-schemas.ts';
import { compareOpenApi, loadOpenApi } from '../../src/platform/openapi/compare.ts';
import { buildOpenApi } from '../../src/platform/http/openapi.ts';
import { defineOperation, type Operation } from '../../src/platform/http/api.ts';
import { schemaName, type TSchema } from '../../src/platform/http/schema.ts';
import { SHARED } from '../helpers/openapi.ts';
import * as zaken from '../../src/components/zaken/schemas.ts';

/**
 * Every generated schema against its official counterpart: one synthetic path per schema,
 * answering it, in both documents, compared as the API documents are.
 */
function schemaDifferences(officialFile: string, module: Record<string, unknown>) {
  const official = loadOpenApi(path.join(SHARED, 'standards/zgw', officialFile)) as { components: { schemas: Record<string, unknown> } };
  const schemas = Object.values(module).filter((v): v is TSchema => typeof v === 'object' && v !== null && schemaName(v) !== undefined);
  const pathOf = (name: string) => `/schema/${name}`;
  const operations: Operation[] = schemas.map((schema) =>
    defineOperation({
      method: 'GET', path: pathOf(schemaName(schema)!), operationId: schemaName(schema)!, summary: '', tags: [], scopes: [],
      responses: { 200: { description: 'OK', schema } }, handler: async () => ({ status: 200 }),
    }),
  );
  const ours = buildOpenApi({ name: 'x', component: 'zrc', title: 'x', version: '1', description: '', operations });
  const officialPaths: Record<string, unknown> = {};
  for (const name of schemas.map((s) => schemaName(s)!)) {
    officialPaths[pathOf(name)] = { get: { responses: { 200: { description: 'OK', headers: { 'API-version': {} }, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } } };
  }
  const missing = Object.keys(official.components.schemas).filter((n) => !schemas.some((s) => schemaName(s) === n));
  return { differences: compareOpenApi({ ...official, paths: officialPaths }, ours), missing };
}

describe('generate-schemas', () => {
  it('the Zaken schemas match zaken-1.5.2.yaml schema for schema', () => {
    const { differences, missing } = schemaDifferences('zaken-1.5.2.yaml', zaken);
    assert.deepEqual(differences, []);
    // Only the enums (inlined) and the problem schemas (emitted by openapi.ts) have no constant.
    assert.deepEqual(missing.filter((n) => !/Enum$/.test(n) && !['Fout', 'ValidatieFout', 'FieldValidationError'].includes(n)), []);
  });

  it('src/components/zaken/schemas.ts is what the generator makes of the spec (hand edits are reviewed diffs)', () => {
    const document = parse(readFileSync(path.join(SHARED, 'standards/zgw/zaken-1.5.2.yaml'), 'utf8'));
    const generated = generateSchemas(document, 'zaken-1.5.2.yaml');
    assert.ok(generated.includes("export const natuurlijk_persoon_Rol = named('natuurlijk_persoon_Rol', AllOf([Lazy((): TSchema => Rol), betrokkene_identificatie_RolNatuurlijkPersoon]))"));
  });
});
