import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileValidator } from '../../../src/platform/http/validation.ts';
import { ProblemError } from '../../../src/platform/http/problem.ts';
import { Enum, Nullable, Type } from '../../../src/platform/http/schema.ts';
import { GeoJSONGeometry } from '../../../src/components/zaken/schemas.ts';

function invalidParams(fn: () => void): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ProblemError);
    return error.invalidParams?.map((p) => `${p.name}:${p.code}`) ?? [];
  }
  return [];
}

describe('request validation', () => {
  it('takes null for a nullable union (a geometry or null), and still checks the alternatives', () => {
    const validate = compileValidator(Type.Object({ zaakgeometrie: Type.Optional(Nullable(GeoJSONGeometry)) }), 'body');
    assert.deepEqual(invalidParams(() => validate({ zaakgeometrie: null })), []);
    assert.deepEqual(invalidParams(() => validate({ zaakgeometrie: { type: 'Point', coordinates: [5, 52] } })), []);
    assert.notDeepEqual(invalidParams(() => validate({ zaakgeometrie: { type: 'Point' } })), []);
    assert.notDeepEqual(invalidParams(() => validate({ zaakgeometrie: 'ergens' })), []);
  });

  it("drops '' in an optional choice as not given, unless '' is one of the choices (the standards' BlankEnum)", () => {
    const validate = compileValidator(Type.Object({ richting: Type.Optional(Enum(['in', 'uit'])), status: Type.Optional(Enum(['definitief', 'gearchiveerd', ''])) }), 'body');
    const body: Record<string, unknown> = { richting: '', status: '' };
    assert.deepEqual(invalidParams(() => validate(body)), []);
    assert.deepEqual(body, { status: '' });
  });
});
