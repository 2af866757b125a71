import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

/** A set of raw-SQL migration files (`NNN-name.sql`), applied in file-name order. */
export interface MigrationSource {
  /** Who owns them: a component name, or `platform`. */
  owner: string;
  dir: URL;
}

/**
 * Applies every migration not yet recorded in `platform.schema_migrations`, each in its own
 * transaction together with its record. Raw SQL keeps migrations readable and identical on
 * PGlite and PostgreSQL. Returns the names it applied.
 */
export async function migrate(database: Database, sources: MigrationSource[]): Promise<string[]> {
  return database.withMigrationSession(async (session) => {
    await session.execScript(`
      CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE IF NOT EXISTS platform.schema_migrations (
        owner text NOT NULL,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner, name)
      );`);
    const rows = await session.query<{ owner: string; name: string }>('SELECT owner, name FROM platform.schema_migrations');
    const done = new Set(rows.map((r) => `${r.owner}/${r.name}`));
    const applied: string[] = [];
    for (const source of sources) {
      const dir = fileURLToPath(source.dir);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
      for (const file of files) {
        if (done.has(`${source.owner}/${file}`)) continue;
        const script = fs.readFileSync(`${dir}/${file}`, 'utf8');
        await session.execScript(
          `${script};\nINSERT INTO platform.schema_migrations (owner, name) VALUES ('${source.owner}', '${file.replaceAll("'", "''")}');`,
        );
        applied.push(`${source.owner}/${file}`);
      }
    }
    return applied;
  });
}
