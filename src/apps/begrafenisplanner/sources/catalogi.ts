/**
 * The Catalogi API: the zaaktype "Begraven" and its parts, looked up by identificatie and by
 * name (omschrijving), never by position, as the contract with the catalogus says.
 */
import type { SourceClient } from './http.ts';

const ROOT = '/catalogi/api/v1';
export const ZAAKTYPE_IDENTIFICATIE = 'BEGRAVEN';

export interface Statustype {
  url: string;
  omschrijving: string;
  volgnummer: number;
  isEindstatus: boolean;
}
export interface Begraven {
  zaaktype: { url: string; catalogus: string; omschrijving: string; vertrouwelijkheidaanduiding: string };
  statustypen: Statustype[];
  roltypen: { url: string; omschrijving: string; omschrijvingGeneriek: string }[];
  resultaattypen: { url: string; omschrijving: string }[];
  informatieobjecttypen: { url: string; omschrijving: string }[];
  zaakobjecttypen: { url: string; objecttype: string; relatieOmschrijving: string }[];
}

const lower = (s: string) => s.trim().toLowerCase();

/** The first of `names` (case-insensitive) found among `items`' omschrijving. */
export function byName<T extends { omschrijving: string }>(items: T[], names: string[], what: string): T {
  for (const name of names) {
    const found = items.find((i) => lower(i.omschrijving) === lower(name));
    if (found) return found;
  }
  throw new Error(`De catalogus mist ${what} (${names.join(' of ')}) bij zaaktype ${ZAAKTYPE_IDENTIFICATIE}.`);
}

export class CatalogiApi {
  private cached?: { at: number; value: Begraven };
  constructor(readonly client: SourceClient) {}

  /** The published zaaktype BEGRAVEN with its parts; kept a minute (the catalogus rarely changes). */
  async begraven(): Promise<Begraven> {
    if (this.cached && Date.now() - this.cached.at < 60_000) return this.cached.value;
    const zaaktypen = await this.client.list(`${ROOT}/zaaktypen?identificatie=${ZAAKTYPE_IDENTIFICATIE}&status=definitief`);
    const today = new Date().toISOString().slice(0, 10);
    const zaaktype = zaaktypen.find((z) => z.beginGeldigheid <= today && (!z.eindeGeldigheid || z.eindeGeldigheid >= today)) ?? zaaktypen[0];
    if (!zaaktype) throw new Error(`De catalogus heeft geen gepubliceerd zaaktype ${ZAAKTYPE_IDENTIFICATIE}.`);
    const of = (collection: string) => this.client.list(`${ROOT}/${collection}?zaaktype=${encodeURIComponent(zaaktype.url)}`);
    const [statustypen, roltypen, resultaattypen, zaakobjecttypen] = await Promise.all([of('statustypen'), of('roltypen'), of('resultaattypen'), of('zaakobjecttypen').catch(() => [])]);
    const informatieobjecttypen = await Promise.all((zaaktype.informatieobjecttypen as string[]).map((url) => this.client.get(url)));
    const value: Begraven = {
      zaaktype,
      statustypen: statustypen.sort((a, b) => a.volgnummer - b.volgnummer),
      roltypen,
      resultaattypen,
      informatieobjecttypen,
      zaakobjecttypen,
    };
    this.cached = { at: Date.now(), value };
    return value;
  }

  statustype(url: string): Promise<Statustype> {
    return this.client.get(url);
  }
}
