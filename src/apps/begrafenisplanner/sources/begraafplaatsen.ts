/** The Begraafplaatsen API (contract: BEGRAAFPLAATSEN-API.md, docs/begrafenisplanner.md): cemeteries, graves, slots, reservations. */
import type { SourceClient } from './http.ts';

const ROOT = '/begraafplaatsen/api/v1';

export interface Begraafplaats {
  url: string;
  uuid: string;
  naam: string;
  adres: string;
  slotduur: number;
  openingstijden: { weekdag: number; van: string; tot: string }[];
  sluitingsdagen: string[];
}
export interface Grafsoort {
  url: string;
  code: string;
  naam: string;
  omschrijving: string;
}
export interface Graf {
  url: string;
  begraafplaats: string;
  grafsoort: string;
  vak: string;
  nummer: string;
  grafplaatsen: string[];
}
export interface Grafplaats {
  url: string;
  graf: string;
  volgnummer: number;
  status: 'vrij' | 'gereserveerd' | 'bezet';
}
export interface Tijdslot {
  begraafplaats: string;
  start: string;
  eind: string;
  beschikbaar: boolean;
}
/** `verlopen`: a voorlopig one past its verlooptOp (read only). */
export type ReserveringStatus = 'voorlopig' | 'verlopen' | 'aangevraagd' | 'bevestigd' | 'geannuleerd';
export interface Reservering {
  url: string;
  uuid: string;
  begraafplaats: string;
  start: string;
  eind: string;
  grafplaats: string | null;
  zaak: string | null;
  status: ReserveringStatus;
  verlooptOp: string | null;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export class BegraafplaatsenApi {
  constructor(readonly client: SourceClient) {}

  begraafplaatsen(): Promise<Begraafplaats[]> {
    return this.client.list(`${ROOT}/begraafplaatsen`);
  }
  begraafplaats(url: string): Promise<Begraafplaats> {
    return this.client.get(url);
  }
  grafsoorten(): Promise<Grafsoort[]> {
    return this.client.list(`${ROOT}/grafsoorten`);
  }
  grafsoort(url: string): Promise<Grafsoort> {
    return this.client.get(url);
  }
  /** Graves with a free place, of one type on one cemetery. */
  beschikbareGraven(begraafplaats: string, grafsoort: string): Promise<Graf[]> {
    return this.client.list(`${ROOT}/graven?${q({ begraafplaats, grafsoort, beschikbaar: 'true' })}`);
  }
  graf(url: string): Promise<Graf> {
    return this.client.get(url);
  }
  beschikbareGrafplaatsen(graf: string): Promise<Grafplaats[]> {
    return this.client.list(`${ROOT}/grafplaatsen?${q({ graf, beschikbaar: 'true' })}`);
  }
  grafplaats(url: string): Promise<Grafplaats> {
    return this.client.get(url);
  }
  tijdsloten(begraafplaats: string, datum: string): Promise<Tijdslot[]> {
    return this.client.get(`${ROOT}/tijdsloten?${q({ begraafplaats, datum })}`);
  }
  reserveer(body: { begraafplaats: string; start: string; grafplaats?: string; zaak?: string }): Promise<Reservering> {
    return this.client.post(`${ROOT}/reserveringen`, body);
  }
  reservering(url: string): Promise<Reservering> {
    return this.client.get(url);
  }
  wijzig(url: string, change: Partial<Pick<Reservering, 'status' | 'start' | 'grafplaats' | 'zaak'>>): Promise<Reservering> {
    return this.client.patch(url, change);
  }
  reserveringen(filter: { begraafplaats?: string; datum?: string; zaak?: string; status?: string }): Promise<Reservering[]> {
    return this.client.list(`${ROOT}/reserveringen?${q(Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>)}`);
  }
}
