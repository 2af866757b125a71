import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDuration, archiveOnClose, ArchiveError, brondatum, factsNeeded, parseDate, AFLEIDINGSWIJZEN, type BrondatumArchiefprocedure } from '../../../src/components/zaken/archiving.ts';

const einddatum = '2018-04-26';
const procedure = (afleidingswijze: string, extra: Partial<BrondatumArchiefprocedure> = {}): BrondatumArchiefprocedure => ({ afleidingswijze, datumkenmerk: '', objecttype: '', registratie: '', procestermijn: null, einddatumBekend: false, ...extra });
const throwsArchive = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: Error) => e instanceof ArchiveError && message.test(e.message));

describe('archiving: dates and durations', () => {
  it('adds ISO 8601 durations as calendar arithmetic (relativedelta): months clamp to the month end', () => {
    assert.equal(addDuration('2018-04-26', 'P10Y'), '2028-04-26');
    assert.equal(addDuration('2018-04-26', 'P5M'), '2018-09-26');
    assert.equal(addDuration('2018-11-30', 'P1Y6M'), '2020-05-30');
    assert.equal(addDuration('2020-01-31', 'P1M'), '2020-02-29');
    assert.equal(addDuration('2020-02-29', 'P1Y'), '2021-02-28');
    assert.equal(addDuration('2018-12-25', 'P2W'), '2019-01-08');
    assert.equal(addDuration('2018-12-31', 'P1D'), '2019-01-01');
    assert.equal(addDuration('2018-01-01', 'PT36H'), '2018-01-02');
    assert.equal(addDuration('2018-01-31', 'P1Y1M1DT24H'), '2019-03-02');
    assert.throws(() => addDuration('2018-01-01', '10 jaar'), ArchiveError);
  });

  it('reads dates as clients write them, and nothing else', () => {
    assert.equal(parseDate('2023-01-01'), '2023-01-01');
    assert.equal(parseDate('2013-1-1'), '2013-01-01');
    assert.equal(parseDate('20230215'), '2023-02-15');
    assert.equal(parseDate('2023-01-01T23:30:00+02:00'), '2023-01-01');
    assert.equal(parseDate('2024-02-29'), '2024-02-29');
    for (const wrong of ['2023-02-29', '2023-13-01', 'morgen', '', '2023', 20230101, null]) assert.equal(parseDate(wrong), undefined, String(wrong));
  });
});

