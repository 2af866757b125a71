/**
 * `opengrond`: one program, every role.
 *
 *   opengrond start [--port 8000] [--host H] [--database URL | --data-dir DIR | --memory]
 *                   [--components a,b] [--clients FILE] [--public-url URL] [--seed | --no-seed]
 *                   [--referentielijsten-data DIR] [--remote-services FILE]
 *                   [--zaak-identificatie TEMPLATE]
 *   opengrond migrate [--database URL | --data-dir DIR]
 *   opengrond seed    [--database URL | --data-dir DIR]
 *
 * Every flag has an environment variable (DATABASE_URL, PORT, HOST, DATA_DIR, ...); flags win.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { buildOpenGrond, openMigratedDatabase } from './server.ts';
import type { DatabaseTarget } from './platform/db/database.ts';
import { apiPrefix } from './platform/http/api.ts';
import { parseClients, type ClientSpec } from './components/autorisaties/provision.ts';
import { parseRemoteServices, type RemoteService } from './platform/references/remote-services.ts';
import { ProblemError } from './platform/http/problem.ts';
import { seedDemo } from './seed.ts';

const USAGE = `Gebruik: opengrond <start|migrate|seed> [opties]

  --port N            poort (PORT, standaard 8000)
  --host H            adres (HOST, standaard 0.0.0.0)
  --database URL      PostgreSQL, postgres://... (DATABASE_URL); anders de ingebouwde database
  --data-dir DIR      map van de ingebouwde database en van de inhoud van documenten
                      (DATA_DIR, standaard ./data)
  --memory            ingebouwde database in het geheugen, niets bewaard (OPENGROND_MEMORY=1)
  --components a,b    alleen deze componenten (OPENGROND_COMPONENTS, standaard alle)
  --clients FILE      JWT-clients uit JSON aanmaken (OPENGROND_CLIENTS)
  --public-url URL    publieke basis-URL voor resource-URLs (PUBLIC_URL)
  --seed / --no-seed  demogegevens laden (standaard: ja op de ingebouwde database)
  --trust-proxy       X-Forwarded-* van een load balancer vertrouwen (TRUST_PROXY=1)
  --jwt-max-age S     maximale leeftijd van een JWT (iat) in seconden (JWT_MAX_AGE, standaard 3600)
  --cors-origins L    toegestane CORS origins, komma-gescheiden (CORS_ORIGINS, standaard *)
  --log               request-logging aan (LOG=1)
  --referentielijsten-data DIR
                      volledige Referentielijsten-gegevens uit DIR (REFERENTIELIJSTEN_DATA);
                      anders de ingebouwde demoset
  --remote-services FILE
                      JWT-credentials per API-root van andere instanties waar URL-referenties
                      naar wijzen, uit JSON (REMOTE_SERVICES)
  --remote-timeout S  maximale wachttijd op een andere instantie in seconden (REMOTE_TIMEOUT, standaard 5)
  --remote-cache S    hoe lang een opgehaalde resource bewaard wordt in seconden (REMOTE_CACHE, standaard 60)
  --zaak-identificatie T
                      sjabloon voor gegenereerde zaak-identificaties (ZAAK_IDENTIFICATIE),
                      standaard ZAAK-{jaar}-{volgnummer:10}; per bronorganisatie:
                      "123456782=Z{jaar}{volgnummer:6};ZAAK-{jaar}-{volgnummer:10}"
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    database: { type: 'string' },
    'data-dir': { type: 'string' },
    memory: { type: 'boolean' },
    components: { type: 'string' },
    clients: { type: 'string' },
    'public-url': { type: 'string' },
    seed: { type: 'boolean' },
    'no-seed': { type: 'boolean' },
    'trust-proxy': { type: 'boolean' },
    'jwt-max-age': { type: 'string' },
    'cors-origins': { type: 'string' },
    log: { type: 'boolean' },
    'referentielijsten-data': { type: 'string' },
    'remote-services': { type: 'string' },
    'remote-timeout': { type: 'string' },
    'remote-cache': { type: 'string' },
    'zaak-identificatie': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const env = process.env;
const flag = (name: keyof typeof values, envName: string) => (values[name] as string | undefined) ?? env[envName] ?? undefined;

function databaseTarget(): DatabaseTarget {
  const url = flag('database', 'DATABASE_URL');
  if (url) return { kind: 'postgres', url };
  if (values.memory || env.OPENGROND_MEMORY === '1') return { kind: 'pglite', memory: true };
  return { kind: 'pglite', dataDir: flag('data-dir', 'DATA_DIR') ?? './data' };
}

/**
 * Where document contents are kept: `--data-dir` (default ./data), also with a PostgreSQL
 * database; with `--memory` nothing is kept (the server uses a temporary directory).
 */
function fileDir(target: DatabaseTarget): string | undefined {
  if (target.kind === 'pglite') return 'dataDir' in target ? target.dataDir : undefined;
  return flag('data-dir', 'DATA_DIR') ?? './data';
}

function describe(target: DatabaseTarget): string {
  if (target.kind === 'postgres') return `PostgreSQL ${target.url.replace(/\/\/[^@/]*@/, '//***@')}`;
  return 'memory' in target ? 'ingebouwd (PGlite), in het geheugen' : `ingebouwd (PGlite), in ${target.dataDir}`;
}

