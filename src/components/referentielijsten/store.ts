/**
 * The reference data of the Referentielijsten API, in memory: Selectielijst procestypen and
 * resultaten, generieke resultaattypeomschrijvingen and communicatiekanalen. The data is
 * static (VNG publishes it; nobody writes it through the API), so it is read from JSON files
 * once, at start, and never stored in the database.
 *
 * Records carry uuids, never URLs: the API serves each object under its own root
 * (`{apiRoot}/procestypen/{uuid}`), whatever host the data came from.
 *
 * Other components do not read this store: they follow a Referentielijsten URL through the
 * API, like any reference (`platform/references`). `loadReferentielijsten` is memoised per
 * data directory, so the API and the demo seed share one copy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataDir } from './load.ts';

/** Where the Referentielijsten API is served, relative to the host. */
export const REFERENTIELIJSTEN_API_PATH = '/referentielijsten/api/v1';

export const WAARDERINGEN = ['blijvend_bewaren', 'vernietigen'] as const;
export type Waardering = (typeof WAARDERINGEN)[number];

export const PROCESTERMIJNEN = ['nihil', 'bestaansduur_procesobject', 'ingeschatte_bestaansduur_procesobject', 'vast_te_leggen_datum', 'samengevoegd_met_bewaartermijn'] as const;
/** `''`: the resultaat has no procestermijn of its own (a generiek resultaat, mostly). */
export type Procestermijn = (typeof PROCESTERMIJNEN)[number] | '';

/** The labels of the procestermijnen, as the standard lists them (`procestermijnWeergave`). */
export const PROCESTERMIJN_WEERGAVE: Record<Procestermijn, string> = {
  nihil: 'Nihil',
  bestaansduur_procesobject: 'De bestaans- of geldigheidsduur van het procesobject.',
  ingeschatte_bestaansduur_procesobject: 'De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject.',
  vast_te_leggen_datum: 'De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject komt te vervallen.',
  samengevoegd_met_bewaartermijn: 'De procestermijn is samengevoegd met de bewaartermijn.',
  '': '',
};

/** The taakgebieden a resultaat may apply to, as boolean properties of the resultaat. */
export const TAAKGEBIEDEN = [
  'algemeenBestuurEnInrichtingOrganisatie',
  'bedrijfsvoeringEnPersoneel',
  'publiekeInformatieEnRegistratie',
  'burgerzaken',
  'veiligheid',
  'verkeerEnVervoer',
  'economie',
  'onderwijs',
  'sportCultuurEnRecreatie',
  'sociaalDomein',
  'volksgezonheidEnMilieu',
  'vhrosv',
  'heffenBelastingen',
  'alleTaakgebieden',
] as const;
export type Taakgebied = (typeof TAAKGEBIEDEN)[number];

export interface ProcesTypeRecord {
  uuid: string;
  nummer: number;
  jaar: number;
  naam: string;
  omschrijving: string;
  toelichting: string;
  procesobject: string;
}

export interface ResultaatRecord extends Record<Taakgebied, boolean> {
  uuid: string;
  /** The uuid of its procestype. */
  procesType: string;
  nummer: number;
  /** e.g. `1.1` (generiek) or `1.1.2` (specifiek: procestype, generiek resultaat, own nummer). */
  volledigNummer: string;
  /** A generiek resultaat has no parent resultaat; a specifiek one has. */
  generiek: boolean;
  naam: string;
  omschrijving: string;
  herkomst: string;
  /** `''` only where the published Selectielijst leaves it blank (2 of its 346 resultaten). */
  waardering: Waardering | '';
  procestermijn: Procestermijn;
  /** ISO 8601 duration such as `P10Y`, or null. */
  bewaartermijn: string | null;
  toelichting: string;
  procestermijnOpmerking: string;
}

export interface ResultaattypeOmschrijvingRecord {
  uuid: string;
  omschrijving: string;
  definitie: string;
  opmerking: string;
}

export interface CommunicatieKanaalRecord {
  uuid: string;
  naam: string;
  omschrijving: string;
}