describe('archiving: the brondatum for each afleidingswijze', () => {
  it('names the fact each afleidingswijze needs', () => {
    assert.deepEqual(
      AFLEIDINGSWIJZEN.map((a) => [a, factsNeeded(a)]),
      [
        ['afgehandeld', undefined],
        ['ander_datumkenmerk', undefined],
        ['eigenschap', 'eigenschappen'],
        ['gerelateerde_zaak', 'relevanteZaken'],
        ['hoofdzaak', 'hoofdzaak'],
        ['ingangsdatum_besluit', 'besluiten'],
        ['termijn', undefined],
        ['vervaldatum_besluit', 'besluiten'],
        ['zaakobject', 'zaakobjecten'],
      ],
    );
  });

  it('afgehandeld: the einddatum of the zaak', () => {
    assert.equal(brondatum(procedure('afgehandeld'), { einddatum }), einddatum);
  });

  it('ander_datumkenmerk: unknown, to be set by hand', () => {
    assert.equal(brondatum(procedure('ander_datumkenmerk', { datumkenmerk: 'identificatie', objecttype: 'pand', registratie: 'BAG' }), { einddatum }), null);
  });

  it('termijn: the einddatum plus the procestermijn (zrc-021f)', () => {
    assert.equal(brondatum(procedure('termijn', { procestermijn: 'P5M' }), { einddatum }), '2018-09-26');
    throwsArchive(() => brondatum(procedure('termijn'), { einddatum }), /procestermijn/);
    throwsArchive(() => brondatum(procedure('termijn', { procestermijn: 'vijf maanden' }), { einddatum }), /procestermijn/);
  });

  it('hoofdzaak: the einddatum of the hoofdzaak, unknown without one (zrc-021b)', () => {
    assert.equal(brondatum(procedure('hoofdzaak'), { einddatum, hoofdzaak: { einddatum: '2018-04-18' } }), '2018-04-18');
    assert.equal(brondatum(procedure('hoofdzaak'), { einddatum, hoofdzaak: { einddatum: null } }), null);
    assert.equal(brondatum(procedure('hoofdzaak'), { einddatum, hoofdzaak: null }), null);
  });

  it('eigenschap: the date in the eigenschap named by datumkenmerk (zrc-021c)', () => {
    const eigenschappen = [{ naam: 'andere', waarde: '2030-01-01' }, { naam: 'archivering_test', waarde: '2023-01-01' }];
    assert.equal(brondatum(procedure('eigenschap', { datumkenmerk: 'archivering_test' }), { einddatum, eigenschappen }), '2023-01-01');
    assert.equal(brondatum(procedure('eigenschap', { datumkenmerk: 'datum' }), { einddatum, eigenschappen: [{ naam: 'datum', waarde: '20230615' }] }), '2023-06-15');
    assert.equal(brondatum(procedure('eigenschap', { datumkenmerk: 'leeg' }), { einddatum, eigenschappen: [{ naam: 'leeg', waarde: '' }] }), null);
    throwsArchive(() => brondatum(procedure('eigenschap', { datumkenmerk: 'ontbreekt' }), { einddatum, eigenschappen }), /Geen eigenschap gevonden/);
    throwsArchive(() => brondatum(procedure('eigenschap', { datumkenmerk: 'tekst' }), { einddatum, eigenschappen: [{ naam: 'tekst', waarde: 'test' }] }), /Geen geldige datumwaarde/);
    throwsArchive(() => brondatum(procedure('eigenschap'), { einddatum, eigenschappen }), /datumkenmerk/);
  });

  it('gerelateerde_zaak: the latest einddatum of the relevante andere zaken (zrc-021i)', () => {
    assert.equal(brondatum(procedure('gerelateerde_zaak'), { einddatum, relevanteZaken: [{ einddatum: '2018-04-26' }, { einddatum: null }, { einddatum: '2019-01-01' }] }), '2019-01-01');
    assert.equal(brondatum(procedure('gerelateerde_zaak'), { einddatum, relevanteZaken: [{ einddatum: null }] }), null);
    throwsArchive(() => brondatum(procedure('gerelateerde_zaak'), { einddatum, relevanteZaken: [] }), /Geen gerelateerde zaken/);
  });

  it('ingangsdatum_besluit: the latest ingangsdatum of the besluiten (zrc-021d)', () => {
    const besluiten = [{ ingangsdatum: '2016-01-01', vervaldatum: '2022-01-01' }, { ingangsdatum: '2024-01-01', vervaldatum: '2025-01-01' }];
    assert.equal(brondatum(procedure('ingangsdatum_besluit'), { einddatum, besluiten }), '2024-01-01');
    throwsArchive(() => brondatum(procedure('ingangsdatum_besluit'), { einddatum, besluiten: [] }), /Geen besluiten/);
  });

  it('vervaldatum_besluit: the latest vervaldatum of the besluiten, which must be set (zrc-021e)', () => {
    const besluiten = [{ ingangsdatum: '2016-01-01', vervaldatum: '2022-01-01' }, { ingangsdatum: '2024-01-01', vervaldatum: '2025-01-01' }, { ingangsdatum: '2017-01-01', vervaldatum: null }];
    assert.equal(brondatum(procedure('vervaldatum_besluit'), { einddatum, besluiten }), '2025-01-01');
    throwsArchive(() => brondatum(procedure('vervaldatum_besluit'), { einddatum, besluiten: [{ ingangsdatum: '2017-01-01', vervaldatum: null }] }), /vervaldatum moet gezet/);
    throwsArchive(() => brondatum(procedure('vervaldatum_besluit'), { einddatum, besluiten: [] }), /Geen besluiten/);
  });

  it('zaakobject: the latest datumkenmerk of the zaakobjecten of the objecttype (zrc-021h)', () => {
    const zaakobjecten = [{ waardepeildatum: '2008-1-1' }, { waardepeildatum: '2013-1-1' }];
    const wozWaarde = procedure('zaakobject', { objecttype: 'woz_waarde', datumkenmerk: 'waardepeildatum' });
    assert.equal(brondatum(wozWaarde, { einddatum, zaakobjecten }), '2013-01-01');
    assert.equal(brondatum(procedure('zaakobject', { objecttype: 'overige', datumkenmerk: 'geldigheid/einddatum' }), { einddatum, zaakobjecten: [{ geldigheid: { einddatum: '2030-05-01' } }] }), '2030-05-01');
    throwsArchive(() => brondatum(wozWaarde, { einddatum, zaakobjecten: [] }), /Geen zaakobject/);
    throwsArchive(() => brondatum(wozWaarde, { einddatum, zaakobjecten: [{ waardepeildatum: '2008-01-01' }, { anders: 1 }] }), /geen geldig attribuut/);
    throwsArchive(() => brondatum(wozWaarde, { einddatum, zaakobjecten: [{ waardepeildatum: 'gisteren' }] }), /Geen geldige datumwaarde/);
    throwsArchive(() => brondatum(procedure('zaakobject', { datumkenmerk: 'datum' }), { einddatum, zaakobjecten }), /objecttype/);
    throwsArchive(() => brondatum(procedure('zaakobject', { objecttype: 'besluit' }), { einddatum, zaakobjecten }), /datumkenmerk/);
  });

  it('an unknown afleidingswijze is an error', () => {
    throwsArchive(() => brondatum(procedure('morgen'), { einddatum }), /Onbekende afleidingswijze/);
  });
});

