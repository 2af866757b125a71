import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkApiAgainstStandard } from '../../helpers/openapi.ts';
import { besluiten } from '../../../src/components/besluiten/index.ts';

describe('Besluiten API document', () => {
  it('matches the official besluiten-1.1.0.yaml on every path, and passes the ADR linter', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(besluiten, 'besluiten-1.1.0.yaml');
    assert.deepEqual(differences, []);
    assert.deepEqual(spectralErrors, []);
  });
});
