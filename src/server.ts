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
import type { NotificatiesOptions } from './components/notificaties/settings.ts';
import { FSC_MIGRATIONS } from './fsc/index.ts';
import { FscCallers, type TrustedManager } from './fsc/caller.ts';
import type { BrpOptions } from './components/brp/settings.ts';
import { provisionBrpAutorisaties, type BrpAutorisatie } from './components/brp/authorisation.ts';
import { DEMO_VERWERKINGSACTIVITEITEN, Logboek, LogboekWithoutWritesForBenchmark, logboekKey, type Verwerkingsactiviteit } from './platform/logboek/logboek.ts';
import { logboekApi } from './platform/logboek/api.ts';
import { registerInwonerDemo } from './demo/inwoner.ts';
import { BEGRAFENISPLANNER_MIGRATIONS, registerBegrafenisplanner, type Begrafenisplanner } from './apps/begrafenisplanner/index.ts';

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
  /** Notificaties: delivery (on by default) and which callback URLs are allowed. */
  notificaties?: NotificatiesOptions;
  /** BRP Personen: source or proxy mode (`--brp-mode`, `--brp-upstream`). */
  brp?: BrpOptions;
  /** What each application may ask of the BRP Personen API (`--brp-autorisaties FILE`). */
  brpAutorisaties?: BrpAutorisatie[];
  /** The register of verwerkingsactiviteiten (`--verwerkingsactiviteiten FILE`); the demo register without it. */
  verwerkingsactiviteiten?: Verwerkingsactiviteit[];
  /** Begraafplaatsen: minutes a voorlopig reservering holds its slot (`--reservering-geldigheid`, default 30). */
  reserveringGeldigheid?: number;
  /** The demo's resident page (`/demo/mijn-verwerkingen`): the Logboek per BSN, without login. Only for demo data. */
  inwonerDemo?: boolean;
  /**
   * The FSC Managers of this organisation (`--fsc-manager-cert FILE`): an access token one of
   * them issued, passed on by our Inway, tells the Logboek which organisation called
   * (src/fsc/caller.ts). More can be trusted later with `og.fscCallers.trust`.
   */
  fscManagers?: TrustedManager[];
  /** Serve the Begrafenisplanner app's pages (`/begrafenisplanner`); connect it to its sources with `og.begrafenisplanner.connect`. */
  begrafenisplanner?: boolean;
  /**
   * bench/brp.ts only: the Logboek writes nothing, for the baseline of what logging costs
   * (platform/logboek LogboekWithoutWritesForBenchmark). Never in a deployment; no flag sets it.
   */
  benchmarkWithoutLogboek?: boolean;
}

export interface OpenGrond {
  app: FastifyInstance;
  database: Database;
  apis: ApiDefinition[];
  authenticator: Authenticator;
  references: ReferenceResolver;
  /** The Logboek dataverwerkingen of this process. */
  logboek: Logboek;
  /** Whose FSC access tokens say which organisation called (the practice group adds its gemeente's Manager). */
  fscCallers: FscCallers;
  /** The Begrafenisplanner app, when served (`begrafenisplanner: true`). */
  begrafenisplanner?: Begrafenisplanner;
  close(): Promise<void>;
}

/** Opens the database and applies every migration. Every component's tables exist, served or not. */
export async function openMigratedDatabase(target: DatabaseTarget): Promise<Database> {
  const database = await openDatabase(target);
  try {
    await migrate(database, [PLATFORM_MIGRATIONS, ...COMPONENTS.flatMap((c) => (c.migrations ? [c.migrations] : [])), FSC_MIGRATIONS, BEGRAFENISPLANNER_MIGRATIONS]);
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
    if (options.brpAutorisaties?.length) await provisionBrpAutorisaties(database.db, options.brpAutorisaties);
    const fscCallers = new FscCallers(options.fscManagers);
    const logboek = new (options.benchmarkWithoutLogboek ? LogboekWithoutWritesForBenchmark : Logboek)({
      activities: options.verwerkingsactiviteiten ?? DEMO_VERWERKINGSACTIVITEITEN,
      subjectKey: await logboekKey(database.db),
      fscCaller: (request) => fscCallers.peerOf(request.headers['fsc-authorization']),
    });

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
    const componentOptions = { referentielijstenData: options.referentielijstenData, zaakIdentificatie: options.zaakIdentificatie, bestandsdeelOmvang: options.bestandsdeelOmvang, notificaties: options.notificaties, brp: options.brp, reserveringGeldigheid: options.reserveringGeldigheid };
    const context = { database, invalidateAuth: () => authenticator.invalidate(), references, dataDir: files.dir, options: componentOptions, logboek };
    // An API without operations is not registered: such a component serves its own routes (BRP).
    const apis = components.flatMap((c) => [c.api(context), ...(c.beheerApi ? [c.beheerApi(context)] : [])]).filter((api) => api.operations.length > 0);
    // The Logboek is the platform's: its inzage API is there whenever a component logs to it.
    if (components.some((c) => c.routes)) apis.push(logboekApi(database, logboek));
    if (options.inwonerDemo) registerInwonerDemo(app, database, logboek);
    // An app: it calls the APIs over HTTP like any client, and keeps only its own schema.
    const begrafenisplanner = options.begrafenisplanner ? registerBegrafenisplanner(app, database.db) : undefined;
    for (const api of apis) registerApi(app, api, { authenticator, publicUrl: options.publicUrl });
    for (const c of components) c.routes?.(app, { ...context, authenticator });

    app.get('/health', async (_request, reply) => {
      try {
        await database.db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute();
        return { status: 'ok', database: database.kind, apis: apis.map((a) => apiPrefix(a)) };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: database.kind });
      }
    });

    const origin = () => options.publicUrl?.replace(/\/+$/, '') ?? listeningOrigin(app);
    const log = (message: string, data: Record<string, unknown>) => app.log.warn(data, message);
    const stops: (() => Promise<void>)[] = [];
    try {
      for (const c of components) if (c.start) stops.push(await c.start({ ...context, origin, log }));
    } catch (error) {
      await Promise.all(stops.map((stop) => stop()));
      throw error;
    }

    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      apis,
      authenticator,
      references,
      logboek,
      fscCallers,
      begrafenisplanner,
      // In-flight requests finish first, then background work stops, then the database closes (and its data dir lock goes).
      close: () =>
        (closing ??= app
          .close()
          .then(() => Promise.all(stops.map((stop) => stop())))
          .then(() => database.close())
          .finally(files.remove)),
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

/** `http://host:port` of the listening server; localhost for a wildcard address. */
function listeningOrigin(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (!address || typeof address === 'string') return undefined;
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
