import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkAanmaakdatum, consistentWithKanaal, matchesFilters } from '../../../src/components/notificaties/rules.ts';
import { backoffDelay } from '../../../src/components/notificaties/delivery/backoff.ts';

describe('Notificaties rules', () => {
  it('matches filters by value or *, ignoring filters on kenmerken the notificatie lacks, in any case style', () => {
    const kenmerken = { bronorganisatie: '224557609', zaaktype: 'https://z/zaaktypen/1', verantwoordelijkeOrganisatie: '002220647' };
    assert.ok(matchesFilters({}, kenmerken));
    assert.ok(matchesFilters({ bronorganisatie: '224557609', zaaktype: '*' }, kenmerken));
    assert.ok(!matchesFilters({ bronorganisatie: '111222333' }, kenmerken));
    assert.ok(matchesFilters({ verantwoordelijke_organisatie: '002220647' }, kenmerken));
    assert.ok(!matchesFilters({ verantwoordelijke_organisatie: '1' }, kenmerken));
    assert.ok(matchesFilters({ vertrouwelijkheidaanduiding: 'openbaar' }, kenmerken));
  });

  it('accepts names that are some or all of the kanaal filters (or more than all of them)', () => {
    const kanaal = ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding'];
    assert.ok(consistentWithKanaal(kanaal, []));
    assert.ok(consistentWithKanaal(kanaal, ['zaaktype']));
    assert.ok(consistentWithKanaal(kanaal, [...kanaal, 'zaaktype.catalogus']));
    assert.ok(!consistentWithKanaal(kanaal, ['zaaktype', 'onbekend']));
    assert.ok(consistentWithKanaal(['verantwoordelijke_organisatie', 'besluittype'], ['verantwoordelijkeOrganisatie']));
  });

  it('refuses an aanmaakdatum more than a minute in the future', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    assert.deepEqual(checkAanmaakdatum('2024-05-01T12:00:30Z', now), []);
    assert.equal(checkAanmaakdatum('2024-05-01T12:05:00Z', now)[0]?.code, 'future_not_allowed');
  });

  it('backs off exponentially up to the maximum, with half of the delay random', () => {
    assert.equal(backoffDelay(1, 1000, 60_000, () => 0), 500);
    assert.equal(backoffDelay(1, 1000, 60_000, () => 1), 1000);
    assert.equal(backoffDelay(4, 1000, 60_000, () => 1), 8000);
    assert.equal(backoffDelay(20, 1000, 60_000, () => 1), 60_000);
    assert.equal(backoffDelay(20, 1000, 60_000, () => 0), 30_000);
  });
});
