/**
 * The demo catalogus: three zaaktypen a Dutch municipality really has — Begraven,
 * Omgevingsvergunning and Klacht behandelen — with their statustypen, resultaattypen (on the
 * Selectielijst gemeenten 2017), roltypen, eigenschappen, informatieobjecttypen, a besluittype
 * and, for Begraven, a zaakobjecttype for the grafplaats (Begraafplaatsen API), all published.
 *
 * Apps only call APIs: the loader creates everything through the Catalogi API, in-process
 * (`app.inject`) with a JWT of the demo client, as any client would. It is idempotent and
 * completes a catalogus (domein {@link DEMO_DOMEIN}, rsin {@link DEMO_RSIN}) an earlier run
 * left unfinished; see {@link seedDemoCatalogus}.
 *
 * Selectielijst references are named by procestype nummer (Selectielijst 2017) and resultaat
 * `volledigNummer`, and resolved in the Referentielijsten data the server uses; the Catalogi
 * API keeps links into this instance's Referentielijsten as paths, so the catalogus seeded
 * under one host works under any other.
 */
import { SignJWT } from 'jose';
import type { OpenGrond } from '../server.ts';
import { loadReferentielijsten, REFERENTIELIJSTEN_API_PATH, type Procestermijn } from '../components/referentielijsten/store.ts';

export const DEMO_DOMEIN = 'DEMO';
export const DEMO_RSIN = '123456782';
const CATALOGI = '/catalogi/api/v1';
const SELECTIELIJST_JAAR = 2017;
const BEGIN = '2024-01-01';

type Vertrouwelijkheid = 'openbaar' | 'beperkt_openbaar' | 'intern' | 'zaakvertrouwelijk' | 'vertrouwelijk' | 'confidentieel' | 'geheim' | 'zeer_geheim';
type Generiek = 'Toegekend' | 'Afgewezen' | 'Ingetrokken';
type Afleidingswijze = 'afgehandeld' | 'vervaldatum_besluit' | 'termijn';

interface InformatieobjecttypeSpec {
  omschrijving: string;
  informatieobjectcategorie: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheid;
}

interface BesluittypeSpec {
  omschrijving: string;
  besluitcategorie: string;
  reactietermijn: string;
  publicatieIndicatie: boolean;
  publicatietekst?: string;
  publicatietermijn?: string;
  toelichting: string;
  /** Omschrijvingen of informatieobjecttypen the besluit is laid down in. */
  vastgelegdIn: string[];
}

interface ResultaattypeSpec {
  omschrijving: string;
  /** A resultaattypeomschrijving (generiek) of the Referentielijsten. */
  generiek: Generiek;
  /** Selectielijst resultaat, `volledigNummer` within the zaaktype's procestype, e.g. `11.1.1`. */
  selectielijst: string;
  /** Must fit the resultaat's procestermijn (ztc-003): nihil → afgehandeld; checked below. */
  afleidingswijze: Afleidingswijze;
  toelichting: string;
  besluittypen?: string[];
}

interface EigenschapSpec {
  naam: string;
  definitie: string;
  formaat: 'tekst' | 'getal' | 'datum' | 'datum_tijd';
  lengte: string;
  waardenverzameling?: string[];
}

interface ZaaktypeSpec {
  identificatie: string;
  omschrijving: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheid;
  doel: string;
  aanleiding: string;
  onderwerp: string;
  handelingInitiator: string;
  handelingBehandelaar: string;
  doorlooptijd: string;
  verlengingstermijn?: string;
  opschortingEnAanhoudingMogelijk: boolean;
  publicatieIndicatie: boolean;
  trefwoorden: string[];
  referentieproces: string;
  /** Selectielijst procestype nummer (of {@link SELECTIELIJST_JAAR}). */
  procestype: number;
  /** In order: volgnummer 1, 2, …; the last is the eindstatus. [omschrijving, statustekst] */
  statustypen: [string, string][];
  roltypen: [string, 'initiator' | 'behandelaar' | 'belanghebbende' | 'beslisser' | 'adviseur' | 'mede_initiator'][];
  resultaattypen: ResultaattypeSpec[];
  eigenschappen: EigenschapSpec[];
  /** [informatieobjecttype omschrijving, richting] */
  informatieobjecttypen: [string, 'inkomend' | 'intern' | 'uitgaand'][];
  besluittypen?: string[];
  zaakobjecttypen?: ZaakobjecttypeSpec[];
}

