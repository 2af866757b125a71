import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lintWithSpectral, type SpectralResult } from '../../../src/platform/openapi/spectral.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const ruleset = path.resolve(repoRoot, '..', 'shared', 'standards', 'adr', 'spectral-ruleset.yaml');

/** A minimal document that satisfies the ADR ruleset. */
function good(): Record<string, any> {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Dingen',
      version: '1.0.0',
      contact: { name: 'Open Grond', email: 'info@example.nl', url: 'https://example.nl' },
    },
    servers: [{ url: 'https://example.nl/dingen/api/v1' }],
    paths: {
      '/dingen': {
        get: {
          operationId: 'dingList',
          responses: {
            '200': {
              description: 'OK',
              headers: { 'API-Version': { schema: { type: 'string' } } },
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { naam: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  };
}

function assertShape(r: SpectralResult): void {
  assert.equal(typeof r.code, 'string');
  assert.equal(typeof r.message, 'string');
  assert.equal(typeof r.path, 'string');
  assert.equal(typeof r.severity, 'number');
}

describe('lintWithSpectral', () => {
  it('finds nothing in a small document that follows the API Design Rules', async () => {
    const result = await lintWithSpectral(good(), ruleset);
    assert.deepEqual(Object.keys(result).sort(), ['errors', 'warnings']);
    assert.deepEqual(result, { errors: [], warnings: [] });
  });

  it('reports a trailing slash (path-keys-no-trailing-slash, error) and other violations', async () => {
    const doc = good();
    doc.paths['/dingen/'] = doc.paths['/dingen'];
    delete doc.paths['/dingen'];
    doc.components = { schemas: { dingLijst: { type: 'object' } } };
    const { errors, warnings } = await lintWithSpectral(doc, ruleset);
    for (const r of [...errors, ...warnings]) assertShape(r);
    // The ruleset's own nlgov:paths-no-trailing-slash never fires (its regex needs a space
    // before the slash); the enabled spectral:oas rule catches it.
    assert.deepEqual(
      errors.map((e) => [e.code, e.path, e.severity]),
      [['path-keys-no-trailing-slash', 'paths./dingen/', 0]],
    );
    assert.deepEqual(
      warnings.map((w) => [w.code, w.path, w.severity]),
      [['nlgov:schema-camel-case', 'components.schemas.dingLijst', 1]],
    );
  });

  it('throws when Spectral itself fails', async () => {
    await assert.rejects(lintWithSpectral(good(), path.join(repoRoot, 'does-not-exist.yaml')), /spectral failed/);
  });
});
