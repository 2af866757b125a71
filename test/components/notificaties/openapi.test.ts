import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkApiAgainstStandard } from '../../helpers/openapi.ts';
import { notificaties } from '../../../src/components/notificaties/index.ts';

describe('Notificaties API document', () => {
  it('matches the official notificaties-1.0.1.yaml on every path, and passes the ADR linter', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(notificaties, 'notificaties-1.0.1.yaml');
    assert.deepEqual(differences, []);
    assert.deepEqual(spectralErrors, []);
  });
});
