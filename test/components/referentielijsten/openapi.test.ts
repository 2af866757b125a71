import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkApiAgainstStandard, SHARED } from '../../helpers/openapi.ts';
import { referentielijsten } from '../../../src/components/referentielijsten/index.ts';
import { buildOpenApi } from '../../../src/platform/http/openapi.ts';
import { lintWithSpectral } from '../../../src/platform/openapi/spectral.ts';
import { loadOpenApi } from '../../../src/platform/openapi/compare.ts';

/**
 * The standard names the filter on resultaten `proces_type`; the API Design Rules want query
 * keys in camelCase. A client sends `proces_type`, so we must too: this is the one ADR error
 * our document has, and the official document has it as well (checked below).
 */
const INHERITED_ERROR = {
  code: 'nlgov:query-keys-camel-case',
  message: 'proces_type is not lower camelCase.',
  path: 'paths./resultaten.get.parameters.0.name',
  severity: 0,
};

describe('Referentielijsten API document', () => {
  it('matches the official referentielijsten.yaml; its only ADR error is the standard’s own', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(referentielijsten, 'referentielijsten.yaml');
    assert.deepEqual(differences, []);
    assert.deepEqual(spectralErrors, [INHERITED_ERROR]);

    const official = await lintWithSpectral(loadOpenApi(path.join(SHARED, 'standards/zgw/referentielijsten.yaml')), path.join(SHARED, 'standards/adr/spectral-ruleset.yaml'));
    assert.ok(official.errors.some((e) => e.code === INHERITED_ERROR.code && e.path === INHERITED_ERROR.path), 'the official document has the same error');
  });

  it('declares no security requirement, as the standard (the API is public)', () => {
    const document = buildOpenApi(referentielijsten.api({ database: undefined as never, invalidateAuth: () => {}, references: undefined as never, dataDir: '', logboek: undefined as never })) as any;
    assert.equal(document.security, undefined);
    for (const item of Object.values(document.paths) as any[]) {
      for (const [method, operation] of Object.entries(item)) if (method !== 'parameters') assert.deepEqual((operation as any).security, [], method);
    }
  });
});
