/**
 * Reads the reference data files of a directory into records. The file names are those of
 * VNG's Referentielijsten data (and of ../shared/conformance/referentielijsten):
 *
 *   selectielijst_2020_procestypen.json   required
 *   selectielijst_2020_resultaten.json    required (its resultaten refer to those procestypen)
 *   resultaattypeomschrijvingen.json      optional: else the built-in set
 *   communicatiekanalen.json              optional: else the built-in set
 *
 * Each file may have one of two shapes:
 * - a Django fixture, `[{ "model": …, "pk": 1, "fields": { "uuid": …, snake_case fields } }]`,
 *   as VNG publishes the data: a resultaat names its procestype (`proces_type`) and its
 *   generiek resultaat (`generiek_resultaat`) by `pk`;
 * - the API's own JSON, a list of objects (or a page `{ "results": [...] }`) with `url` and
 *   camelCase fields, e.g. saved from VNG's public Referentielijsten API: the uuid is the last
 *   segment of `url`, and a resultaat's `procesType` URL names its procestype.
 *
 * Either way only uuids are kept: whichever host the data came from, the API serves each
 * object, and each reference between them, under its own root.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  PROCESTERMIJNEN,
  TAAKGEBIEDEN,
  WAARDERINGEN,
  type CommunicatieKanaalRecord,
  type ProcesTypeRecord,
  type Procestermijn,
  type ReferentielijstenData,
  type ResultaatRecord,
  type ResultaattypeOmschrijvingRecord,
  type Waardering,
} from './store.ts';

export const DATA_FILES = {
  procestypen: 'selectielijst_2020_procestypen.json',
  resultaten: 'selectielijst_2020_resultaten.json',
  resultaattypeomschrijvingen: 'resultaattypeomschrijvingen.json',
  communicatiekanalen: 'communicatiekanalen.json',
} as const;

type Json = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One item of a file, read either from a fixture's `fields` or from an API object. */
class Item {
  readonly fixture: boolean;
  readonly values: Json;
  readonly pk: unknown;

  constructor(
    raw: unknown,
    readonly where: string,
  ) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw this.error('is geen object');
    const object = raw as Json;
    this.fixture = 'fields' in object;
    this.values = this.fixture ? (object.fields as Json) : object;
    this.pk = object.pk;
    if (!this.values || typeof this.values !== 'object') throw this.error('heeft geen "fields"');
  }

  error(message: string): Error {
    return new Error(`Referentielijsten: ${this.where} ${message}.`);
  }

  /** The property in this item's shape: snake_case in a fixture, camelCase in API JSON. */
  private get(name: string): unknown {
    return this.values[this.fixture ? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : name];
  }

  string(name: string, fallback?: string): string {
    const value = this.get(name) ?? fallback;
    if (typeof value !== 'string') throw this.error(`mist tekst "${name}"`);
    return value;
  }

  integer(name: string): number {
    const value = this.get(name);
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.error(`mist geheel getal "${name}"`);
    return value;
  }

  boolean(name: string, fallback?: boolean): boolean {
    const value = this.get(name) ?? fallback;
    if (typeof value !== 'boolean') throw this.error(`mist ja/nee "${name}"`);
    return value;
  }

  choice<const T extends readonly string[]>(name: string, values: T): T[number] {
    const value = this.string(name);
    if (!values.includes(value)) throw this.error(`heeft een onbekende waarde "${value}" voor "${name}"`);
    return value;
  }

  /** The fixture's `uuid`, or the last path segment of the API object's `url`. */
  uuid(): string {
    const value = this.fixture ? this.values.uuid : uuidOfUrl(this.values.url);
    if (typeof value !== 'string' || !UUID.test(value.toLowerCase())) throw this.error(this.fixture ? 'mist een geldige "uuid"' : 'mist een "url" die eindigt op een uuid');
    return value.toLowerCase();
  }

  /** A relation: the `pk` in a fixture (`snake_case` name), the URL's uuid in API JSON. */
  reference(name: string): unknown {
    const value = this.get(name);
    return this.fixture ? value : uuidOfUrl(value);
  }
}

function uuidOfUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return url.replace(/\/+$/, '').split('/').pop()?.toLowerCase();
}

function readItems(file: string): Item[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Referentielijsten: ${file} is niet te lezen: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { results?: unknown } | null)?.results;
  if (!Array.isArray(list)) throw new Error(`Referentielijsten: ${file} bevat geen lijst.`);
  return list.map((raw, i) => new Item(raw, `${path.basename(file)} item ${i + 1}`));
}

function unique<T extends { uuid: string }>(records: T[], file: string): T[] {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.uuid)) throw new Error(`Referentielijsten: ${file} bevat uuid ${r.uuid} meer dan eens.`);
    seen.add(r.uuid);
  }
  return records;
}

