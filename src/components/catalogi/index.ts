/**
 * Catalogi API 1.3.3: catalogussen with the zaaktypen, besluittypen and informatieobjecttypen
 * published in them, which give zaken, besluiten and documenten their type.
 */
import type { Component } from '../component.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Operation } from '../../platform/http/api.ts';
import { catalogusOperations } from './routes.ts';
import { loadReferentielijsten } from '../referentielijsten/store.ts';
import {
  besluittypeOperations,
  eigenschapOperations,
  expandCatalogus,
  informatieobjecttypeOperations,
  resultaattypeOperations,
  roltypeOperations,
  statustypeOperations,
  zaakobjecttypeOperations,
  zaaktypeInformatieobjecttypeOperations,
  zaaktypeOperations,
} from './types.ts';

export const catalogi: Component = {
  name: 'catalogi',
  migrations: { owner: 'catalogi', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, options }) => ({
    name: 'catalogi',
    component: 'ztc',
    title: 'Catalogi API',
    version: '1.3.3',
    description: DESCRIPTION,
    contentTypeHeader: true,
    operations: catalogiOperations({ database, referentielijstenData: options?.referentielijstenData }),
  }),
};

/** Every operation of the API, per resource. */
function catalogiOperations({ database, referentielijstenData }: { database: Database; referentielijstenData?: string }): Operation[] {
  return [
    ...catalogusOperations({ database, expandCatalogus: (view, fields, apiRoot) => expandCatalogus(database, view, fields, apiRoot) }),
    ...informatieobjecttypeOperations(database),
    ...besluittypeOperations(database),
    // ztc-001 and ztc-002 check Selectielijst references against this process's Referentielijsten data in-process.
    ...zaaktypeOperations(database, loadReferentielijsten(referentielijstenData)),
    ...resultaattypeOperations(database, loadReferentielijsten(referentielijstenData)),
    ...statustypeOperations(database),
    ...roltypeOperations(database),
    ...eigenschapOperations(database),
    ...zaaktypeInformatieobjecttypeOperations(database),
    ...zaakobjecttypeOperations(database),
  ];
}

const DESCRIPTION = `Een API om een zaaktypecatalogus (ZTC) te benaderen.

De zaaktypecatalogus helpt gemeenten om het proces vanuit de 'vraag van een klant' (productaanvraag, melding, aangifte, informatieverzoek e.d.) tot en met het leveren van een passend antwoord daarop in te richten, inclusief de bijbehorende informatievoorziening.

Een CATALOGUS bestaat uit ZAAKTYPEn, INFORMATIEOBJECTTYPEn en BESLUITTYPEn en wordt typisch gebruikt om een ZAAK (in de Zaken API), INFORMATIEOBJECT (in de Documenten API) en BESLUIT (in de Besluiten API) te voorzien van type, standaardwaarden en processtructuur.

### Notificaties

Deze API publiceert notificaties op de kanalen \`zaaktypen\`, \`besluittypen\` en \`informatieobjecttypen\`, elk met kenmerk \`catalogus\`: URL-referentie naar de CATALOGUS waartoe het object behoort.`;
