/**
 * The app touches no table of another component (issue #10): it imports nothing from
 * src/components or src/fsc, and the only schema its SQL names is its own, `begrafenisplanner`.
 * It reaches the sources over HTTP only (sources/http.ts). A change that reads a component's
 * table or calls its code in-process fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const APP = fileURLToPath(new URL('../../../src/apps/begrafenisplanner/', import.meta.url));
const COMPONENTS = fileURLToPath(new URL('../../../src/components/', import.meta.url));

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every schema a component's migrations create: the names the app may not use. */
function componentSchemas(): string[] {
  const schemas = new Set<string>(['platform', 'fsc']);
  for (const file of files(COMPONENTS).filter((f) => f.endsWith('.sql'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/CREATE SCHEMA(?: IF NOT EXISTS)? (\w+)/gi)) schemas.add(m[1]!.toLowerCase());
  }
  return [...schemas];
}

test('the Begrafenisplanner imports no component, no FSC code and no database access but its own', () => {
  const sources = files(APP).filter((f) => f.endsWith('.ts'));
  assert.ok(sources.length > 5);
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from '([^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      const rel = path.relative(fileURLToPath(new URL('../../../src/', import.meta.url)), target);
      assert.ok(!rel.startsWith('components') && !rel.startsWith('fsc'), `${path.relative(APP, file)} imports ${m[1]}`);
      // Database: only the type, for its own store.
      if (rel.startsWith(path.join('platform', 'db'))) assert.ok(/import type/.test(text.slice(text.lastIndexOf('import', m.index), m.index)), `${path.relative(APP, file)} uses ${m[1]} for more than a type`);
    }
  }
});

test("the Begrafenisplanner's SQL names only its own schema", () => {
  const schemas = componentSchemas();
  assert.ok(schemas.includes('zaken') && schemas.includes('begraafplaatsen') && schemas.includes('brp'), schemas.join());
  for (const file of files(APP)) {
    const name = path.relative(APP, file);
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.sql')) {
      // Migrations: every schema-qualified name is the app's own.
      for (const m of text.replace(/--.*$/gm, '').matchAll(/\b([a-z_]+)\.([a-z_]+)\b/g)) assert.equal(m[1], 'begrafenisplanner', `${name} names ${m[0]}`);
      continue;
    }
    assert.doesNotMatch(text, /from 'kysely'/, `${name} imports kysely`);
    // Queries are written in the store only, on the app's own tables.
    const queries = [...text.matchAll(/\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(([^)]*)\)|\bsql`/g)];
    if (name !== 'store.ts') assert.deepEqual(queries.map((q) => q[0]), [], `${name} queries the database`);
  }
  const store = fs.readFileSync(path.join(APP, 'store.ts'), 'utf8');
  const tables = [...store.matchAll(/const TABLE = '([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(tables, ['begrafenisplanner.aanvraag']);
  for (const m of store.matchAll(/\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(([^)]*)\)/g)) assert.equal(m[1], 'TABLE', `store.ts queries ${m[1]}`);
  for (const schema of schemas) assert.doesNotMatch(store, new RegExp(`'${schema}\\.`), `store.ts names schema ${schema}`);
});
