/**
 * Catalogi API 1.3.3: catalogussen with the zaaktypen, besluittypen and informatieobjecttypen
 * published in them, which give zaken, besluiten and documenten their type.
 */
import type { Component } from '../component.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import type { Operation } from '../../platform/http/api.ts';
import { catalogusOperations } from './routes.ts';
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
  api: ({ database, references }) => ({
    name: 'catalogi',
    component: 'ztc',
    title: 'Catalogi API',
    version: '1.3.3',
    description: DESCRIPTION,
    contentTypeHeader: true,
    operations: catalogiOperations({ database, references }),
  }),
};

/** Every operation of the API, per resource. */
function catalogiOperations({ database, references }: { database: Database; references: ReferenceResolver }): Operation[] {
  return [
    ...catalogusOperations({ database, expandCatalogus: (view, fields, apiRoot) => expandCatalogus(database, view, fields, apiRoot) }),
    ...informatieobjecttypeOperations(database),
    ...besluittypeOperations(database),
    // ztc-001 and ztc-002 follow Selectielijst references into the Referentielijsten API, here or elsewhere.
    ...zaaktypeOperations(database, references),
    ...resultaattypeOperations(database, references),
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
