/** The Documenten API: the verlof tot begraven and the confirmation PDF, as enkelvoudiginformatieobjecten. */
import type { SourceClient } from './http.ts';

const ROOT = '/documenten/api/v1';

export interface Informatieobject {
  url: string;
  identificatie: string;
  titel: string;
  bestandsnaam: string;
  formaat: string;
  bestandsomvang: number;
  inhoud: string;
  informatieobjecttype: string;
  creatiedatum: string;
}

export class DocumentenApi {
  constructor(readonly client: SourceClient) {}

  maak(body: { bronorganisatie: string; informatieobjecttype: string; titel: string; auteur: string; bestandsnaam: string; formaat: string; inhoud: Buffer; vertrouwelijkheidaanduiding?: string }): Promise<Informatieobject> {
    return this.client.post(`${ROOT}/enkelvoudiginformatieobjecten`, {
      ...body,
      inhoud: body.inhoud.toString('base64'),
      creatiedatum: new Date().toISOString().slice(0, 10),
      taal: 'nld',
      // No gebruiksrechten are given on these documents; saying so lets the zaak be closed (zrc-rule).
      indicatieGebruiksrecht: false,
    });
  }
  informatieobject(url: string): Promise<Informatieobject> {
    return this.client.get(url);
  }
  /** The content of a document, from its `inhoud` link (…/download), fetched the same way. */
  inhoud(document: Informatieobject): Promise<{ body: Buffer; contentType: string }> {
    return this.client.download(document.inhoud);
  }
}
