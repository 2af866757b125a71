/**
 * Zaken API 1.5.2: the zaak, the core object of zaakgericht werken, and what belongs to it
 * (statussen, resultaat, rollen, zaakobjecten, zaakinformatieobjecten, klantcontacten,
 * zaakcontactmomenten, zaakverzoeken, zaakeigenschappen, zaakbesluiten, audittrail).
 *
 * Each resource lives in its own module exporting `xxxOperations(deps)`; add one line per
 * module to `zakenOperations`. What they share about the zaak is in `zaak-access.ts`; the
 * Catalogi lookups in `catalogi.ts`.
 */
import type { Component, ComponentOptions } from '../component.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Operation } from '../../platform/http/api.ts';
import { catalogiLookup, interimFetcher, type CatalogiLookup } from './catalogi.ts';
import { relatedResources, type RelatedResources } from './related.ts';
import { documentRelations, httpSender, type DocumentRelations } from './document-relations.ts';
import { rolOperations } from './rollen.ts';
import { zaakobjectOperations } from './zaakobjecten.ts';
import { zaakinformatieobjectOperations } from './zaakinformatieobjecten.ts';
import { klantcontactOperations } from './klantcontacten.ts';
import { zaakcontactmomentOperations } from './zaakcontactmomenten.ts';
import { zaakverzoekOperations } from './zaakverzoeken.ts';
import { zaakeigenschapOperations } from './zaakeigenschappen.ts';
import { zaakbesluitOperations } from './zaakbesluiten.ts';

/** What every resource module of the Zaken API gets. */
export interface ZakenDeps {
  database: Database;
  /** Zaaktypen, statustypen, … by URL (in-process for this instance's Catalogi API). */
  catalogi: CatalogiLookup;
  /** Informatieobjecten, besluiten, contactmomenten, verzoeken and objects by URL, through the same fetcher. */
  related: RelatedResources;
  /** The mirror of a zaakinformatieobject in the Documenten API (zrc-005). */
  documentRelations: DocumentRelations;
  options?: ComponentOptions;
}

export const zaken: Component = {
  name: 'zaken',
  migrations: { owner: 'zaken', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, options }) => ({
    name: 'zaken',
    component: 'zrc',
    title: 'Zaken API',
    version: '1.5.2',
    description: DESCRIPTION,
    contentTypeHeader: true,
    operations: zakenOperations(zakenDeps(database, options)),
  }),
};

/** What the resource modules get: every URL reference read through one fetcher. */
function zakenDeps(database: Database, options?: ComponentOptions): ZakenDeps {
  const fetcher = interimFetcher(database, options);
  return { database, catalogi: catalogiLookup(fetcher), related: relatedResources(fetcher), documentRelations: documentRelations(httpSender()), options };
}

/** Every operation of the API, one line per resource module. */
function zakenOperations(deps: ZakenDeps): Operation[] {
  return [
    ...rolOperations(deps),
    ...zaakobjectOperations(deps),
    ...zaakinformatieobjectOperations(deps),
    ...klantcontactOperations(deps),
    ...zaakcontactmomentOperations(deps),
    ...zaakverzoekOperations(deps),
    ...zaakeigenschapOperations(deps),
    ...zaakbesluitOperations(deps),
  ];
}

const DESCRIPTION = `Een API om een zaakregistratiecomponent (ZRC) te benaderen.

De ZAAK is het kernobject in deze API, waaraan verschillende andere resources gerelateerd zijn. De Zaken API werkt samen met andere API's voor Zaakgericht werken om tot volledige functionaliteit te komen.

### Notificaties

Deze API publiceert notificaties op het kanaal \`zaken\`, met de kenmerken \`bronorganisatie\`, \`zaaktype\` en \`vertrouwelijkheidaanduiding\` van de zaak.`;
