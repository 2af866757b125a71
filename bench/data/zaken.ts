/**
 * The rows of one batch of zaken, as the Zaken and Documenten code stores them (see
 * src/components/zaken/zaak-store.ts, rollen.ts, statussen.ts, resultaten.ts, zaakobjecten.ts,
 * zaakinformatieobjecten.ts and documenten/repository.ts): URLs of this instance as paths,
 * vertrouwelijkheid as its rank, identificaties from the same templates (ZAAK-{jaar}-{volgnummer:10},
 * DOCUMENT-{jaar}-{volgnummer:10}), archive dates of closed zaken by archiveOnClose.
 *
 * Zaak k (0-based) of n is registered on a day that grows with sqrt(k/n) over 2016…2026, so
 * ids follow registratiedatum and recent years have more zaken, as in a growing municipality.
 */
import { archiveOnClose } from '../../src/components/zaken/archiving.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../src/platform/http/schema.ts';
import { BRONORGANISATIE, type BenchZaaktype } from './catalogi.ts';
import { Random, Skewed } from './random.ts';

const FIRST_DAY = Date.UTC(2016, 0, 1);
/** The generated municipality's "today": zaken after it do not exist yet. */
export const TODAY = Date.UTC(2026, 10, 30);
const DAY = 86_400_000;
const DAYS = (TODAY - FIRST_DAY) / DAY;
/** A city's bounding box (Utrecht) for zaakgeometrie points. */
export const CITY = { minLon: 5.05, maxLon: 5.17, minLat: 52.05, maxLat: 52.13 };

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Column arrays per table, filled zaak by zaak and sent as one INSERT … SELECT FROM unnest(…) each. */
export class Batch {
  zaak = columns(['id', 'uuid', 'identificatie', 'bronorganisatie', 'omschrijving', 'zaaktype', 'registratiedatum', 'verantwoordelijke_organisatie', 'startdatum', 'einddatum', 'einddatum_gepland', 'vertrouwelijkheid_rank', 'zaakgeometrie', 'archiefnominatie', 'archiefactiedatum']);
  status = columns(['uuid', 'zaak_id', 'statustype', 'datum_status_gezet', 'statustoelichting']);
  resultaat = columns(['uuid', 'zaak_id', 'resultaattype', 'toelichting']);
  rol = columns(['uuid', 'zaak_id', 'betrokkene_type', 'roltype', 'omschrijving', 'omschrijving_generiek', 'roltoelichting', 'registratiedatum', 'betrokkene_identificatie']);
  zaakobject = columns(['uuid', 'zaak_id', 'object', 'object_type', 'relatieomschrijving']);
  informatieobject = columns(['id', 'uuid', 'versie', 'bronorganisatie', 'identificatie', 'informatieobjecttype', 'vertrouwelijkheid_rank']);
  versie = columns(['informatieobject_id', 'versie', 'begin_registratie', 'identificatie', 'bronorganisatie', 'creatiedatum', 'titel', 'vertrouwelijkheid_rank', 'auteur', 'status', 'formaat', 'taal', 'bestandsnaam', 'indicatie_gebruiksrecht', 'informatieobjecttype']);
  objectinformatieobject = columns(['uuid', 'informatieobject_id', 'object', 'object_type']);
  zaakinformatieobject = columns(['uuid', 'zaak_id', 'informatieobject', 'aard_relatie', 'titel', 'registratiedatum', 'objectinformatieobject']);
}

function columns<K extends string>(names: K[]): Record<K, unknown[]> {
  return Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
}

const ACHTERNAMEN = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters'];
const ONDERWERPEN = ['Aanvraag', 'Melding', 'Bezwaar', 'Verzoek', 'Klacht', 'Vergunning'];

/** A 9-digit BSN that passes the elfproef. */
function bsn(random: Random): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => random.int(0, 9));
    const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const last = sum % 11;
    if (last < 10 && d[0] !== 0) return [...d, last].join('');
  }
}

