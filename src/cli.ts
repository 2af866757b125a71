/**
 * `opengrond`: one program, every role.
 *
 *   opengrond start [--port 8000] [--host H] [--database URL | --data-dir DIR | --memory]
 *                   [--components a,b] [--clients FILE] [--public-url URL] [--seed | --no-seed]
 *                   [--referentielijsten-data DIR] [--remote-services FILE]
 *                   [--zaak-identificatie TEMPLATE] [--reservering-geldigheid MIN]
 *                   [--allow-loopback-callbacks] [--callback-allowlist L] [--no-delivery] [--delivery-…]
 *   opengrond migrate [--database URL | --data-dir DIR]
 *   opengrond seed    [--database URL | --data-dir DIR]
 *   opengrond brp <import FILE|import-gezag FILE|generate N> [--database URL | --data-dir DIR]
 *   opengrond notificaties <deliver|list|show|retry> [--database URL | --data-dir DIR] …
 *
 * Every flag has an environment variable (DATABASE_URL, PORT, HOST, DATA_DIR, ...); flags win.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { buildOpenGrond, openMigratedDatabase, type ServerOptions } from './server.ts';
import { parseBrpAutorisaties } from './components/brp/authorisation.ts';
import { generatePersonen, importGezagsrelaties, importTestset } from './components/brp/import.ts';
import { countPersoonslijsten } from './components/brp/store.ts';
import { readVerwerkingsactiviteiten } from './platform/logboek/logboek.ts';
import { INWONER_PATH } from './demo/inwoner.ts';
import type { DatabaseTarget } from './platform/db/database.ts';
import { apiPrefix } from './platform/http/api.ts';
import { parseClients, type ClientSpec } from './components/autorisaties/provision.ts';
import { parseRemoteServices, type RemoteService } from './platform/references/remote-services.ts';
import { ProblemError } from './platform/http/problem.ts';
import { seedDemo } from './seed.ts';
import { NOTIFICATIES_USAGE, runNotificaties } from './components/notificaties/cli.ts';
import { runFscCommand } from './fsc/cli.ts';
import { PRACTICE_SERVICES, startPracticeGroup, type PracticeGroup } from './fsc/practice.ts';
import { trustedManagersFromPem } from './fsc/caller.ts';
import { seedBegrafenisplanner } from './demo/begrafenisplanner.ts';
import { APP_PATH, GEMEENTE_PATH, UITVAART_PATH } from './apps/begrafenisplanner/index.ts';
import type { NotificatiesOptions } from './components/notificaties/settings.ts';

const USAGE = `Gebruik: opengrond <start|migrate|seed|notificaties|pki|fsc> [opties]

  --port N            poort (PORT, standaard 8000)
  --host H            adres (HOST, standaard 0.0.0.0)
  --database URL      PostgreSQL, postgres://... (DATABASE_URL); anders de ingebouwde database
  --data-dir DIR      map van de ingebouwde database en van de inhoud van documenten
                      (DATA_DIR, standaard ./data)
  --memory            ingebouwde database in het geheugen, niets bewaard (OPENGROND_MEMORY=1)
  --components a,b    alleen deze componenten (OPENGROND_COMPONENTS, standaard alle)
  --clients FILE      JWT-clients uit JSON aanmaken (OPENGROND_CLIENTS)
  --public-url URL    publieke basis-URL voor resource-URLs (PUBLIC_URL)
  --seed / --no-seed  demogegevens laden (standaard: ja op de ingebouwde database); daarmee ook
                      de inwonerpagina /demo/mijn-verwerkingen (Logboek per BSN, zonder inloggen)
  --no-fsc            zonder de FSC-oefengroep (gemeente + uitvaartonderneming) die met de
                      demogegevens start (zie docs/fsc.md)
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
  --reservering-geldigheid MIN
                      minuten dat een voorlopige reservering van een begraafplaats-tijdslot
                      geldt (RESERVERING_GELDIGHEID, standaard 30)

Notificaties (zie docs/notificaties.md):
  --allow-loopback-callbacks
                      callbacks op loopback-adressen toestaan, voor ontwikkeling en tests
                      (NOTIFICATIES_ALLOW_LOOPBACK=1)
  --callback-allowlist L
                      hosts, IP-adressen en netwerken (CIDR) die callbacks mogen gebruiken ook
                      waar het beleid ze weigert, komma-gescheiden (NOTIFICATIES_CALLBACK_ALLOWLIST)
  --no-delivery       dit proces levert geen notificaties af (NOTIFICATIES_DELIVERY=0)
  --delivery-max-attempts N   pogingen per levering voordat die opgegeven wordt (standaard 12)
  --delivery-timeout S        wachttijd op een abonnee in seconden (standaard 10)
  --delivery-concurrency N    leveringen tegelijk per proces (standaard 64)
  --delivery-per-subscriber N leveringen tegelijk per abonnement per proces (standaard 4)
  --delivery-backoff S        wachttijd voor de tweede poging, verdubbelt per poging (standaard 10)
  --delivery-backoff-max S    langste wachttijd tussen pogingen (standaard 3600)

BRP Personen en Logboek dataverwerkingen (zie docs/brp.md):
  --brp-mode M        source (eigen personenbestand, standaard) of proxy (BRP_MODE)
  --brp-upstream URL  API-root van de bron-BRP in proxy-modus (BRP_UPSTREAM)
  --brp-upstream-headers FILE
                      headers voor de bron-BRP (Authorization, X-API-KEY) uit JSON (BRP_UPSTREAM_HEADERS)
  --brp-autorisaties FILE
                      per applicatie de toegestane query types en velden, uit JSON (BRP_AUTORISATIES)
  --verwerkingsactiviteiten FILE
                      register van verwerkingsactiviteiten, JSON-lijst van {id, naam, doel,
                      grondslag, applicaties?} (VERWERKINGSACTIVITEITEN); anders het demoregister.
                      applicaties: client ids die zonder header Verwerkingsactiviteit onder deze
                      activiteit gelogd worden (ZGW-clients die de header niet kennen)
  --fsc-manager-cert FILE
                      certificaat (PEM) van de FSC-manager(s) van deze organisatie (FSC_MANAGER_CERT):
                      een door hen uitgegeven access token, door onze inway doorgegeven, bepaalt
                      welke organisatie het Logboek als verwerker namens wie noteert
  opengrond brp import FILE   persoonslijsten uit een GBA-V testset-bestand (RvIG-formaat) laden
  opengrond brp import-gezag FILE
                              gezagsrelaties (CSV bsnMinderjarige,soortGezag,bsnMeerderjarige) laden
  opengrond brp generate N    N fictieve personen met geldige BSN's maken (belastingtests)

${NOTIFICATIES_USAGE}`;

// The FSC commands (pki, fsc) have flags of their own, so they are parsed in src/fsc/cli.ts.
if (process.argv[2] === 'pki' || process.argv[2] === 'fsc') {
  process.exit(
    await runFscCommand(process.argv.slice(2)).catch((error: unknown) => {
      console.error(`opengrond: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }),
  );
}

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
    'no-fsc': { type: 'boolean' },
    'trust-proxy': { type: 'boolean' },
    'jwt-max-age': { type: 'string' },
    'cors-origins': { type: 'string' },
    log: { type: 'boolean' },
    'referentielijsten-data': { type: 'string' },
    'remote-services': { type: 'string' },
    'remote-timeout': { type: 'string' },
    'remote-cache': { type: 'string' },
    'zaak-identificatie': { type: 'string' },
    'reservering-geldigheid': { type: 'string' },
    'allow-loopback-callbacks': { type: 'boolean' },
    'callback-allowlist': { type: 'string' },
    'no-delivery': { type: 'boolean' },
    'delivery-max-attempts': { type: 'string' },
    'delivery-timeout': { type: 'string' },
    'delivery-concurrency': { type: 'string' },
    'delivery-per-subscriber': { type: 'string' },
    'delivery-backoff': { type: 'string' },
    'delivery-backoff-max': { type: 'string' },
    'brp-mode': { type: 'string' },
    'brp-upstream': { type: 'string' },
    'brp-upstream-headers': { type: 'string' },
    'brp-autorisaties': { type: 'string' },
    verwerkingsactiviteiten: { type: 'string' },
    'fsc-manager-cert': { type: 'string' },
    status: { type: 'string' },
    abonnement: { type: 'string' },
    kanaal: { type: 'string' },
    limit: { type: 'string' },
    dead: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

const env = process.env;
const flag = (name: keyof typeof values, envName?: string) => (values[name] as string | undefined) ?? (envName ? env[envName] : undefined);

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

/** A positive whole number from a flag or its variable; undefined when neither is given. */
function count(name: keyof typeof values, envName?: string): number | undefined {
  const value = flag(name, envName);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} moet een positief geheel getal zijn, niet "${value}".`);
  return n;
}

function notificatiesOptions(): NotificatiesOptions {
  return {
    delivery: values['no-delivery'] || env.NOTIFICATIES_DELIVERY === '0' ? false : undefined,
    allowLoopbackCallbacks: values['allow-loopback-callbacks'] ?? env.NOTIFICATIES_ALLOW_LOOPBACK === '1',
    callbackAllowlist: flag('callback-allowlist', 'NOTIFICATIES_CALLBACK_ALLOWLIST')?.split(',').map((s) => s.trim()).filter(Boolean),
    maxAttempts: count('delivery-max-attempts', 'NOTIFICATIES_MAX_ATTEMPTS'),
    timeoutSeconds: seconds('delivery-timeout', 'NOTIFICATIES_TIMEOUT'),
    concurrency: count('delivery-concurrency', 'NOTIFICATIES_CONCURRENCY'),
    perSubscriber: count('delivery-per-subscriber', 'NOTIFICATIES_PER_SUBSCRIBER'),
    backoffSeconds: seconds('delivery-backoff', 'NOTIFICATIES_BACKOFF'),
    backoffMaxSeconds: seconds('delivery-backoff-max', 'NOTIFICATIES_BACKOFF_MAX'),
  };
}

async function start(): Promise<void> {
  const target = databaseTarget();
  const port = Number(flag('port', 'PORT') ?? 8000);
  const host = flag('host', 'HOST') ?? '0.0.0.0';
  const seed = values['no-seed'] ? false : (values.seed ?? target.kind === 'pglite');
  // The Begrafenisplanner comes with the demo data and the FSC practice group: its funeral director side calls through the group's Outway.
  const planner = seed && !values['no-fsc'];
  const notificaties = notificatiesOptions();
  // The app's abonnement calls back into this server (localhost): allowed for the demo only.
  if (planner) notificaties.callbackAllowlist = [...(notificaties.callbackAllowlist ?? []), 'localhost'];
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
    reserveringGeldigheid: count('reservering-geldigheid', 'RESERVERING_GELDIGHEID'),
    notificaties,
    begrafenisplanner: planner,
    ...brpOptions(),
    // The resident page shows the Logboek per BSN without login: only beside demo data.
    inwonerDemo: seed,
  });

  let stopping = false;
  let fscGroup: PracticeGroup | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: Open Grond stopt; lopende verzoeken worden afgemaakt.`);
    await fscGroup?.close();
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
    lines.push('', `Inwonerpagina (Logboek per BSN, zonder inloggen): ${base}${INWONER_PATH}`);
    if (demo.catalogus) {
      lines.push('', 'Demo-catalogus (zaaktypen Begraven, Omgevingsvergunning en Klacht behandelen):', `  ${demo.catalogus}`);
      lines.push(`  zaaktypen: ${base}/catalogi/api/v1/zaaktypen?catalogus=${encodeURIComponent(demo.catalogus)}`);
    }
  }
  if (demo && !values['no-fsc']) {
    fscGroup = await startPracticeGroup({ zgwBaseUrl: `http://localhost:${actualPort}` });
    // The gemeente's Inway fronts this server: its Manager's tokens say which organisation called.
    server.fscCallers.trust({ peerId: fscGroup.gemeente.manager.peerId, publicKey: fscGroup.gemeente.manager.certificate.publicKey });
    lines.push(
      '',
      `FSC-oefengroep (zie docs/fsc.md): de gemeente biedt haar API's (${PRACTICE_SERVICES.join(', ')}) via haar`,
      'inway aan, een uitvaartonderneming roept ze via haar outway aan, onder een door beide getekend contract:',
      `  manager gemeente (ook directory): ${fscGroup.gemeente.managerAddress}   inway: ${fscGroup.gemeente.inwayAddress}`,
      `  manager uitvaartonderneming:      ${fscGroup.uitvaart.managerAddress}   outway: ${fscGroup.uitvaart.outwayAddress}`,
      `  beheerpagina's (alleen op deze machine): gemeente ${fscGroup.gemeente.adminAddress}   uitvaartonderneming ${fscGroup.uitvaart.adminAddress}`,
      `Probeer: curl -H 'Fsc-Grant-Hash: ${fscGroup.grantHash}' -H "Authorization: Bearer $TOKEN" ${fscGroup.uitvaart.outwayAddress}/zaken/api/v1/zaken`,
    );
    const origin = `http://localhost:${actualPort}`;
    try {
      await server.begrafenisplanner!.connect(await seedBegrafenisplanner(server, { origin, group: fscGroup }));
      lines.push(
        '',
        'Begrafenisplanner (zie docs/begrafenisplanner.md):',
        `  start:                 ${base}${APP_PATH}`,
        `  uitvaartonderneming:   ${base}${UITVAART_PATH}   (via de outway van de uitvaartonderneming)`,
        `  gemeente:              ${base}${GEMEENTE_PATH}`,
      );
    } catch (error) {
      // E.g. --components without the APIs the app needs: Open Grond runs on without it.
      lines.push('', `Begrafenisplanner niet gestart: ${error instanceof Error ? error.message : String(error)}`);
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
  const server = await buildOpenGrond({
    database: target,
    clients: readClients(),
    publicUrl,
    referentielijstenData: flag('referentielijsten-data', 'REFERENTIELIJSTEN_DATA'),
    // The process that serves the API delivers what seeding announced.
    notificaties: { delivery: false },
  });
  try {
    const baseUrl = publicUrl ?? `http://localhost:${flag('port', 'PORT') ?? 8000}`;
    const demo = await seedDemo(server, { baseUrl, referentielijstenData: flag('referentielijsten-data', 'REFERENTIELIJSTEN_DATA') });
    console.log(`Demogegevens geladen op ${describe(target)}.\nDemo-client: client_id ${demo.clientId}, secret ${demo.secret}${demo.catalogus ? `\nDemo-catalogus: ${demo.catalogus}` : ''}`);
  } finally {
    await server.close();
  }
}

async function notificaties(): Promise<void> {
  const database = await openMigratedDatabase(databaseTarget());
  try {
    await runNotificaties(
      database,
      {
        sub: positionals[1],
        args: positionals.slice(2),
        status: values.status,
        abonnement: values.abonnement,
        kanaal: values.kanaal,
        limit: count('limit'),
        dead: values.dead,
        options: notificatiesOptions(),
        publicUrl: flag('public-url', 'PUBLIC_URL')?.replace(/\/+$/, ''),
        log: values.log || env.LOG === '1',
      },
      (line) => console.log(line),
    );
  } finally {
    await database.close();
  }
}

function readJson(file: string | undefined): unknown {
  return file ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** BRP mode, upstream, authorisations, the register of verwerkingsactiviteiten and the trusted FSC Managers from the flags. */
function brpOptions(): Pick<ServerOptions, 'brp' | 'brpAutorisaties' | 'verwerkingsactiviteiten' | 'fscManagers'> {
  const mode = flag('brp-mode', 'BRP_MODE') ?? 'source';
  if (mode !== 'source' && mode !== 'proxy') throw new Error(`--brp-mode: source of proxy, niet ${mode}.`);
  const upstream = flag('brp-upstream', 'BRP_UPSTREAM');
  const autorisaties = readJson(flag('brp-autorisaties', 'BRP_AUTORISATIES'));
  const register = flag('verwerkingsactiviteiten', 'VERWERKINGSACTIVITEITEN');
  const managerCert = flag('fsc-manager-cert', 'FSC_MANAGER_CERT');
  return {
    brp: { mode, upstream: upstream ? { url: upstream, headers: readJson(flag('brp-upstream-headers', 'BRP_UPSTREAM_HEADERS')) as Record<string, string> | undefined } : undefined },
    brpAutorisaties: autorisaties === undefined ? undefined : parseBrpAutorisaties(autorisaties),
    verwerkingsactiviteiten: register ? readVerwerkingsactiviteiten(register) : undefined,
    fscManagers: managerCert ? trustedManagersFromPem(fs.readFileSync(managerCert, 'utf8')) : undefined,
  };
}

/** `opengrond brp import FILE`, `opengrond brp import-gezag FILE` and `opengrond brp generate N`. */
async function brpCommand(): Promise<void> {
  const [, sub, arg] = positionals;
  const database = await openMigratedDatabase(databaseTarget());
  try {
    if (sub === 'import' && arg) console.log(`${await importTestset(database, arg)} persoonslijsten geladen.`);
    else if (sub === 'import-gezag' && arg) console.log(`${await importGezagsrelaties(database, arg)} gezagsrelaties geladen.`);
    else if (sub === 'generate' && arg && Number(arg) > 0) {
      const from = (await countPersoonslijsten(database.db)) + 1;
      await generatePersonen(database, Number(arg), from, (done) => done % 100_000 === 0 && console.log(`${done} personen`));
      console.log(`${arg} fictieve personen gemaakt.`);
    } else throw new Error('Gebruik: opengrond brp import FILE | opengrond brp import-gezag FILE | opengrond brp generate N');
  } finally {
    await database.close();
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
  if (command === 'notificaties') return notificaties();
  if (command === 'brp') return brpCommand();
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
