/** What every resource module of the Zaken API gets from `index.ts`. */
import type { Database } from '../../platform/db/database.ts';
import type { ComponentOptions } from '../component.ts';
import type { CatalogiLookup, ReferenceFetcher } from './catalogi.ts';
import type { DocumentRelations } from './document-relations.ts';
import type { IdentificatieFormat } from './identificatie.ts';
import type { ResourceReader } from './reader.ts';

export interface ZakenDeps {
  database: Database;
  /** Zaaktypen, statustypen, … by URL (in-process for this instance's Catalogi API). */
  catalogi: CatalogiLookup;
  /** Any other URL reference (communicatiekanaal, selectielijstklasse, a zaak elsewhere): bad-url / invalid-resource. */
  references: ReferenceFetcher;
  /** Reads any URL as JSON (this process's APIs in-process), for `expand` and for related resources. */
  reader: ResourceReader;
  /** The mirror of a zaakinformatieobject in the Documenten API (zrc-005). */
  documentRelations: DocumentRelations;
  /** The format of generated zaak identificaties. */
  identificatie: IdentificatieFormat;
  options?: ComponentOptions;
}
