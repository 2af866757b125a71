/** What every resource module of the Zaken API gets from `index.ts`. */
import type { Database } from '../../platform/db/database.ts';
import type { Logboek } from '../../platform/logboek/logboek.ts';
import type { ComponentOptions } from '../component.ts';
import type { CatalogiLookup, ReferenceFetcher } from './catalogi.ts';
import type { DocumentRelations } from './document-relations.ts';
import type { IdentificatieFormat } from './identificatie.ts';

export interface ZakenDeps {
  database: Database;
  /** Zaaktypen, statustypen, … by URL (in-process for this instance's Catalogi API). */
  catalogi: CatalogiLookup;
  /**
   * Any other URL: references to check (communicatiekanaal, selectielijstklasse, a zaak
   * elsewhere: bad-url / invalid-resource), and the resources `expand` shows. The platform's
   * reference resolver (`ComponentContext.references`).
   */
  references: ReferenceFetcher;
  /**
   * The mirror of a zaakinformatieobject in the Documenten API (zrc-005), written through the
   * reference resolver's `send`.
   */
  documentRelations: DocumentRelations;
  /** The format of generated zaak identificaties. */
  identificatie: IdentificatieFormat;
  /** Reads of rollen with a burgerservicenummer are logged here (personal-data.ts). */
  logboek: Logboek;
  options?: ComponentOptions;
}
