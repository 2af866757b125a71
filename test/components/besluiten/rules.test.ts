import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { besluittypeOfZaaktype, datumInFuture, informatieobjecttypeOfBesluittype } from '../../../src/components/besluiten/rules.ts';

const same = (a: string, b: string) => a === b;
const CATALOGUS = 'https://ztc.example/catalogi/api/v1/catalogussen/1';
const codes = (params: { code: string }[]) => params.map((p) => p.code);

describe('besluittype of the zaak’s zaaktype (brc-006a)', () => {
  const zaaktype = { catalogus: CATALOGUS, besluittypen: ['https://ztc.example/bt/2024'], besluittypeOmschrijving: ['vergunning'] };

  it('is allowed when the zaaktype lists its URL, or (another version) its omschrijving in the same catalogus', () => {
    assert.deepEqual(besluittypeOfZaaktype('https://ztc.example/bt/2024', { catalogus: CATALOGUS, omschrijving: 'vergunning' }, zaaktype, same), []);
    assert.deepEqual(besluittypeOfZaaktype('https://ztc.example/bt/2020', { catalogus: CATALOGUS, omschrijving: 'vergunning' }, zaaktype, same), []);
  });

  it('is a zaaktype-mismatch otherwise, also for the same omschrijving in another catalogus', () => {
    assert.deepEqual(codes(besluittypeOfZaaktype('https://ztc.example/bt/9', { catalogus: CATALOGUS, omschrijving: 'boete' }, zaaktype, same)), ['zaaktype-mismatch']);
    assert.deepEqual(codes(besluittypeOfZaaktype('https://ztc.example/bt/9', { catalogus: `${CATALOGUS}0`, omschrijving: 'vergunning' }, zaaktype, same)), ['zaaktype-mismatch']);
    assert.deepEqual(codes(besluittypeOfZaaktype('https://ztc.example/bt/9', {}, {}, same)), ['zaaktype-mismatch']);
  });
});

describe('informatieobjecttype of the besluittype (brc-007a)', () => {
  const besluittype = { catalogus: CATALOGUS, informatieobjecttypen: ['https://ztc.example/iot/2024'], informatieobjecttypeOmschrijvingen: ['besluitbrief'] };

  it('is allowed by URL, or by omschrijving in the same catalogus', () => {
    assert.deepEqual(informatieobjecttypeOfBesluittype('https://ztc.example/iot/2024', besluittype, undefined, same), []);
    assert.deepEqual(informatieobjecttypeOfBesluittype('https://ztc.example/iot/2020', besluittype, { catalogus: CATALOGUS, omschrijving: 'besluitbrief' }, same), []);
  });

  it('is missing-besluittype-informatieobjecttype-relation otherwise', () => {
    assert.deepEqual(codes(informatieobjecttypeOfBesluittype('https://ztc.example/iot/2020', besluittype, undefined, same)), ['missing-besluittype-informatieobjecttype-relation']);
    assert.deepEqual(codes(informatieobjecttypeOfBesluittype('https://ztc.example/iot/3', besluittype, { catalogus: CATALOGUS, omschrijving: 'bijlage' }, same)), ['missing-besluittype-informatieobjecttype-relation']);
  });
});

describe('datum', () => {
  it('may be today or before, not after', () => {
    assert.deepEqual(datumInFuture('2024-03-01', '2024-03-01'), []);
    assert.deepEqual(codes(datumInFuture('2024-03-02', '2024-03-01')), ['future_not_allowed']);
  });
});