describe('archiving: what closing a zaak derives', () => {
  const open = { archiefnominatie: null, archiefactiedatum: null, startdatumBewaartermijn: null };
  const resultaattype = { archiefnominatie: 'vernietigen', archiefactietermijn: 'P10Y', brondatumArchiefprocedure: procedure('afgehandeld') };

  it('the resultaattype archiefnominatie, and the brondatum plus archiefactietermijn (zrc-021a)', () => {
    assert.deepEqual(archiveOnClose(open, resultaattype, { einddatum }), { archiefnominatie: 'vernietigen', archiefactiedatum: '2028-04-26' });
    const termijn = { ...resultaattype, brondatumArchiefprocedure: procedure('termijn', { procestermijn: 'P5M' }) };
    assert.deepEqual(archiveOnClose(open, termijn, { einddatum }), { archiefnominatie: 'vernietigen', archiefactiedatum: '2028-09-26' });
  });

  it('keeps what the zaak has; a startdatumBewaartermijn set by hand is the brondatum', () => {
    assert.deepEqual(archiveOnClose({ ...open, archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2040-01-01' }, resultaattype, { einddatum }), { archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2040-01-01' });
    const handmatig = { ...resultaattype, brondatumArchiefprocedure: procedure('ander_datumkenmerk', { einddatumBekend: true }) };
    assert.deepEqual(archiveOnClose({ ...open, startdatumBewaartermijn: '2020-06-01' }, handmatig, { einddatum }), { archiefnominatie: 'vernietigen', archiefactiedatum: '2030-06-01' });
  });

  it('no archiefactiedatum without an archiefactietermijn, or with an unknown brondatum (zrc-021g)', () => {
    assert.deepEqual(archiveOnClose(open, { archiefnominatie: 'blijvend_bewaren', archiefactietermijn: null, brondatumArchiefprocedure: procedure('afgehandeld') }, { einddatum }), { archiefnominatie: 'blijvend_bewaren', archiefactiedatum: null });
    assert.deepEqual(archiveOnClose(open, { ...resultaattype, brondatumArchiefprocedure: procedure('ander_datumkenmerk') }, { einddatum }), { archiefnominatie: 'vernietigen', archiefactiedatum: null });
    assert.deepEqual(archiveOnClose(open, { ...resultaattype, archiefnominatie: '' }, { einddatum }), { archiefnominatie: null, archiefactiedatum: '2028-04-26' });
  });

  it('einddatumBekend: an unknown brondatum stops the closing', () => {
    throwsArchive(() => archiveOnClose(open, { ...resultaattype, brondatumArchiefprocedure: procedure('hoofdzaak', { einddatumBekend: true }) }, { einddatum, hoofdzaak: null }), /einddatumBekend/);
    throwsArchive(() => archiveOnClose(open, { ...resultaattype, brondatumArchiefprocedure: null }, { einddatum }), /brondatumArchiefprocedure/);
    throwsArchive(() => archiveOnClose(open, { ...resultaattype, archiefactietermijn: 'tien jaar' }, { einddatum }), /archiefactietermijn/);
  });
});