function readClients(): ClientSpec[] | undefined {
  const file = flag('clients', 'OPENGROND_CLIENTS');
  if (!file) return undefined;
  return parseClients(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function readRemoteServices(): RemoteService[] | undefined {
  const file = flag('remote-services', 'REMOTE_SERVICES');
  if (!file) return undefined;
  return parseRemoteServices(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** A number of seconds from a flag or its variable; undefined when neither is given. */
function seconds(name: keyof typeof values, envName: string): number | undefined {
  const value = flag(name, envName);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} moet een aantal seconden zijn, niet "${value}".`);
  return n;
}

async function start(): Promise<void> {
  const target = databaseTarget();
  const port = Number(flag('port', 'PORT') ?? 8000);
  const host = flag('host', 'HOST') ?? '0.0.0.0';
  const seed = values['no-seed'] ? false : (values.seed ?? target.kind === 'pglite');
  const server = await buildOpenGrond({
    database: target,
    components: flag('components', 'OPENGROND_COMPONENTS')?.split(',').map((s) => s.trim()).filter(Boolean),
    clients: readClients(),
    publicUrl: flag('public-url', 'PUBLIC_URL'),
    trustProxy: values['trust-proxy'] ?? env.TRUST_PROXY === '1',
    jwtMaxAgeSeconds: flag('jwt-max-age', 'JWT_MAX_AGE') ? Number(flag('jwt-max-age', 'JWT_MAX_AGE')) : undefined,
    corsOrigins: flag('cors-origins', 'CORS_ORIGINS')?.split(','),
    logger: values.log || env.LOG === '1' ? { level: 'info' } : false,
    referentielijstenData: flag('referentielijsten-data', 'REFERENTIELIJSTEN_DATA'),
    dataDir: fileDir(target),
    remoteServices: readRemoteServices(),
    remoteTimeoutSeconds: seconds('remote-timeout', 'REMOTE_TIMEOUT'),
    remoteCacheSeconds: seconds('remote-cache', 'REMOTE_CACHE'),
    zaakIdentificatie: flag('zaak-identificatie', 'ZAAK_IDENTIFICATIE'),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: Open Grond stopt; lopende verzoeken worden afgemaakt.`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await server.app.listen({ port, host });
  const address = server.app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = flag('public-url', 'PUBLIC_URL')?.replace(/\/+$/, '') ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort}`;
  // Seeded on the listening server's own address: the demo catalogus' Selectielijst URLs are on it.
  const demo = seed ? await seedDemo(server, { baseUrl: base, referentielijstenData: flag('referentielijsten-data', 'REFERENTIELIJSTEN_DATA') }) : undefined;

  const lines = [`Open Grond draait op ${base}  (database: ${describe(target)})`, '', "API's:"];
  for (const api of server.apis) lines.push(`  ${api.title.padEnd(22)} ${base}${apiPrefix(api)}   (OpenAPI: ${base}${apiPrefix(api)}/openapi.yaml)`);
  lines.push(`  ${'Health'.padEnd(22)} ${base}/health`);
  if (demo) {
    const token = await new SignJWT({ client_id: demo.clientId, user_id: 'demo', user_representation: 'Demo gebruiker' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(demo.clientId)
      .setIssuedAt()
      .sign(new TextEncoder().encode(demo.secret));
    lines.push('', 'Demo-client (alle autorisaties):', `  client_id: ${demo.clientId}`, `  secret:    ${demo.secret}`, '', 'Een JWT voor het komende uur:', `  ${token}`);
    lines.push('', `Probeer: curl -H "Authorization: Bearer $TOKEN" ${base}/autorisaties/api/v1/applicaties`);
    if (demo.catalogus) {
      lines.push('', 'Demo-catalogus (zaaktypen Begraven, Omgevingsvergunning en Klacht behandelen):', `  ${demo.catalogus}`);
      lines.push(`  zaaktypen: ${base}/catalogi/api/v1/zaaktypen?catalogus=${encodeURIComponent(demo.catalogus)}`);
    }
  }
  console.log(lines.join('\n'));
}

async function migrateOnly(): Promise<void> {
  const target = databaseTarget();
  const database = await openMigratedDatabase(target);
  await database.close();
  console.log(`Migraties uitgevoerd op ${describe(target)}.`);
}

async function seedOnly(): Promise<void> {
  const target = databaseTarget();
  const publicUrl = flag('public-url', 'PUBLIC_URL')?.replace(/\/+$/, '');
  // The demo catalogus is made through the Catalogi API, so the whole server is built (not started).
  const server = await buildOpenGrond({ database: target, clients: readClients(), publicUrl, referentielijstenData: flag('referentielijsten-data', 'REFERENTIELIJSTEN_DATA') });
  try {
    const baseUrl = publicUrl ?? `http://localhost:${flag('port', 'PORT') ?? 8000}`;
    const demo = await seedDemo(server, { baseUrl, referentielijstenData: flag('referentielijsten-data', 'REFERENTIELIJSTEN_DATA') });
    console.log(`Demogegevens geladen op ${describe(target)}.\nDemo-client: client_id ${demo.clientId}, secret ${demo.secret}${demo.catalogus ? `\nDemo-catalogus: ${demo.catalogus}` : ''}`);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    process.exit(command ? 0 : 1);
  }
  if (command === 'start') return start();
  if (command === 'migrate') return migrateOnly();
  if (command === 'seed') return seedOnly();
  console.error(`Onbekend commando "${command}".\n\n${USAGE}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof ProblemError) {
    console.error(`opengrond: ${error.detail}`);
    for (const p of error.invalidParams ?? []) console.error(`  ${p.name}: ${p.code} — ${p.reason}`);
  } else {
    console.error(`opengrond: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
