/**
 * Runs VNG's official ZGW conformance suite (Postman, via newman) against Open Grond.
 *
 *   npm run conformance -- [--folders ac-001,ztc-010,zrc] [--components ac,ztc]
 *                          [--report FILE] [--database postgres://... | --memory]
 *                          [--check-baseline] [--baseline FILE] [--update-baseline]
 *                          [--request-timeout S] [--run-timeout S] [--failures] [--server-output]
 *
 * It creates a fresh database (see src/conformance/database.ts), writes the suite's fixture
 * clients to a temporary clients file, serves the suite's mock endpoints, starts the server
 * as a child process, runs each selected component of the suite separately and prints
 * per-folder results, ending with `N assertions passed, N failed`.
 *
 * Exit codes: 0 the run completed (with --check-baseline: and every selected baseline folder
 * passed fully); 1 a baseline folder failed or did not run; 2 the run could not be done.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allRequestNames, buildComponentCollection, findComponentFolders, suiteLayout } from '../src/conformance/collection.ts';
import { resolveSelection, selectedRuleFolders } from '../src/conformance/folders.ts';
import { clientsFromFixture, writeClientsFile, writeRegisterFile } from '../src/conformance/clients.ts';
import { buildEnvironment } from '../src/conformance/environment.ts';
import { loadMockRoutes, startMockServer } from '../src/conformance/mock-server.ts';
import { prepareDatabase, type RunDatabase } from '../src/conformance/database.ts';
import { freePort } from '../src/conformance/ports.ts';
import { ServerStartError, startServer, type ServerHandle } from '../src/conformance/server-process.ts';
import { globalsForNext, runComponent, type ComponentRun } from '../src/conformance/run.ts';
import { buildReport, formatTable, runWarnings } from '../src/conformance/report.ts';
import { checkBaseline, readBaseline, updatedBaseline, writeBaseline, type Baseline } from '../src/conformance/baseline.ts';
import { PROJECT_ROOT, readJson, suitePaths, type PostmanCollection, type PostmanEnvironment } from '../src/conformance/suite.ts';

const USAGE = `Usage: npm run conformance -- [options]

  --folders LIST        rule folders (ac-001, zrc-021) and/or components (ac, zrc, drc, brc, ztc);
                        default: every folder of every component
  --components LIST     components to run in full (same as naming them in --folders)
  --report FILE         write the results as JSON
  --database URL        PostgreSQL server to create the run's database on (default $DATABASE_URL,
                        else postgres://postgres@127.0.0.1:5432/postgres, else --memory); a
                        password comes from the URL, $PGPASSWORD or ~/.pgpass
  --memory              use the embedded in-memory database
  --check-baseline      exit 1 if a folder of the baseline failed or did not run
  --baseline FILE       the baseline to check (implies --check-baseline) or update
                        (default conformance/baseline.json)
  --update-baseline     rewrite the baseline with the folders that passed fully
  --request-timeout S   per request (default 30)
  --run-timeout S       per component run (default 900)
  --failures            list every failed assertion under its folder
  --server-output       echo the server's output
  --suite DIR           the suite (default ../shared/conformance/zgw, or $ZGW_SUITE_DIR)
`;

/** A path relative to the working directory when it is below it. */
const shown = (file: string) => (path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file));

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      folders: { type: 'string', multiple: true },
      components: { type: 'string', multiple: true },
      report: { type: 'string' },
      database: { type: 'string' },
      memory: { type: 'boolean' },
      baseline: { type: 'string' },
      'check-baseline': { type: 'boolean' },
      'update-baseline': { type: 'boolean' },
      'request-timeout': { type: 'string' },
      'run-timeout': { type: 'string' },
      failures: { type: 'boolean' },
      'server-output': { type: 'boolean' },
      suite: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  // The suite and what to run from it.
  const paths = suitePaths(values.suite ? path.resolve(values.suite) : undefined);
  const suite = readJson<PostmanCollection>(paths.collection);
  const layout = suiteLayout(suite);
  const selection = resolveSelection(layout, [...(values.folders ?? []).flatMap(list), ...(values.components ?? []).flatMap(list)]);
  const selected = selectedRuleFolders(layout, selection);
  const knownRuleFolders = layout.components.flatMap((c) => c.ruleFolders);

  const baselineFile = path.resolve(values.baseline ?? path.join(PROJECT_ROOT, 'conformance', 'baseline.json'));
  const checking = Boolean(values['check-baseline'] || (values.baseline && !values['update-baseline']));
  let baseline: Baseline | undefined;
  if (checking || values['update-baseline']) {
    baseline = fs.existsSync(baselineFile) || checking ? readBaseline(baselineFile) : { folders: [] };
  }
  const seconds = (value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a number of seconds, got "${value}"`);
    return n * 1000;
  };
  const requestTimeoutMs = seconds(values['request-timeout'], 30);
  const runTimeoutMs = seconds(values['run-timeout'], 900);

  const startedAt = new Date();
  const interrupt = new AbortController();
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch (error) {
          console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping, cleaning up...`);
    interrupt.abort();
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Output piped into `head` and the like must not kill the runner before it has cleaned up.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  // Last resort, if the runner dies anyway: no server is left running.
  const children: ChildProcess[] = [];
  process.once('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });

  try {
    // 1. Database.
    const database: RunDatabase = await prepareDatabase({ database: values.database, memory: values.memory, env: process.env });
    if (database.kind === 'postgres') {
      cleanups.push(() => database.drop());
      console.log(`database: PostgreSQL, fresh database ${database.display} (dropped afterwards)`);
    } else {
      if (database.warning) console.warn(`warning: ${database.warning}`);
      console.log('database: embedded PGlite, in memory');
    }

    // 2. Clients file.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-conformance-'));
    cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const clients = clientsFromFixture(readJson(paths.fixtureAc));
    const clientsFile = writeClientsFile(tmp, clients);
    const registerFile = writeRegisterFile(tmp, clients);

    // 3. Mock server.
    const mock = await startMockServer(loadMockRoutes(readJson(paths.mocks)));
    cleanups.push(() => mock.close());

    // 4. Open Grond.
    const port = await freePort();
    let server: ServerHandle;
    try {
      server = await startServer({
        port,
        database: database.kind === 'postgres' ? database.url : 'memory',
        clientsFile,
        registerFile,
        // Document contents of the run go with its temporary directory, not into ./data.
        dataDir: path.join(tmp, 'data'),
        verbose: values['server-output'],
        onSpawn: (child) => children.push(child),
        signal: interrupt.signal,
      });
    } catch (error) {
      if (interrupt.signal.aborted) return 130;
      if (error instanceof ServerStartError) {
        console.error(`Open Grond did not start: ${error.message}\n--- server output ---\n${error.output}\n---------------------`);
        return 2;
      }
      throw error;
    }
    cleanups.push(() => server.stop());
    console.log(`server: ${server.url}, mocks: ${mock.url}\n`);

    // 5. One newman run per component.
    const environment = buildEnvironment(readJson<PostmanEnvironment>(paths.environment), server.url, mock.url);
    const suiteNames = allRequestNames(suite);
    const runs: ComponentRun[] = [];
    // The suite is one collection with one set of globals: each component starts with the
    // globals the one before it (in suite order) left, as in a run of the whole collection.
    let globals: object | undefined;
    for (const component of findComponentFolders(suite)) {
      const chosen = selection.get(component.name);
      if (!chosen || interrupt.signal.aborted) continue;
      const built = buildComponentCollection(suite, component, chosen);
      process.stdout.write(`${component.name}: running ${chosen === 'all' ? 'all folders' : [...chosen].join(', ')}... `);
      const run = await runComponent(built, { environment, globals, requestTimeoutMs, runTimeoutMs, suiteRequestNames: suiteNames, signal: interrupt.signal });
      globals = globalsForNext(run, globals);
      const totals = [...run.folders.values()].reduce((t, r) => ({ p: t.p + r.passed, f: t.f + r.failed, n: t.n + r.requests }), { p: 0, f: 0, n: 0 });
      console.log(`${totals.n} requests, ${totals.p} passed, ${totals.f} failed (${(run.durationMs / 1000).toFixed(1)} s)${run.error ? ` — ${run.error}` : ''}`);
      runs.push(run);
    }
    if (interrupt.signal.aborted) return 130;

    // 6. Stop everything before reporting, so the database can be dropped.
    await cleanup();

    // 7. Report, warnings and baseline first, so that the table's total is the last line.
    const report = buildReport(runs, startedAt, database.kind);
    console.log('');
    for (const warning of runWarnings(runs)) console.warn(`warning: ${warning}`);
    if (values.report) {
      const file = path.resolve(values.report);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`report: ${file}`);
    }

    let exitCode = 0;
    if (checking && baseline) {
      const check = checkBaseline(baseline, report, selected, knownRuleFolders);
      if (check.notSelected.length) console.log(`baseline: ${check.notSelected.length} folder(s) not selected in this run, not checked`);
      for (const f of check.failed) console.error(`baseline: ${f.folder} failed ${f.failed} assertion(s)`);
      for (const f of check.notRun) console.error(`baseline: ${f} did not run`);
      console.log(check.ok ? `baseline: all ${baseline.folders.length - check.notSelected.length} checked folder(s) pass` : `baseline: FAILED (${shown(baselineFile)})`);
      if (!check.ok) exitCode = 1;
    }
    if (values['update-baseline'] && baseline) {
      const next = updatedBaseline(baseline, report, selected, knownRuleFolders);
      const added = next.folders.filter((f) => !baseline.folders.includes(f));
      const removed = baseline.folders.filter((f) => !next.folders.includes(f));
      writeBaseline(baselineFile, next);
      console.log(`baseline: ${shown(baselineFile)} now lists ${next.folders.length} folder(s)` + (added.length ? `; added ${added.join(', ')}` : '') + (removed.length ? `; removed ${removed.join(', ')}` : ''));
    }

    console.log(`\n${formatTable(runs, { failures: values.failures })}`);
    return exitCode;
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
