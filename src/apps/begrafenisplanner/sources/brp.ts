/**
 * The BRP Personen API (Haal Centraal 2.x): one person by BSN, with only the fields the step
 * needs, for the verwerkingsactiviteit the app serves (header `Verwerkingsactiviteit`, so every
 * look-up lands in the gemeente's Logboek dataverwerkingen). `RaadpleegMetBurgerservicenummer`
 * returns deceased persons too: in BRP Personen 2.x `inclusiefOverledenPersonen` is a
 * parameter of the search queries only, and this query refuses it.
 */
import { SourceError, type SourceClient } from './http.ts';
export { VERWERKINGSACTIVITEIT_BEGRAVEN } from './http.ts';

const PERSONEN = '/haalcentraal/api/brp/personen';

/** What each step needs, no more. */
export const OVERLEDENE_FIELDS = ['burgerservicenummer', 'naam', 'geboorte.datum', 'overlijden'];
export const RECHTHEBBENDE_FIELDS = ['burgerservicenummer', 'naam', 'adressering.adresregel1', 'adressering.adresregel2'];

export interface Persoon {
  burgerservicenummer?: string;
  naam?: { voornamen?: string; voorvoegsel?: string; geslachtsnaam?: string; volledigeNaam?: string };
  geboorte?: { datum?: { langFormaat?: string; datum?: string } };
  overlijden?: { datum?: { langFormaat?: string; datum?: string }; plaats?: { omschrijving?: string } };
  adressering?: { adresregel1?: string; adresregel2?: string };
}

export function volledigeNaam(p: Persoon | undefined): string {
  if (!p?.naam) return 'onbekend';
  return p.naam.volledigeNaam ?? [p.naam.voornamen, p.naam.voorvoegsel, p.naam.geslachtsnaam].filter(Boolean).join(' ');
}

export class BrpApi {
  constructor(readonly client: SourceClient) {}

  /** The person, or undefined when the BRP does not know the BSN. */
  async persoon(bsn: string, fields: string[]): Promise<Persoon | undefined> {
    const { body } = await this.client.request<{ personen: Persoon[] }>('POST', PERSONEN, {
      body: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [bsn], fields },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    return body.personen[0];
  }
}

export { SourceError };
