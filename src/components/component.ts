import type { Database } from '../platform/db/database.ts';
import type { MigrationSource } from '../platform/db/migrate.ts';
import type { ApiDefinition } from '../platform/http/api.ts';
import type { ReferenceResolver } from '../platform/references/resolver.ts';

/** Settings of individual components, from the command line or `ServerOptions`. */
export interface ComponentOptions {
  /** Referentielijsten: directory with the full reference data (`--referentielijsten-data`); the built-in demo set without it. */
  referentielijstenData?: string;
  /** Zaken: template(s) of generated zaak identificaties (`--zaak-identificatie`), see zaken/identificatie.ts. */
  zaakIdentificatie?: string;
  /** Documenten: the size in bytes of the bestandsdelen a large document is uploaded in (default 32 MiB). */
  bestandsdeelOmvang?: number;
}

export interface ComponentContext {
  database: Database;
  /** Drop cached authentication data (secrets, rights); called when an Applicatie changes. */
  invalidateAuth: () => void;
  /** Resolves URL references to other components' resources: in-process when served here, else over HTTP. */
  references: ReferenceResolver;
  /**
   * A directory this process keeps files in, outside the database (document contents, in a
   * subdirectory per component): `--data-dir`, or with `--memory` a temporary one removed at close.
   */
  dataDir: string;
  /** Component settings; absent means every default. */
  options?: ComponentOptions;
}

/** A component: its own tables (migrations) and its API. */
export interface Component {
  /** The API root's first segment and the `--components` name. */
  name: string;
  /** Its tables; absent for a component without any (Referentielijsten keeps static data in memory). */
  migrations?: MigrationSource;
  api(context: ComponentContext): ApiDefinition;
}