/** Reads `dir`; the optional files come from `fallbackDir` when `dir` lacks them. */
export function loadDataDir(dir: string, fallbackDir: string): ReferentielijstenData {
  const file = (name: string, optional: boolean): string => {
    const full = path.join(dir, name);
    if (fs.existsSync(full)) return full;
    if (optional) return path.join(fallbackDir, name);
    throw new Error(`Referentielijsten: ${full} ontbreekt.`);
  };

  // Procestypen: their uuids by pk (fixture) and by uuid (API JSON), for the resultaten.
  const procesTypeItems = readItems(file(DATA_FILES.procestypen, false));
  const procestypen: ProcesTypeRecord[] = unique(
    procesTypeItems.map((item) => ({
      uuid: item.uuid(),
      nummer: item.integer('nummer'),
      jaar: item.integer('jaar'),
      naam: item.string('naam'),
      omschrijving: item.string('omschrijving', ''),
      toelichting: item.string('toelichting', ''),
      procesobject: item.string('procesobject', ''),
    })),
    DATA_FILES.procestypen,
  );
  const procesTypeByPk = new Map(procesTypeItems.map((item, i) => [item.pk, procestypen[i]!]));
  const procesTypeByUuid = new Map(procestypen.map((p) => [p.uuid, p]));

  const resultaatItems = readItems(file(DATA_FILES.resultaten, false));
  const resultaatByPk = new Map(resultaatItems.map((item) => [item.pk, item]));
  const resultaten: ResultaatRecord[] = unique(
    resultaatItems.map((item) => {
      const procesTypeRef = item.reference('procesType');
      const procesType = item.fixture ? procesTypeByPk.get(procesTypeRef) : procesTypeByUuid.get(procesTypeRef as string);
      if (!procesType) throw item.error(`verwijst naar een onbekend procestype (${String(procesTypeRef)})`);
      const nummer = item.integer('nummer');
      let generiek: boolean;
      let volledigNummer: string;
      if (item.fixture) {
        const parentPk = item.reference('generiekResultaat');
        const parent = parentPk === undefined || parentPk === null ? undefined : resultaatByPk.get(parentPk);
        if (parentPk !== undefined && parentPk !== null && !parent) throw item.error(`verwijst naar een onbekend generiek resultaat (${String(parentPk)})`);
        generiek = !parent;
        volledigNummer = parent ? `${procesType.nummer}.${parent.integer('nummer')}.${nummer}` : `${procesType.nummer}.${nummer}`;
      } else {
        generiek = item.boolean('generiek');
        volledigNummer = item.string('volledigNummer');
      }
      const bewaartermijn = item.values.bewaartermijn;
      if (bewaartermijn !== undefined && bewaartermijn !== null && typeof bewaartermijn !== 'string') throw item.error('heeft een ongeldige "bewaartermijn"');
      const record = {
        uuid: item.uuid(),
        procesType: procesType.uuid,
        nummer,
        volledigNummer,
        generiek,
        naam: item.string('naam'),
        omschrijving: item.string('omschrijving', ''),
        herkomst: item.string('herkomst', ''),
        // VNG's published Selectielijst leaves it blank for two specifieke resultaten; kept as published.
        waardering: item.choice('waardering', [...WAARDERINGEN, ''] as const) as Waardering | '',
        procestermijn: item.choice('procestermijn', [...PROCESTERMIJNEN, ''] as const) as Procestermijn,
        bewaartermijn: bewaartermijn || null,
        toelichting: item.string('toelichting', ''),
        procestermijnOpmerking: item.string('procestermijnOpmerking', ''),
      } as ResultaatRecord;
      for (const taakgebied of TAAKGEBIEDEN) record[taakgebied] = item.boolean(taakgebied, false);
      return record;
    }),
    DATA_FILES.resultaten,
  );

  const resultaattypeomschrijvingen: ResultaattypeOmschrijvingRecord[] = unique(
    readItems(file(DATA_FILES.resultaattypeomschrijvingen, true)).map((item) => ({
      uuid: item.uuid(),
      omschrijving: item.string('omschrijving'),
      definitie: item.string('definitie', ''),
      opmerking: item.string('opmerking', ''),
    })),
    DATA_FILES.resultaattypeomschrijvingen,
  );

  const communicatiekanalen: CommunicatieKanaalRecord[] = unique(
    readItems(file(DATA_FILES.communicatiekanalen, true)).map((item) => ({
      uuid: item.uuid(),
      naam: item.string('naam'),
      omschrijving: item.string('omschrijving', ''),
    })),
    DATA_FILES.communicatiekanalen,
  );

  return { procestypen, resultaten, resultaattypeomschrijvingen, communicatiekanalen };
}
