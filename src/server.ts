/**
 * Assembles Open Grond: database, migrations, authentication and the selected components'
 * APIs on one Fastify app. Used by the CLI, the tests and the conformance runner alike.
 */
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { createApp } from './platform/http/app.ts';
import { apiPrefix, registerApi, type ApiDefinition } from './platform/http/api.ts';
import { Authenticator } from './platform/auth/jwt.ts';
import { clientSecretsFrom } from './platform/auth/client-secrets.ts';
import { ReferenceResolver } from './platform/references/resolver.ts';
import type { RemoteService } from './platform/references/remote-services.ts';
import { COMPONENTS, selectComponents } from './components/index.ts';
import { rightsForClient } from './components/autorisaties/repository.ts';
import { provisionClients, type ClientSpec } from './components/autorisaties/provision.ts';

export const PLATFORM_MIGRATIONS = { owner: 'platform', dir: new URL('./platform/migrations/', import.meta.url) };

export interface ServerOptions {
  database: DatabaseTarget;
  /** Component names to serve; all when empty. */
  components?: string[];
  clients?: ClientSpec[];
  publicUrl?: string;
  logger?: boolean | object;
  corsOrigins?: string[];
  trustProxy?: boolean;
  jwtMaxAgeSeconds?: number;
  jwtLeewaySeconds?: number;
  authCacheSeconds?: number;
  /**
   * Where files outside the database are kept (document contents): by default the embedded
   * database's data directory, else a temporary directory removed at close.
   */
  dataDir?: string;
  /** Size of the bestandsdelen large documents are uploaded in (Documenten API), in bytes. */
  bestandsdeelOmvang?: number;
  /** Directory with the full Referentielijsten data; the built-in demo set without it. */
  referentielijstenData?: string;
  /** Credentials for the remote API roots references point into (`--remote-services`). */
  remoteServices?: RemoteService[];
  /** How long a remote reference may take to answer, in seconds (default 5). */
  remoteTimeoutSeconds?: number;
  /** How long a fetched remote reference is cached, in seconds (default 60; 0: not). */
  remoteCacheSeconds?: number;
  /** Template(s) of generated zaak identificaties (`--zaak-identificatie`); see components/zaken/identificatie.ts. */
  zaakIdentificatie?: string;
}

export interface OpenGrond {
  app: FastifyInstance;
  database: Database;
  apis: ApiDefinition[];
  authenticator: Authenticator;
  references: ReferenceResolver;
  close(): Promise<void>;
}

/** Opens the database and applies every migration. Every component's tables exist, served or not. */
export async function openMigratedDatabase(target: DatabaseTarget): Promise<Database> {
  const database = await openDatabase(target);
  try {
    await migrate(database, [PLATFORM_MIGRATIONS, ...COMPONENTS.flatMap((c) => (c.migrations ? [c.migrations] : []))]);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function buildOpenGrond(options: ServerOptions): Promise<OpenGrond> {
  const components = selectComponents(options.components);
  const database = await openMigratedDatabase(options.database);
  const files = fileDirectory(options);
  try {
    if (options.clients?.length) await provisionClients(database, options.clients);

    const authenticator = new Authenticator({
      secrets: clientSecretsFrom(database.db),
      // The Autorisaties store is the source of every client's rights, whether or not its API is served here.
      rights: { rightsFor: (clientId) => rightsForClient(database.db, clientId) },
      maxAgeSeconds: options.jwtMaxAgeSeconds,
      leewaySeconds: options.jwtLeewaySeconds,
      cacheSeconds: options.authCacheSeconds,
    });

    const app = await createApp({ logger: options.logger, corsOrigins: options.corsOrigins, trustProxy: options.trustProxy });
    const references = new ReferenceResolver({
      app,
      internalCredential: authenticator.internalCredential,
      localApiRoots: components.map(apiPrefix),
      publicUrl: options.publicUrl,
      remoteServices: options.remoteServices,
      timeoutMs: options.remoteTimeoutSeconds === undefined ? undefined : options.remoteTimeoutSeconds * 1000,
      cacheSeconds: options.remoteCacheSeconds,
    });
    const componentOptions = { referentielijstenData: options.referentielijstenData, zaakIdentificatie: options.zaakIdentificatie, bestandsdeelOmvang: options.bestandsdeelOmvang };
    const apis = components.map((c) => c.api({ database, invalidateAuth: () => authenticator.invalidate(), references, dataDir: files.dir, options: componentOptions }));
    for (const api of apis) registerApi(app, api, { authenticator, publicUrl: options.publicUrl });

    app.get('/health', async (_request, reply) => {
      try {
        await database.db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute();
        return { status: 'ok', database: database.kind, apis: apis.map((a) => apiPrefix(a)) };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: database.kind });
      }
    });

    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      apis,
      authenticator,
      references,
      // In-flight requests finish first, then the database closes (and its data dir lock goes).
      close: () => (closing ??= app.close().then(() => database.close()).finally(files.remove)),
    };
  } catch (error) {
    await database.close();
    files.remove();
    throw error;
  }
}

/** The directory for files outside the database; a temporary one is removed at close. */
function fileDirectory(options: ServerOptions): { dir: string; remove: () => void } {
  const given = options.dataDir ?? ('dataDir' in options.database ? options.database.dataDir : undefined);
  if (given) {
    fs.mkdirSync(given, { recursive: true });
    return { dir: path.resolve(given), remove: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
