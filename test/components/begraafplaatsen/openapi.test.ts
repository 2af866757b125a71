import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildOpenApi } from '../../../src/platform/http/openapi.ts';
import { lintWithSpectral } from '../../../src/platform/openapi/spectral.ts';
import { begraafplaatsen } from '../../../src/components/begraafplaatsen/index.ts';
import type { Database } from '../../../src/platform/db/database.ts';
import type { ReferenceResolver } from '../../../src/platform/references/resolver.ts';
import { SHARED } from '../../helpers/openapi.ts';

describe('Begraafplaatsen API document', () => {
  // Our own API: no official document to compare with, so the API Design Rules linter and the contract are the judges.
  const document = buildOpenApi(begraafplaatsen.api({ database: {} as Database, invalidateAuth: () => {}, references: {} as ReferenceResolver, dataDir: '/nowhere', logboek: undefined as never })) as any;

  it('passes the Dutch API Design Rules linter without errors', async () => {
    const { errors } = await lintWithSpectral(document, path.join(SHARED, 'standards/adr/spectral-ruleset.yaml'));
    assert.deepEqual(errors, []);
  });

  it('has the operations of the contract (docs/begrafenisplanner.md)', () => {
    const operations = Object.entries(document.paths).flatMap(([p, item]: [string, any]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${p}`));
    assert.deepEqual(operations.sort(), [
      'DELETE /reserveringen/{uuid}',
      'GET /begraafplaatsen',
      'GET /begraafplaatsen/{uuid}',
      'GET /grafplaatsen',
      'GET /grafplaatsen/{uuid}',
      'GET /grafsoorten',
      'GET /grafsoorten/{uuid}',
      'GET /graven',
      'GET /graven/{uuid}',
      'GET /reserveringen',
      'GET /reserveringen/{uuid}',
      'GET /tijdsloten',
      'PATCH /reserveringen/{uuid}',
      'POST /reserveringen',
    ]);
    assert.deepEqual(document.paths['/reserveringen'].post.security, [{ 'JWT-Claims': ['begraafplaatsen.reserveren', 'begraafplaatsen.beheren'] }]);
    assert.deepEqual(Object.keys(document.components.schemas.Reservering.properties).sort(), ['aanmaakdatum', 'begraafplaats', 'eind', 'grafplaats', 'start', 'status', 'url', 'uuid', 'verlooptOp', 'zaak']);
  });
});
