import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkApiAgainstStandard } from '../../helpers/openapi.ts';
import { autorisaties } from '../../../src/components/autorisaties/index.ts';

describe('Autorisaties API document', () => {
  it('matches the official autorisaties-1.0.0.yaml and passes the ADR linter', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(autorisaties, 'autorisaties-1.0.0.yaml');
    assert.deepEqual(differences, []);
    assert.deepEqual(spectralErrors, []);
  });
});