export interface ReferentielijstenData {
  procestypen: ProcesTypeRecord[];
  resultaten: ResultaatRecord[];
  resultaattypeomschrijvingen: ResultaattypeOmschrijvingRecord[];
  communicatiekanalen: CommunicatieKanaalRecord[];
}

export type ReferentielijstResource = 'procestypen' | 'resultaten' | 'resultaattypeomschrijvingen' | 'communicatiekanalen';

/** The data, in order and by uuid (uuids are looked up in lower case). */
export class ReferentielijstenStore {
  /** In the order of the source files. */
  readonly procestypen: readonly ProcesTypeRecord[];
  readonly resultaten: readonly ResultaatRecord[];
  readonly resultaattypeomschrijvingen: readonly ResultaattypeOmschrijvingRecord[];
  readonly communicatiekanalen: readonly CommunicatieKanaalRecord[];
  private readonly index: { [K in keyof ReferentielijstenData]: Map<string, ReferentielijstenData[K][number]> };

  constructor(data: ReferentielijstenData) {
    this.procestypen = data.procestypen;
    this.resultaten = data.resultaten;
    this.resultaattypeomschrijvingen = data.resultaattypeomschrijvingen;
    this.communicatiekanalen = data.communicatiekanalen;
    const byUuid = <T extends { uuid: string }>(list: T[]) => new Map(list.map((r) => [r.uuid, r]));
    this.index = {
      procestypen: byUuid(data.procestypen),
      resultaten: byUuid(data.resultaten),
      resultaattypeomschrijvingen: byUuid(data.resultaattypeomschrijvingen),
      communicatiekanalen: byUuid(data.communicatiekanalen),
    };
  }

  findProcestype(uuid: string): ProcesTypeRecord | undefined {
    return this.index.procestypen.get(uuid.toLowerCase());
  }

  findResultaat(uuid: string): ResultaatRecord | undefined {
    return this.index.resultaten.get(uuid.toLowerCase());
  }

  findResultaattypeomschrijving(uuid: string): ResultaattypeOmschrijvingRecord | undefined {
    return this.index.resultaattypeomschrijvingen.get(uuid.toLowerCase());
  }

  findCommunicatiekanaal(uuid: string): CommunicatieKanaalRecord | undefined {
    return this.index.communicatiekanalen.get(uuid.toLowerCase());
  }
}

/** The demo data set that ships with Open Grond (`./data/`). */
export const BUILTIN_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

const stores = new Map<string, ReferentielijstenStore>();

/**
 * The reference data: from `dataDir` (the files of ../shared/conformance/referentielijsten,
 * see `load.ts`; a missing resultaattypeomschrijvingen or communicatiekanalen file is taken
 * from the built-in set), or the built-in demo set without one. Read once per directory and
 * kept; throws on a missing or malformed file, so a bad `--referentielijsten-data` stops the
 * start.
 */
export function loadReferentielijsten(dataDir?: string): ReferentielijstenStore {
  const key = dataDir ? path.resolve(dataDir) : BUILTIN_DATA_DIR;
  let store = stores.get(key);
  if (!store) {
    store = new ReferentielijstenStore(loadDataDir(key, BUILTIN_DATA_DIR));
    stores.set(key, store);
  }
  return store;
}

/**
 * Splits a Referentielijsten URL (`https://host/referentielijsten/api/v1/resultaten/{uuid}`)
 * into the API root it belongs to, the resource and the uuid; undefined for anything else.
 * Whether the root is this instance's is the caller's decision.
 */
export function parseReferentielijstUrl(url: string): { apiRoot: string; resource: ReferentielijstResource; uuid: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const match = /^(.*)\/(procestypen|resultaten|resultaattypeomschrijvingen|communicatiekanalen)\/([0-9a-fA-F-]{36})$/.exec(parsed.pathname);
  if (!match) return undefined;
  return { apiRoot: `${parsed.origin}${match[1]}`, resource: match[2] as ReferentielijstResource, uuid: match[3]!.toLowerCase() };
}