/** An object a zaak is about, kept by another API; `objecttype` is a path on this instance. */
interface ZaakobjecttypeSpec {
  relatieOmschrijving: string;
  objecttype: string;
  /** Not in RSGB/RGBZ: an object of our own API. */
  anderObjecttype: boolean;
}

export const DEMO_CATALOGUS = {
  catalogus: {
    domein: DEMO_DOMEIN,
    rsin: DEMO_RSIN,
    naam: 'Demo-catalogus Open Grond',
    versie: '1',
    begindatumVersie: BEGIN,
    contactpersoonBeheerNaam: 'Team Zaakgericht Werken',
    contactpersoonBeheerEmailadres: 'zaakgerichtwerken@opengrond.example',
  },

  informatieobjecttypen: [
    { omschrijving: 'Aanvraag begrafenis', informatieobjectcategorie: 'Aanvraag', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Verlof tot begraven', informatieobjectcategorie: 'Verlof', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Bevestiging begrafenis', informatieobjectcategorie: 'Brief', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Bijlage begrafenis', informatieobjectcategorie: 'Bijlage', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Grafakte', informatieobjectcategorie: 'Akte', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Aanvraag omgevingsvergunning', informatieobjectcategorie: 'Aanvraag', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Bouwtekening', informatieobjectcategorie: 'Tekening', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
    { omschrijving: 'Omgevingsvergunning', informatieobjectcategorie: 'Besluit', vertrouwelijkheidaanduiding: 'openbaar' },
    { omschrijving: 'Klaagschrift', informatieobjectcategorie: 'Klacht', vertrouwelijkheidaanduiding: 'vertrouwelijk' },
    { omschrijving: 'Verslag hoorgesprek', informatieobjectcategorie: 'Verslag', vertrouwelijkheidaanduiding: 'vertrouwelijk' },
    { omschrijving: 'Afhandelingsbrief klacht', informatieobjectcategorie: 'Brief', vertrouwelijkheidaanduiding: 'vertrouwelijk' },
  ] satisfies InformatieobjecttypeSpec[],

  besluittypen: [
    {
      omschrijving: 'Besluit omgevingsvergunning',
      besluitcategorie: 'Vergunning',
      reactietermijn: 'P6W',
      publicatieIndicatie: true,
      publicatietekst: 'Het college heeft een omgevingsvergunning verleend of geweigerd.',
      publicatietermijn: 'P6W',
      toelichting: 'Verlening of weigering van een omgevingsvergunning; bezwaar binnen zes weken (Awb 6:7).',
      vastgelegdIn: ['Omgevingsvergunning'],
    },
  ] satisfies BesluittypeSpec[],

  zaaktypen: [
    {
      identificatie: 'BEGRAVEN',
      omschrijving: 'Begraven',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      doel: 'Een begrafenis op een gemeentelijke begraafplaats aanvragen, plannen en laten uitvoeren.',
      aanleiding: 'Een uitvaartondernemer vraagt namens de nabestaanden een begrafenis aan.',
      onderwerp: 'Begrafenis',
      handelingInitiator: 'aanvragen',
      handelingBehandelaar: 'plannen',
      // Wet op de lijkbezorging: begraven uiterlijk op de zesde dag na het overlijden.
      doorlooptijd: 'P6D',
      opschortingEnAanhoudingMogelijk: false,
      publicatieIndicatie: false,
      trefwoorden: ['begraven', 'begraafplaats', 'uitvaart'],
      referentieproces: 'Begraven',
      procestype: 11, // Toestemming verlenen
      // With the Begraafplaatsen API's reservering (docs/begrafenisplanner.md): aangevraagd →
      // Aangevraagd, bevestigd → Ingepland, a new start → Verplaatst. A rejection is the
      // resultaat Afgewezen with the eindstatus, not a status of its own.
      statustypen: [
        ['Aangevraagd', 'De aanvraag voor de begrafenis is ontvangen; het tijdslot is gereserveerd.'],
        ['Ingepland', 'De begrafenis is ingepland en bevestigd.'],
        ['Verplaatst', 'De begrafenis is naar een ander tijdstip verplaatst.'],
        ['Afgerond', 'De aanvraag is afgehandeld.'],
      ],
      roltypen: [
        ['Uitvaartondernemer', 'initiator'],
        ['Overledene', 'belanghebbende'],
        ['Rechthebbende', 'belanghebbende'],
        ['Beheerder begraafplaats', 'behandelaar'],
      ],
      resultaattypen: [
        { omschrijving: 'Begraven', generiek: 'Toegekend', selectielijst: '11.1.1', afleidingswijze: 'afgehandeld', toelichting: 'De begrafenis was ingepland en heeft plaatsgevonden (verlof tot begraven).' },
        { omschrijving: 'Afgewezen', generiek: 'Afgewezen', selectielijst: '11.2', afleidingswijze: 'afgehandeld', toelichting: 'De begrafenis kon niet op deze begraafplaats plaatsvinden.' },
        { omschrijving: 'Ingetrokken', generiek: 'Ingetrokken', selectielijst: '11.3', afleidingswijze: 'afgehandeld', toelichting: 'De aanvraag is ingetrokken.' },
      ],
      eigenschappen: [
        { naam: 'datum_begrafenis', definitie: 'De datum van de begrafenis', formaat: 'datum', lengte: '8' },
        { naam: 'tijdstip_begrafenis', definitie: 'Het aanvangstijdstip van de begrafenis (UU:MM)', formaat: 'tekst', lengte: '5' },
        { naam: 'begraafplaats', definitie: 'De gemeentelijke begraafplaats', formaat: 'tekst', lengte: '50' },
        { naam: 'grafsoort', definitie: 'De soort graf', formaat: 'tekst', lengte: '20', waardenverzameling: ['Particulier graf', 'Algemeen graf', 'Urnengraf', 'Urnennis', 'Kindergraf'] },
        { naam: 'grafnummer', definitie: 'Het nummer van het graf (vak en nummer)', formaat: 'tekst', lengte: '20' },
      ],
      informatieobjecttypen: [
        ['Aanvraag begrafenis', 'inkomend'],
        ['Verlof tot begraven', 'inkomend'],
        ['Bevestiging begrafenis', 'uitgaand'],
        ['Bijlage begrafenis', 'inkomend'],
        ['Grafakte', 'uitgaand'],
      ],
      // The zaakobject names the grafplaats (objectType overige, objectTypeOverige "grafplaats").
      zaakobjecttypen: [{ relatieOmschrijving: 'Grafplaats van de begrafenis', objecttype: '/begraafplaatsen/api/v1/grafplaatsen', anderObjecttype: true }],
    },
    {
      identificatie: 'OMGEVINGSVERGUNNING',
      omschrijving: 'Omgevingsvergunning',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      doel: 'Toestemming geven voor een activiteit in de fysieke leefomgeving, zoals bouwen, slopen of kappen.',
      aanleiding: 'Een initiatiefnemer dient een aanvraag omgevingsvergunning in.',
      onderwerp: 'Omgevingsvergunning',
      handelingInitiator: 'aanvragen',
      handelingBehandelaar: 'beoordelen',
      // Reguliere procedure: acht weken, eenmaal met zes weken te verlengen.
      doorlooptijd: 'P8W',
      verlengingstermijn: 'P6W',
      opschortingEnAanhoudingMogelijk: true,
      publicatieIndicatie: true,
      trefwoorden: ['omgevingsvergunning', 'bouwen', 'slopen', 'kappen'],
      referentieproces: 'Omgevingsvergunning reguliere procedure',
      procestype: 11, // Toestemming verlenen
      statustypen: [
        ['Aanvraag ontvangen', 'Uw aanvraag is ontvangen.'],
        ['Aanvraag volledig', 'Uw aanvraag is volledig en wordt inhoudelijk beoordeeld.'],
        ['In behandeling', 'Uw aanvraag wordt beoordeeld.'],
        ['Besluit genomen', 'Er is een besluit genomen op uw aanvraag.'],
        ['Afgehandeld', 'Uw aanvraag is afgehandeld.'],
      ],
      roltypen: [
        ['Aanvrager', 'initiator'],
        ['Gemachtigde', 'mede_initiator'],
        ['Vergunningverlener', 'behandelaar'],
        ['Belanghebbende', 'belanghebbende'],
      ],
      resultaattypen: [
        { omschrijving: 'Verleend', generiek: 'Toegekend', selectielijst: '11.1.6', afleidingswijze: 'afgehandeld', toelichting: 'Omgevingsvergunning voor bouwen, slopen, milieu of monument: blijvend te bewaren.', besluittypen: ['Besluit omgevingsvergunning'] },
        { omschrijving: 'Tijdelijk verleend', generiek: 'Toegekend', selectielijst: '11.1', afleidingswijze: 'vervaldatum_besluit', toelichting: 'Vergunning voor bepaalde tijd: de procestermijn loopt tot het besluit vervalt.', besluittypen: ['Besluit omgevingsvergunning'] },
        { omschrijving: 'Geweigerd', generiek: 'Afgewezen', selectielijst: '11.2', afleidingswijze: 'afgehandeld', toelichting: 'De vergunning is geweigerd.', besluittypen: ['Besluit omgevingsvergunning'] },
        { omschrijving: 'Ingetrokken', generiek: 'Ingetrokken', selectielijst: '11.3', afleidingswijze: 'afgehandeld', toelichting: 'De aanvrager heeft de aanvraag ingetrokken.' },
      ],
      eigenschappen: [
        { naam: 'activiteit', definitie: 'De vergunningplichtige activiteit', formaat: 'tekst', lengte: '20', waardenverzameling: ['Bouwen', 'Slopen', 'Kappen', 'Milieu', 'Monument', 'Uitweg'] },
        { naam: 'bouwkosten', definitie: 'De geraamde bouwkosten in euro', formaat: 'getal', lengte: '10' },
        { naam: 'kadastraal_perceel', definitie: 'De kadastrale aanduiding van het perceel', formaat: 'tekst', lengte: '30' },
      ],
      informatieobjecttypen: [
        ['Aanvraag omgevingsvergunning', 'inkomend'],
        ['Bouwtekening', 'inkomend'],
        ['Omgevingsvergunning', 'uitgaand'],
      ],
      besluittypen: ['Besluit omgevingsvergunning'],
    },
    {
      identificatie: 'KLACHT',
      omschrijving: 'Klacht behandelen',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      doel: 'Een klacht over een gedraging van de gemeente zorgvuldig behandelen (Awb hoofdstuk 9).',
      aanleiding: 'Iemand dient een klacht in over hoe de gemeente zich jegens hem of haar heeft gedragen.',
      onderwerp: 'Klacht',
      handelingInitiator: 'indienen',
      handelingBehandelaar: 'behandelen',
      // Awb 9:11: zes weken, met vier weken te verdagen.
      doorlooptijd: 'P6W',
      verlengingstermijn: 'P4W',
      opschortingEnAanhoudingMogelijk: false,
      publicatieIndicatie: false,
      trefwoorden: ['klacht', 'klachtbehandeling'],
      referentieproces: 'Interne klachtbehandeling',
      procestype: 13, // Geschillen behandelen
      statustypen: [
        ['Klacht ontvangen', 'Uw klacht is ontvangen.'],
        ['In behandeling', 'Uw klacht wordt behandeld.'],
        ['Hoorgesprek gevoerd', 'U bent gehoord over uw klacht.'],
        ['Afgehandeld', 'Uw klacht is afgehandeld.'],
      ],
      roltypen: [
        ['Klager', 'initiator'],
        ['Klachtbehandelaar', 'behandelaar'],
        ['Beklaagde', 'belanghebbende'],
      ],
      resultaattypen: [
        { omschrijving: 'Gegrond', generiek: 'Toegekend', selectielijst: '13.1', afleidingswijze: 'afgehandeld', toelichting: 'De klacht is (deels) gegrond verklaard.' },
        { omschrijving: 'Ongegrond', generiek: 'Afgewezen', selectielijst: '13.1', afleidingswijze: 'afgehandeld', toelichting: 'De klacht is ongegrond verklaard.' },
        { omschrijving: 'Doorverwezen naar ombudsman', generiek: 'Afgewezen', selectielijst: '13.1.2', afleidingswijze: 'afgehandeld', toelichting: 'De klager is naar de Nationale ombudsman gegaan.' },
        { omschrijving: 'Ingetrokken', generiek: 'Ingetrokken', selectielijst: '13.2', afleidingswijze: 'afgehandeld', toelichting: 'De klacht is ingetrokken of naar tevredenheid opgelost.' },
      ],
      eigenschappen: [
        { naam: 'klachtonderwerp', definitie: 'Waar de klacht over gaat', formaat: 'tekst', lengte: '30', waardenverzameling: ['Bejegening', 'Bereikbaarheid', 'Termijn', 'Informatievoorziening', 'Overig'] },
        { naam: 'datum_gedraging', definitie: 'De datum van de gedraging waarover geklaagd wordt', formaat: 'datum', lengte: '8' },
      ],
      informatieobjecttypen: [
        ['Klaagschrift', 'inkomend'],
        ['Verslag hoorgesprek', 'intern'],
        ['Afhandelingsbrief klacht', 'uitgaand'],
      ],
    },
  ] satisfies ZaaktypeSpec[] as ZaaktypeSpec[],
};

/** Which afleidingswijzen fit a Selectielijst procestermijn (the Catalogi rule ztc-003, and common sense). */
const FITTING: Record<Procestermijn, Afleidingswijze[]> = {
  nihil: ['afgehandeld'],
  ingeschatte_bestaansduur_procesobject: ['termijn'],
  bestaansduur_procesobject: ['vervaldatum_besluit'],
  vast_te_leggen_datum: ['vervaldatum_besluit'],
  samengevoegd_met_bewaartermijn: ['afgehandeld'],
  '': ['afgehandeld'],
};

export interface DemoClient {
  clientId: string;
  secret: string;
}

export interface SeedCatalogusOptions {
  /** Scheme and host the seed reaches the server at; links into this instance's Referentielijsten are kept as paths, so any host serves them. */
  baseUrl?: string;
  referentielijstenData?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resource = Record<string, any>;

/**
 * Creates and publishes the demo catalogus through the Catalogi API, or completes it.
 *
 * The seed is a client of the API: every request commits on its own, and the API has no way
 * to delete a catalogus, so a seed cannot be all-or-nothing. Instead it is idempotent and
 * completes what it finds: each type, and each part of a zaaktype that is still a concept, is
 * looked up by its key (omschrijving, identificatie, volgnummer, naam) and only made when
 * missing, and what is still a concept is published at the end. A seed that stopped half-way
 * (a crash, a failing request) is finished by the next one (the next `opengrond start`) and
 * never doubled. A published zaaktype is complete: its parts were made before it was
 * published.
 *
 * Returns the catalogus URL (on `baseUrl`) and whether anything was made, or undefined when
 * the Catalogi API is not served, or the Referentielijsten API its Selectielijst references
 * point into.
 */
export async function seedDemoCatalogus(og: OpenGrond, client: DemoClient, options: SeedCatalogusOptions = {}): Promise<{ url: string; created: boolean } | undefined> {
  if (!['catalogi', 'referentielijsten'].every((name) => og.apis.some((api) => api.name === name))) return undefined;
  const base = new URL(options.baseUrl ?? 'http://localhost:8000');
  const token = await new SignJWT({ client_id: client.clientId, user_id: 'opengrond-seed', user_representation: 'Open Grond demogegevens' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(client.clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(client.secret));

  let created = false;
  const api = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Resource> => {
    const target = new URL(url, base);
    const response = await og.app.inject({
      method,
      url: target.pathname + target.search,
      headers: { authorization: `Bearer ${token}`, host: base.host, 'x-forwarded-proto': base.protocol.replace(':', '') },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (response.statusCode >= 300) throw new Error(`Demo-catalogus: ${method} ${target.pathname} gaf ${response.statusCode}: ${response.body}`);
    if (method === 'POST') created = true;
    return response.json();
  };
  /** Every result of a list, following its pages. */
  const list = async (path: string): Promise<Resource[]> => {
    const results: Resource[] = [];
    for (let next: string | null = path; next; ) {
      const page = await api('GET', next);
      results.push(...page.results);
      next = page.next;
    }
    return results;
  };
  /** The resource in `existing` whose `key` is `value`, else the one `make` creates. */
  const findOrCreate = async (existing: Resource[], key: string, value: unknown, make: () => Promise<Resource>) => existing.find((r) => r[key] === value) ?? (await make());
  const post = (collection: string, body: unknown) => api('POST', `${CATALOGI}/${collection}`, body);

  const spec = DEMO_CATALOGUS;
  const store = loadReferentielijsten(options.referentielijstenData);
  const ref = `${base.origin}${REFERENTIELIJSTEN_API_PATH}`;
  const generiek = (omschrijving: Generiek) => {
    const found = store.resultaattypeomschrijvingen.find((r) => r.omschrijving === omschrijving);
    if (!found) throw new Error(`Demo-catalogus: resultaattypeomschrijving ${omschrijving} ontbreekt in de Referentielijsten.`);
    return `${ref}/resultaattypeomschrijvingen/${found.uuid}`;
  };

  const [found] = (await api('GET', `${CATALOGI}/catalogussen?domein=${DEMO_DOMEIN}&rsin=${DEMO_RSIN}`)).results;
  const catalogus = (found ?? (await post('catalogussen', spec.catalogus))).url as string;
  const inCatalogus = `catalogus=${encodeURIComponent(catalogus)}&status=alles`;

  const existingIots = await list(`${CATALOGI}/informatieobjecttypen?${inCatalogus}`);
  const iots = new Map<string, Resource>();
  for (const iot of spec.informatieobjecttypen) {
    iots.set(iot.omschrijving, await findOrCreate(existingIots, 'omschrijving', iot.omschrijving, () => post('informatieobjecttypen', { ...iot, catalogus, beginGeldigheid: BEGIN })));
  }
  const existingBesluittypen = await list(`${CATALOGI}/besluittypen?${inCatalogus}`);
  const besluittypen = new Map<string, Resource>();
  for (const { vastgelegdIn, ...bt } of spec.besluittypen) {
    const informatieobjecttypen = vastgelegdIn.map((o) => iots.get(o)!.url);
    besluittypen.set(bt.omschrijving, await findOrCreate(existingBesluittypen, 'omschrijving', bt.omschrijving, () => post('besluittypen', { ...bt, catalogus, informatieobjecttypen, beginGeldigheid: BEGIN })));
  }

  const existingZaaktypen = await list(`${CATALOGI}/zaaktypen?${inCatalogus}`);
  const zaaktypen: Resource[] = [];
  for (const zt of spec.zaaktypen) {
    const procestype = store.procestypen.find((p) => p.nummer === zt.procestype && p.jaar === SELECTIELIJST_JAAR);
    if (!procestype) throw new Error(`Demo-catalogus: procestype ${zt.procestype} (${SELECTIELIJST_JAAR}) ontbreekt in de Referentielijsten.`);
    const versions = existingZaaktypen.filter((z) => z.identificatie === zt.identificatie);
    if (versions.some((z) => !z.concept)) continue;
    const { statustypen, roltypen, resultaattypen, eigenschappen, informatieobjecttypen, besluittypen: bts = [], zaakobjecttypen = [], procestype: _, referentieproces, ...fields } = zt;
    const zaaktype =
      versions[0] ??
      (await post('zaaktypen', {
        ...fields,
        indicatieInternOfExtern: 'extern',
        verlengingMogelijk: Boolean(zt.verlengingstermijn),
        productenOfDiensten: [],
        selectielijstProcestype: `${ref}/procestypen/${procestype.uuid}`,
        referentieproces: { naam: referentieproces },
        verantwoordelijke: 'Gemeente Open Grond',
        catalogus,
        besluittypen: bts.map((o) => besluittypen.get(o)!.url),
        gerelateerdeZaaktypen: [],
        beginGeldigheid: BEGIN,
      }));
    zaaktypen.push(zaaktype);

    const ofZaaktype = (collection: string) => list(`${CATALOGI}/${collection}?zaaktype=${encodeURIComponent(zaaktype.url)}&status=alles`);
    const existingStatustypen = await ofZaaktype('statustypen');
    for (const [i, [omschrijving, statustekst]] of statustypen.entries()) {
      await findOrCreate(existingStatustypen, 'volgnummer', i + 1, () => post('statustypen', { zaaktype: zaaktype.url, omschrijving, statustekst, volgnummer: i + 1, informeren: i === 0 || i === statustypen.length - 1 }));
    }
    const existingRoltypen = await ofZaaktype('roltypen');
    for (const [omschrijving, omschrijvingGeneriek] of roltypen) {
      await findOrCreate(existingRoltypen, 'omschrijving', omschrijving, () => post('roltypen', { zaaktype: zaaktype.url, omschrijving, omschrijvingGeneriek }));
    }
    const existingEigenschappen = await ofZaaktype('eigenschappen');
    for (const { naam, definitie, ...specificatie } of eigenschappen) {
      await findOrCreate(existingEigenschappen, 'naam', naam, () => post('eigenschappen', { zaaktype: zaaktype.url, naam, definitie, specificatie: { ...specificatie, kardinaliteit: '1' } }));
    }
    const existingZiots = await ofZaaktype('zaaktype-informatieobjecttypen');
    for (const [i, [omschrijving, richting]] of informatieobjecttypen.entries()) {
      await findOrCreate(existingZiots, 'volgnummer', i + 1, () => post('zaaktype-informatieobjecttypen', { zaaktype: zaaktype.url, informatieobjecttype: omschrijving, volgnummer: i + 1, richting }));
    }
    // The standard gives zaakobjecttypen no `status` filter: a zaaktype's are listed whatever its status.
    const existingZaakobjecttypen = await list(`${CATALOGI}/zaakobjecttypen?zaaktype=${encodeURIComponent(zaaktype.url)}`);
    for (const zot of zaakobjecttypen) {
      await findOrCreate(existingZaakobjecttypen, 'relatieOmschrijving', zot.relatieOmschrijving, () =>
        post('zaakobjecttypen', { ...zot, objecttype: `${base.origin}${zot.objecttype}`, zaaktype: zaaktype.url, catalogus, beginGeldigheid: BEGIN }),
      );
    }
    const existingResultaattypen = await ofZaaktype('resultaattypen');
    for (const rt of resultaattypen) {
      const resultaat = store.resultaten.find((r) => r.procesType === procestype.uuid && r.volledigNummer === rt.selectielijst);
      if (!resultaat) throw new Error(`Demo-catalogus: Selectielijst-resultaat ${rt.selectielijst} ontbreekt in de Referentielijsten.`);
      if (!FITTING[resultaat.procestermijn].includes(rt.afleidingswijze)) {
        throw new Error(`Demo-catalogus: afleidingswijze ${rt.afleidingswijze} past niet bij procestermijn ${resultaat.procestermijn} van ${rt.selectielijst}.`);
      }
      await findOrCreate(existingResultaattypen, 'omschrijving', rt.omschrijving, () =>
        post('resultaattypen', {
          zaaktype: zaaktype.url,
          omschrijving: rt.omschrijving,
          resultaattypeomschrijving: generiek(rt.generiek),
          selectielijstklasse: `${ref}/resultaten/${resultaat.uuid}`,
          toelichting: rt.toelichting,
          brondatumArchiefprocedure: { afleidingswijze: rt.afleidingswijze, procestermijn: null, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '' },
          besluittypen: (rt.besluittypen ?? []).map((o) => besluittypen.get(o)!.url),
        }),
      );
    }
  }

  // Publish what the zaaktypen name first: a zaaktype is published only after them (ztc-012).
  for (const resource of [...iots.values(), ...besluittypen.values(), ...zaaktypen]) {
    if (resource.concept) await api('POST', `${resource.url}/publish`);
  }
  return { url: catalogus, created };
}
