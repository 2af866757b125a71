/**
 * The resources of the Referentielijsten API 0.6.0, property for property as the standard
 * has them. Everything is read-only: these schemas only serialise and document answers.
 */
import { Enum, named, Nullable, Paginated, Type, type Static, type TSchema } from '../../platform/http/schema.ts';
import { PROCESTERMIJNEN, WAARDERINGEN } from './store.ts';

const url = () => Type.String({ format: 'uri', readOnly: true, title: 'url' });
const int32 = (options: Record<string, unknown>) => Type.Integer({ maximum: 2147483647, minimum: -2147483648, ...options });

export const ProcesType = named(
  'ProcesType',
  Type.Object({
    url: url(),
    nummer: int32({ title: 'Procestypenummer', description: 'Nummer van de selectielijstcategorie' }),
    jaar: int32({ title: 'jaar', description: 'Het jaartal waartoe dit ProcesType behoort' }),
    naam: Type.String({ title: 'Procestypenaam', description: 'Benaming van het procestype', maxLength: 100 }),
    omschrijving: Type.String({ title: 'Procestypeomschrijving', description: 'Omschrijving van het procestype', maxLength: 300 }),
    toelichting: Type.String({ title: 'Procestypetoelichting', description: 'Toelichting van het procestype' }),
    procesobject: Type.String({
      title: 'procesobject',
      description:
        'Object waar de uitvoering van het proces op van toepassing is en waarvan de bestaans- of geldigheidsduur eventueel van belang is bij het bepalen van de start van de bewaartermijn',
      maxLength: 80,
    }),
  }),
);
export type ProcesType = Static<typeof ProcesType>;

const taakgebied = (title: string) => Type.Optional(Type.Boolean({ title }));

export const Resultaat = named(
  'Resultaat',
  Type.Object({
    url: url(),
    procesType: Type.String({ format: 'uri', readOnly: true, title: 'procestype' }),
    nummer: int32({ title: 'nummer', description: 'Nummer van het resultaat. Dit wordt samengesteld met het procestype en generiek resultaat indien van toepassing.' }),
    volledigNummer: Type.String({ readOnly: true, title: 'volledigNummer' }),
    generiek: Type.Boolean({ readOnly: true, title: 'generiek' }),
    specifiek: Type.Boolean({ readOnly: true, title: 'specifiek' }),
    naam: Type.String({ title: 'naam', description: 'Benaming van het procestype', maxLength: 40 }),
    omschrijving: Type.Optional(Type.String({ title: 'omschrijving', description: 'Omschrijving van het specifieke resultaat', maxLength: 150 })),
    herkomst: Type.String({ title: 'herkomst', description: "Voorbeeld: 'Risicoanalyse', 'Systeemanalyse' of verwijzing naar Wet- en regelgeving", maxLength: 200 }),
    waardering: Enum(WAARDERINGEN, { title: 'waardering', description: 'Uitleg bij mogelijke waarden:\n\n* `blijvend_bewaren` - Blijvend bewaren\n* `vernietigen` - Vernietigen' }),
    procestermijn: Type.Optional(
      Enum([...PROCESTERMIJNEN, ''] as const, {
        title: 'procestermijn',
        description:
          'Uitleg bij mogelijke waarden:\n\n* `nihil` - Nihil\n* `bestaansduur_procesobject` - De bestaans- of geldigheidsduur van het procesobject.\n* `ingeschatte_bestaansduur_procesobject` - De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject.\n* `vast_te_leggen_datum` - De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject komt te vervallen.\n* `samengevoegd_met_bewaartermijn` - De procestermijn is samengevoegd met de bewaartermijn.',
      }),
    ),
    procestermijnWeergave: Type.String({ readOnly: true, title: 'procestermijnWeergave' }),
    bewaartermijn: Type.Optional(Nullable(Type.String({ title: 'bewaartermijn' }))),
    toelichting: Type.Optional(Type.String({ title: 'toelichting' })),
    algemeenBestuurEnInrichtingOrganisatie: taakgebied('algemeen bestuur en inrichting organisatie'),
    bedrijfsvoeringEnPersoneel: taakgebied('bedrijfsvoering en personeel'),
    publiekeInformatieEnRegistratie: taakgebied('publieke informatie en registratie'),
    burgerzaken: taakgebied('burgerzaken'),
    veiligheid: taakgebied('veiligheid'),
    verkeerEnVervoer: taakgebied('verkeer en vervoer'),
    economie: taakgebied('economie'),
    onderwijs: taakgebied('onderwijs'),
    sportCultuurEnRecreatie: taakgebied('Sport, cultuur en recreatie'),
    sociaalDomein: taakgebied('sociaal domein'),
    volksgezonheidEnMilieu: taakgebied('volksgezonheid en milieu'),
    vhrosv: taakgebied('VHROSV'),
    heffenBelastingen: taakgebied('Heffen belastingen etc.'),
    alleTaakgebieden: taakgebied('alle taakgebieden'),
    procestermijnOpmerking: Type.Optional(Type.String({ title: 'procestermijn opmerking', description: "Voorbeeld: '25 jaar', '30 jaar, '5 of 10 jaar'", maxLength: 20 })),
  }),
);
export type Resultaat = Static<typeof Resultaat>;

export const ResultaattypeOmschrijvingGeneriek = named(
  'ResultaattypeOmschrijvingGeneriek',
  Type.Object({
    url: url(),
    omschrijving: Type.String({ title: 'omschrijving', description: 'Algemeen gehanteerde omschrijvingen van de aard van het resultaat van zaken', maxLength: 20 }),
    definitie: Type.String({ title: 'definitie', description: 'Nauwkeurige beschrijving van het generieke type resultaat.', maxLength: 255 }),
    opmerking: Type.Optional(Type.String({ title: 'opmerking', description: 'Zinvolle toelichting bij de waarde van de generieke omschrijving van het resultaat.', maxLength: 255 })),
  }),
);
export type ResultaattypeOmschrijvingGeneriek = Static<typeof ResultaattypeOmschrijvingGeneriek>;

export const CommunicatieKanaal = named(
  'CommunicatieKanaal',
  Type.Object({
    url: url(),
    naam: Type.String({ title: 'naam', description: 'De gangbare naam van het communicatiekanaal.', maxLength: 20 }),
    omschrijving: Type.String({ title: 'omschrijving', description: 'Toelichtende beschrijving van (de naam van) het communicatiekanaal.', maxLength: 200 }),
  }),
);
export type CommunicatieKanaal = Static<typeof CommunicatieKanaal>;

/**
 * The list envelope of this standard (drf-spectacular's), which, unlike the other ZGW APIs,
 * lists none of `count`, `next`, `previous`, `results` as required. All four are always sent.
 */
function PaginatedList<T extends TSchema>(item: T) {
  const { properties } = Paginated(item);
  return Type.Object({
    count: Type.Optional(Type.Integer({ example: 123 })),
    next: properties.next,
    previous: properties.previous,
    results: Type.Optional(properties.results),
  });
}

export const PaginatedResultaatList = named('PaginatedResultaatList', PaginatedList(Resultaat));
export const PaginatedCommunicatieKanaalList = named('PaginatedCommunicatieKanaalList', PaginatedList(CommunicatieKanaal));
