import type { Database } from '../platform/db/database.ts';
import type { MigrationSource } from '../platform/db/migrate.ts';
import type { ApiDefinition } from '../platform/http/api.ts';

export interface ComponentContext {
  database: Database;
  /** Drop cached authentication data (secrets, rights); called when an Applicatie changes. */
  invalidateAuth: () => void;
}

/** A component: its own tables (migrations) and its API. */
export interface Component {
  /** The API root's first segment and the `--components` name. */
  name: string;
  migrations: MigrationSource;
  api(context: ComponentContext): ApiDefinition;
}
