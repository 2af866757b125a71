import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkApiAgainstStandard } from '../../helpers/openapi.ts';
import { zaken } from '../../../src/components/zaken/index.ts';

/**
 * Paths of zaken-1.5.2.yaml not served yet, each built in its own module: remove a path here
 * when its operations land. Every other path must match the standard exactly.
 */
const PENDING = [
  '/klantcontacten',
  '/klantcontacten/{uuid}',
  '/rollen',
  '/rollen/{uuid}',
  '/zaakcontactmomenten',
  '/zaakcontactmomenten/{uuid}',
  '/zaakinformatieobjecten',
  '/zaakinformatieobjecten/{uuid}',
  '/zaakobjecten',
  '/zaakobjecten/{uuid}',
  '/zaakverzoeken',
  '/zaakverzoeken/{uuid}',
  '/zaken/{zaak_uuid}/besluiten',
  '/zaken/{zaak_uuid}/besluiten/{uuid}',
  '/zaken/{zaak_uuid}/zaakeigenschappen',
  '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}',
];

describe('Zaken API document', () => {
  it('matches the official zaken-1.5.2.yaml on every path served, and passes the ADR linter', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(zaken, 'zaken-1.5.2.yaml');
    const pending = differences.filter((d) => d.kind === 'missing' && d.detail === 'path in official, not in ours' && PENDING.includes(d.location));
    assert.deepEqual(differences.filter((d) => !pending.includes(d)), []);
    // A path that landed must leave the list, so it is compared from then on.
    assert.deepEqual(PENDING.filter((path) => !pending.some((d) => d.location === path)), []);
    // The standard names its filters with `__` (Django's lookups) against the ADR's camelCase rule; the standard wins.
    // Its 204s document no API-version header (the server sends one all the same).
    const standardDeviations = (e: { code: string | number; message: string; path: string }) =>
      (e.code === 'nlgov:query-keys-camel-case' && /__/.test(e.message)) || (e.code === 'nlgov:missing-header' && e.path.endsWith('.delete.responses.204'));
    assert.deepEqual(spectralErrors.filter((e) => !standardDeviations(e)), []);
  });
});
