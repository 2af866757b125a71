/** The Zaken API: the request is a zaak of zaaktype Begraven with rollen, a zaakobject, statussen and documents. */
import type { SourceClient } from './http.ts';

const ROOT = '/zaken/api/v1';

export interface Zaak {
  url: string;
  uuid: string;
  identificatie: string;
  zaaktype: string;
  omschrijving: string;
  toelichting: string;
  startdatum: string;
  registratiedatum: string;
  status: string | null;
  resultaat: string | null;
}
export interface Status {
  url: string;
  statustype: string;
  datumStatusGezet: string;
  statustoelichting: string;
}
export interface Rol {
  url: string;
  roltype: string;
  omschrijving: string;
  betrokkeneType: string;
  betrokkeneIdentificatie: Record<string, any>;
}

const CRS = { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' };

export class ZakenApi {
  constructor(readonly client: SourceClient) {}

  maakZaak(body: Record<string, unknown>): Promise<Zaak> {
    return this.client.post(`${ROOT}/zaken`, body, CRS);
  }
  async zaak(url: string): Promise<Zaak> {
    return (await this.client.request<Zaak>('GET', url, { headers: CRS })).body;
  }
  /** The zaken of one zaaktype, newest first. */
  async zaken(zaaktype: string): Promise<Zaak[]> {
    return this.client.list(`${ROOT}/zaken?${new URLSearchParams({ zaaktype, ordering: '-startdatum' })}`, CRS);
  }
  maakRol(body: Record<string, unknown>): Promise<Rol> {
    return this.client.post(`${ROOT}/rollen`, body);
  }
  rollen(zaak: string): Promise<Rol[]> {
    return this.client.list(`${ROOT}/rollen?zaak=${encodeURIComponent(zaak)}`);
  }
  maakZaakobject(body: Record<string, unknown>): Promise<{ url: string }> {
    return this.client.post(`${ROOT}/zaakobjecten`, body);
  }
  zaakobjecten(zaak: string): Promise<{ url: string; object: string; objectTypeOverige: string }[]> {
    return this.client.list(`${ROOT}/zaakobjecten?zaak=${encodeURIComponent(zaak)}`);
  }
  zetStatus(body: { zaak: string; statustype: string; statustoelichting?: string }): Promise<Status> {
    return this.client.post(`${ROOT}/statussen`, { ...body, datumStatusGezet: new Date().toISOString() });
  }
  status(url: string): Promise<Status> {
    return this.client.get(url);
  }
  statussen(zaak: string): Promise<Status[]> {
    return this.client.list(`${ROOT}/statussen?zaak=${encodeURIComponent(zaak)}`);
  }
  maakResultaat(body: { zaak: string; resultaattype: string; toelichting?: string }): Promise<{ url: string }> {
    return this.client.post(`${ROOT}/resultaten`, body);
  }
  koppelDocument(zaak: string, informatieobject: string, titel: string): Promise<{ url: string }> {
    return this.client.post(`${ROOT}/zaakinformatieobjecten`, { zaak, informatieobject, titel });
  }
  documenten(zaak: string): Promise<{ url: string; informatieobject: string; titel: string }[]> {
    return this.client.get(`${ROOT}/zaakinformatieobjecten?zaak=${encodeURIComponent(zaak)}`);
  }
}
