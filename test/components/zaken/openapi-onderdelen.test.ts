import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkApiAgainstStandard } from '../../helpers/openapi.ts';
import { zaken } from '../../../src/components/zaken/index.ts';

/**
 * The paths of the resources that belong to a zaak (rollen, zaakobjecten, ... zaakbesluiten)
 * against zaken-1.5.2.yaml. Once the whole API's comparison (openapi.test.ts, branch
 * zaken-scaffold) lists none of these as pending, this file can go.
 */
const PATHS = [
  '/rollen',
  '/rollen/{uuid}',
  '/zaakobjecten',
  '/zaakobjecten/{uuid}',
  '/zaakinformatieobjecten',
  '/zaakinformatieobjecten/{uuid}',
  '/klantcontacten',
  '/klantcontacten/{uuid}',
  '/zaakcontactmomenten',
  '/zaakcontactmomenten/{uuid}',
  '/zaakverzoeken',
  '/zaakverzoeken/{uuid}',
  '/zaken/{zaak_uuid}/zaakeigenschappen',
  '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}',
  '/zaken/{zaak_uuid}/besluiten',
  '/zaken/{zaak_uuid}/besluiten/{uuid}',
];

describe('Zaken API document: the resources of a zaak', () => {
  it('match the official zaken-1.5.2.yaml, and pass the ADR linter but where the standard itself deviates', async () => {
    const { differences, spectralErrors } = await checkApiAgainstStandard(zaken, 'zaken-1.5.2.yaml');
    // A difference's location is `METHOD /path …`, or the path itself when the path is missing.
    assert.deepEqual(differences.filter((d) => PATHS.some((path) => d.location === path || d.location.split(' ')[1] === path)), []);
    const onPaths = spectralErrors.filter((e) => PATHS.some((path) => e.path.startsWith(`paths.${path}.`)));
    assert.ok(onPaths.length > 0, 'the linter saw these paths');
    // The standard names its filters with `__` against the ADR's camelCase rule, and documents its 204s without API-version; the standard wins.
    const standardDeviations = (e: { code: string | number; message: string; path: string }) =>
      (e.code === 'nlgov:query-keys-camel-case' && /__/.test(e.message)) || (e.code === 'nlgov:missing-header' && e.path.endsWith('.delete.responses.204'));
    assert.deepEqual(onPaths.filter((e) => !standardDeviations(e)), []);
  });
});
