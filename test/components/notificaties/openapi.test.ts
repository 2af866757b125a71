import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkApiAgainstStandard, SHARED } from '../../helpers/openapi.ts';
import { notificaties } from '../../../src/components/notificaties/index.ts';
import { beheerApi } from '../../../src/components/notificaties/beheer.ts';
import { buildOpenApi } from '../../../src/platform/http/openapi.ts';
import { lintWithSpectral } from '../../../src/platform/openapi/spectral.ts';
import type { Database } from '../../../src/platform/db/database.ts';

describe('Notificaties API document', () => {
  it('matches the official notificaties-1.0.1.yaml on every path, and passes the ADR linter', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(notificaties, 'notificaties-1.0.1.yaml');
    assert.deepEqual(differences, []);
    assert.deepEqual(spectralErrors, []);
  });

  it('has a beheer-API document that passes the ADR linter', async () => {
    const document = buildOpenApi(beheerApi({} as Database));
    assert.deepEqual(Object.keys(document.paths as object), ['/leveringen', '/leveringen/{id}', '/leveringen/{id}/opnieuw', '/leveringen/opnieuw']);
    const { errors } = await lintWithSpectral(document, path.join(SHARED, 'standards/adr/spectral-ruleset.yaml'));
    assert.deepEqual(errors, []);
  });
});
