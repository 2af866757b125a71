import type { Database } from '../platform/db/database.ts';
import type { MigrationSource } from '../platform/db/migrate.ts';
import type { ApiDefinition } from '../platform/http/api.ts';
import type { ReferenceResolver } from '../platform/references/resolver.ts';
import type { NotificatiesOptions } from './notificaties/settings.ts';
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../platform/auth/jwt.ts';
import type { Logboek } from '../platform/logboek/logboek.ts';
import type { BrpOptions } from './brp/settings.ts';

/** Settings of individual components, from the command line or `ServerOptions`. */
export interface ComponentOptions {
  /** Referentielijsten: directory with the full reference data (`--referentielijsten-data`); the built-in demo set without it. */
  referentielijstenData?: string;
  /** Zaken: template(s) of generated zaak identificaties (`--zaak-identificatie`), see zaken/identificatie.ts. */
  zaakIdentificatie?: string;
  /** Documenten: the size in bytes of the bestandsdelen a large document is uploaded in (default 32 MiB). */
  bestandsdeelOmvang?: number;
  /** Notificaties: the delivery of notificaties and which callback URLs are allowed. */
  notificaties?: NotificatiesOptions;
  /** BRP Personen: mode (source or proxy) and upstream. */
  brp?: BrpOptions;
  /** Begraafplaatsen: minutes a voorlopig reservering holds its slot (default 30). */
  reserveringGeldigheid?: number;
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
  /** The Logboek dataverwerkingen (platform/logboek): an API that reads personal data logs each read here. */
  logboek: Logboek;
}

/** What a component registering its own routes gets besides its context. */
export interface RoutesContext extends ComponentContext {
  authenticator: Authenticator;
}

/** What a component's background work gets besides its context. */
export interface BackgroundContext extends ComponentContext {
  /** Scheme and host clients reach this server by (the public URL, or the address it listens on); undefined until known. */
  origin: () => string | undefined;
  log: (message: string, data: Record<string, unknown>) => void;
}

/** A component: its own tables (migrations) and its API. */
export interface Component {
  /** The API root's first segment and the `--components` name. */
  name: string;
  /** Its tables; absent for a component without any (Referentielijsten keeps static data in memory). */
  migrations?: MigrationSource;
  api(context: ComponentContext): ApiDefinition;
  /** An API for operators beside the standard one, under its own root and document. */
  beheerApi?(context: ComponentContext): ApiDefinition;
  /**
   * Routes of an API that is not ZGW-shaped (own path, own error format: the BRP Personen
   * API at /haalcentraal/api/brp), registered by the component itself.
   */
  routes?(app: FastifyInstance, context: RoutesContext): void;
  /** Starts the component's background work (Notificaties: delivery); resolves to the function that stops it. */
  start?(context: BackgroundContext): Promise<() => Promise<void>>;
}
