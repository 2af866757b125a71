import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileValidator, validateVariant } from '../../../src/platform/http/validation.ts';
import { ProblemError } from '../../../src/platform/http/problem.ts';
import { buildOpenApi } from '../../../src/platform/http/openapi.ts';
import { defineOperation } from '../../../src/platform/http/api.ts';
import { PatchedZaakObject, Rol } from '../../../src/components/zaken/schemas.ts';

function invalidParams(fn: () => void) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ProblemError);
    return error.invalidParams?.map((p) => `${p.name}:${p.code}`);
  }
  return [];
}

const rol = { zaak: 'https://example.com/zaken/api/v1/zaken/1', betrokkeneType: 'natuurlijk_persoon', roltype: 'https://example.com/rt', roltoelichting: 'x' };

describe('Discriminated schemas', () => {
  const validate = compileValidator(Rol, 'body');

  it('validate the variant the discriminator selects, with the base, all errors at once', () => {
    assert.deepEqual(invalidParams(() => validate({ ...rol, betrokkeneIdentificatie: { inpBsn: '1234567890' } })), ['betrokkeneIdentificatie.inpBsn:max_length']);
    assert.deepEqual(invalidParams(() => validate({ ...rol, roltype: 'x', betrokkeneIdentificatie: { inpBsn: '1234567890' } })), ['roltype:invalid', 'betrokkeneIdentificatie.inpBsn:max_length']);
    // Another variant has other properties: vestigingsNummer is limited to 24 characters.
    assert.deepEqual(invalidParams(() => validate({ ...rol, betrokkeneType: 'vestiging', betrokkeneIdentificatie: { vestigingsNummer: 'x'.repeat(25) } })), ['betrokkeneIdentificatie.vestigingsNummer:max_length']);
    assert.deepEqual(invalidParams(() => validate({ ...rol, betrokkeneIdentificatie: { inpBsn: '123456789', geslachtsaanduiding: '' } })), []);
  });

  it('validate a PATCH body against the stored discriminator value', () => {
    assert.deepEqual(invalidParams(() => validateVariant(PatchedZaakObject, 'adres', { objectIdentificatie: { identificatie: 'x', wplWoonplaatsNaam: 'A', gorOpenbareRuimteNaam: 'B', huisnummer: 'één' } })), ['objectIdentificatie.huisnummer:invalid']);
  });

  it('are documented with their discriminator mapping and named variants', () => {
    const doc = buildOpenApi({
      name: 'x', component: 'zrc', title: 'x', version: '1', description: '',
      operations: [defineOperation({ method: 'POST', path: '/rollen', operationId: 'rol_create', summary: '', tags: [], scopes: [], body: Rol, responses: { 201: { description: 'Created', schema: Rol } }, handler: async () => ({ status: 201 }) })],
    }) as { components: { schemas: Record<string, any> } };
    const schemas = doc.components.schemas;
    assert.equal(schemas.Rol.discriminator.propertyName, 'betrokkeneType');
    assert.equal(schemas.Rol.discriminator.mapping.natuurlijk_persoon, '#/components/schemas/natuurlijk_persoon_Rol');
    assert.deepEqual(schemas.natuurlijk_persoon_Rol.allOf, [{ $ref: '#/components/schemas/Rol' }, { $ref: '#/components/schemas/betrokkene_identificatie_RolNatuurlijkPersoon' }]);
  });
});
