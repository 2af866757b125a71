/**
 * Documenten API 1.5.0: documents (enkelvoudiginformatieobjecten) with every version kept,
 * their content in a content store (streamed in and out, large files in bestandsdelen),
 * gebruiksrechten, objectinformatieobjecten (kept in step by the Zaken and Besluiten APIs),
 * verzendingen and the audit trail.
 */
import path from 'node:path';
import type { Component } from '../component.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import type { Operation } from '../../platform/http/api.ts';
import { FsContentStore, type ContentStore } from './storage.ts';
import { informatieobjectOperations } from './informatieobjecten.ts';
import { lockOperations } from './lock.ts';
import { gebruiksrechtenOperations } from './gebruiksrechten.ts';
import { objectinformatieobjectOperations } from './objectinformatieobjecten.ts';
import { verzendingOperations } from './verzendingen.ts';
import { audittrailOperations } from './audittrail.ts';

/** What every resource module of the Documenten API gets. */
export interface DocumentenDeps {
  database: Database;
  references: ReferenceResolver;
  store: ContentStore;
  /** The size of the bestandsdelen a large document is uploaded in. */
  bestandsdeelOmvang: number;
}

/** 32 MiB: a 2 GiB document is 64 parts; each part is streamed, so the size does not matter for memory. */
export const DEFAULT_BESTANDSDEEL_OMVANG = 32 * 1024 * 1024;

export const documenten: Component = {
  name: 'documenten',
  migrations: { owner: 'documenten', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, references, dataDir, options }) => ({
    name: 'documenten',
    component: 'drc',
    title: 'Documenten API',
    version: '1.5.0',
    description: DESCRIPTION,
    contentTypeHeader: true,
    operations: documentenOperations({
      database,
      references,
      store: new FsContentStore(path.join(dataDir, 'documenten')),
      bestandsdeelOmvang: options?.bestandsdeelOmvang ?? DEFAULT_BESTANDSDEEL_OMVANG,
    }),
  }),
};

function documentenOperations(deps: DocumentenDeps): Operation[] {
  return [
    ...informatieobjectOperations(deps),
    ...lockOperations(deps),
    ...audittrailOperations(deps),
    ...gebruiksrechtenOperations(deps),
    ...objectinformatieobjectOperations(deps),
    ...verzendingOperations(deps),
  ];
}

const DESCRIPTION = `Een API om een documentregistratiecomponent (DRC) te benaderen.

In een documentregistratiecomponent worden INFORMATIEOBJECTen opgeslagen. Een INFORMATIEOBJECT is een digitaal document voorzien van meta-gegevens. INFORMATIEOBJECTen kunnen aan andere objecten zoals zaken en besluiten worden gerelateerd (maar dat hoeft niet) en kunnen gebruiksrechten hebben.

**Uploaden van bestanden**

Een klein bestand gaat base64-gecodeerd mee als \`inhoud\`. Voor een groot bestand laat je \`inhoud\` weg en geef je \`bestandsomvang\`: het INFORMATIEOBJECT wordt vergrendeld aangemaakt met BESTANDSDELEN, die je elk uploadt (multipart/form-data, met de lock) en die bij het unlocken worden samengevoegd.

### Notificaties

Deze API publiceert notificaties op het kanaal \`documenten\`, met de kenmerken \`bronorganisatie\`, \`informatieobjecttype\` en \`vertrouwelijkheidaanduiding\` van het INFORMATIEOBJECT.`;