export class ZaakGenerator {
  private readonly random: Random;
  private readonly skew: Skewed;
  /** Last volgnummer per year, for ZAAK- and DOCUMENT- identificaties. */
  readonly zaakVolgnummers = new Map<number, number>();
  readonly documentVolgnummers = new Map<number, number>();
  private documentId = 0;

  constructor(seed: number, private readonly zaaktypen: BenchZaaktype[], private readonly total: number) {
    this.random = new Random(seed);
    this.skew = new Skewed(zaaktypen.length, 1);
  }

  /** Adds zaak number k (0-based; ids are k + 1) and everything that belongs to it. */
  add(batch: Batch, k: number): void {
    const r = this.random;
    const zt = this.zaaktypen[this.skew.pick(r)]!;
    const id = k + 1;
    const uuid = r.uuid();
    const registratie = FIRST_DAY + Math.floor(DAYS * Math.sqrt((k + 0.5) / this.total)) * DAY;
    const start = registratie - r.int(0, 5) * DAY;
    const jaar = new Date(registratie).getUTCFullYear();
    const volgnummer = (this.zaakVolgnummers.get(jaar) ?? 0) + 1;
    this.zaakVolgnummers.set(jaar, volgnummer);
    const identificatie = `ZAAK-${jaar}-${String(volgnummer).padStart(10, '0')}`;
    const rank = r.chance(0.85) ? VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(zt.vertrouwelijkheidaanduiding) : r.int(0, 5);
    const age = (TODAY - start) / DAY;
    const closed = r.chance(age > 120 ? 0.97 : (age / 120) * 0.6);
    const eind = closed ? Math.min(TODAY, start + r.int(3, Math.max(3, Math.min(age, 90))) * DAY) : undefined;
    const geometry = r.chance(0.4)
      ? JSON.stringify({ type: 'Point', coordinates: [round(CITY.minLon + r.next() * (CITY.maxLon - CITY.minLon)), round(CITY.minLat + r.next() * (CITY.maxLat - CITY.minLat))] })
      : null;

    // Statussen: Ontvangen at the start, In behandeling some days later, Afgehandeld on the einddatum.
    const statussen: [string, number][] = [[zt.statustypen[0], start + 9 * 3600_000]];
    const behandeling = start + r.int(1, 10) * DAY + 10 * 3600_000;
    if (eind !== undefined || (r.chance(0.6) && behandeling < TODAY)) statussen.push([zt.statustypen[1], Math.min(behandeling, eind ?? behandeling)]);
    if (eind !== undefined) statussen.push([zt.statustypen[2], eind + 12 * 3600_000]);
    for (const [statustype, at] of statussen) push(batch.status, [r.uuid(), id, statustype, new Date(at).toISOString(), '']);

    // A resultaat for every closed zaak, and for 10 % of the open ones (ready to be closed).
    let archief = { archiefnominatie: null as string | null, archiefactiedatum: null as string | null };
    if (eind !== undefined || r.chance(0.1)) {
      const resultaattype = zt.resultaattypen[r.chance(0.8) ? 0 : 1]!;
      push(batch.resultaat, [r.uuid(), id, resultaattype.path, '']);
      if (eind !== undefined) {
        archief = archiveOnClose({ archiefnominatie: null, archiefactiedatum: null, startdatumBewaartermijn: null }, resultaattype as never, { einddatum: date(eind) });
      }
    }

    push(batch.zaak, [
      id, uuid, identificatie, BRONORGANISATIE, `${ONDERWERPEN[r.int(0, ONDERWERPEN.length - 1)]} ${zt.identificatie.toLowerCase()} ${volgnummer}`, zt.path,
      date(registratie), BRONORGANISATIE, date(start), eind === undefined ? null : date(eind), date(start + 56 * DAY), rank, geometry,
      archief.archiefnominatie, archief.archiefactiedatum,
    ]);

    // Rollen: the initiator (a natuurlijk persoon), and a behandelaar (a medewerker) for half of them.
    const [initiator, behandelaar] = zt.roltypen as [BenchZaaktype['roltypen'][0], BenchZaaktype['roltypen'][0]];
    const naam = ACHTERNAMEN[r.int(0, ACHTERNAMEN.length - 1)]!;
    push(batch.rol, [r.uuid(), id, 'natuurlijk_persoon', initiator.path, initiator.omschrijving, initiator.omschrijvingGeneriek, '', new Date(start + 9 * 3600_000).toISOString(),
      JSON.stringify({ inpBsn: bsn(r), anpIdentificatie: '', inpA_nummer: '', geslachtsnaam: naam, voorvoegselGeslachtsnaam: '', voorletters: String.fromCharCode(65 + r.int(0, 25)), voornamen: '', geslachtsaanduiding: '', geboortedatum: '' })]);
    if (r.chance(0.5)) {
      push(batch.rol, [r.uuid(), id, 'medewerker', behandelaar.path, behandelaar.omschrijving, behandelaar.omschrijvingGeneriek, '', new Date(start + 10 * 3600_000).toISOString(),
        JSON.stringify({ identificatie: `mdw${r.int(1, 400)}`, achternaam: ACHTERNAMEN[r.int(0, ACHTERNAMEN.length - 1)], voorletters: 'A', voorvoegselAchternaam: '' })]);
    }

    // A zaakobject (an address in the BAG) for 30 %.
    if (r.chance(0.3)) push(batch.zaakobject, [r.uuid(), id, `https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2/adressen/0344200000${String(r.int(0, 999999)).padStart(6, '0')}`, 'adres', '']);

    // Documents: 0–3 per zaak, one on average, each related to the zaak both ways.
    const u = r.next();
    const documents = u < 0.35 ? 0 : u < 0.75 ? 1 : u < 0.9 ? 2 : 3;
    for (let d = 0; d < documents; d++) {
      const ioId = ++this.documentId;
      const ioUuid = r.uuid();
      const created = Math.min(TODAY, start + r.int(0, 20) * DAY);
      const docJaar = new Date(created).getUTCFullYear();
      const docNummer = (this.documentVolgnummers.get(docJaar) ?? 0) + 1;
      this.documentVolgnummers.set(docJaar, docNummer);
      const docIdentificatie = `DOCUMENT-${docJaar}-${String(docNummer).padStart(10, '0')}`;
      const docRank = VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(zt.informatieobjecttype.vertrouwelijkheidaanduiding);
      const registered = new Date(created + 11 * 3600_000).toISOString();
      push(batch.informatieobject, [ioId, ioUuid, 1, BRONORGANISATIE, docIdentificatie, zt.informatieobjecttype.path, docRank]);
      push(batch.versie, [ioId, 1, registered, docIdentificatie, BRONORGANISATIE, date(created), `Bijlage ${d + 1} bij ${identificatie}`, docRank, 'Gemeente', 'definitief', 'application/pdf', 'dut', `bijlage-${d + 1}.pdf`, false, zt.informatieobjecttype.path]);
      const oioUuid = r.uuid();
      push(batch.objectinformatieobject, [oioUuid, ioId, `/zaken/api/v1/zaken/${uuid}`, 'zaak']);
      push(batch.zaakinformatieobject, [r.uuid(), id, `/documenten/api/v1/enkelvoudiginformatieobjecten/${ioUuid}`, 'hoort_bij', '', registered, `/documenten/api/v1/objectinformatieobjecten/${oioUuid}`]);
    }
  }
}

function push(table: Record<string, unknown[]>, values: unknown[]): void {
  const keys = Object.keys(table);
  for (let i = 0; i < keys.length; i++) table[keys[i]!]!.push(values[i]);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
