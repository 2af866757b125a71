/**
 * The official BRP Personen acceptance features as a CI gate (`npm run brp:features`): runs
 * zoeken, input-validatie and bevragen/persoon (not `@gba`: the raw GBA-shaped variant, not the
 * 2.7.0 API) with cucumber's json formatter, prints the counts per folder, and compares with
 * test/brp-features/known-failing.json, the scenarios known not to pass, each with its reason
 * (as conformance/baseline.json's knownWrong does for the ZGW suite). Fails when any other
 * scenario outside a `dev/` folder does not pass. `dev/` scenarios (Haal Centraal's work in
 * progress) are run and counted separately, never failing the run. Known ones that pass now are
 * reported, so the list can shrink.
 *
 *   npm run brp:features [-- --report FILE] [-- --database URL]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const FEATURES = '../shared/standards/brp/features';
const FOLDERS = ['zoeken', 'input-validatie', 'bevragen/persoon'];
const KNOWN_FILE = 'test/brp-features/known-failing.json';

interface Known {
  scenario: string;
  name: string;
  reason: string;
}
interface Step {
  result: { status: string; error_message?: string };
}
interface Element {
  type: string;
  line: number;
  name: string;
  before?: Step[];
  steps: Step[];
  after?: Step[];
}
interface Feature {
  uri: string;
  elements: Element[];
}
interface Outcome {
  scenario: string;
  name: string;
  folder: string;
  dev: boolean;
  status: string;
  error?: string;
}

/** A scenario passes when every step and hook passed; otherwise its worst status. */
function status(e: Element): { status: string; error?: string } {
  const all = [...(e.before ?? []), ...e.steps, ...(e.after ?? [])];
  for (const s of ['failed', 'ambiguous', 'undefined', 'pending', 'skipped']) {
    const step = all.find((x) => x.result.status === s);
    if (step) return { status: s, error: step.result.error_message };
  }
  return { status: 'passed' };
}

/** "bevragen/persoon/kind/kinderen.feature" → "bevragen/persoon/kind"; zoeken and input-validatie as a whole. */
function folderOf(uri: string): string {
  const parts = uri.replace(/\/dev(\/.*)?\/[^/]+$/, '').split('/');
  return parts[0] === 'bevragen' ? parts.slice(0, 3).join('/').replace(/\.feature$/, '') : parts[0]!;
}

function outcomes(report: Feature[]): Outcome[] {
  return report.flatMap((f) => {
    const uri = path.relative(FEATURES, f.uri);
    return f.elements
      .filter((e) => e.type === 'scenario')
      .map((e) => ({ scenario: `${uri}:${e.line}`, name: e.name, folder: folderOf(uri), dev: /(^|\/)dev\//.test(uri), ...status(e) }));
  });
}

function table(list: Outcome[]): void {
  const rows = new Map<string, Record<string, number>>();
  for (const o of list) {
    const key = o.dev ? `${o.folder} (dev)` : o.folder;
    const row = rows.get(key) ?? rows.set(key, { scenarios: 0, passed: 0, failed: 0, undefined: 0, other: 0 }).get(key)!;
    row.scenarios!++;
    if (o.status in row) row[o.status]!++;
    else row.other!++;
  }
  const keys = [...rows.keys()].sort((a, b) => Number(a.endsWith('(dev)')) - Number(b.endsWith('(dev)')) || a.localeCompare(b));
  console.log(`| folder | scenarios | passed | failed | undefined | other |\n|---|---|---|---|---|---|`);
  for (const key of keys) {
    const r = rows.get(key)!;
    console.log(`| ${key} | ${r.scenarios} | ${r.passed} | ${r.failed} | ${r.undefined} | ${r.other} |`);
  }
}

function main(): void {
  const { values } = parseArgs({ options: { report: { type: 'string' }, database: { type: 'string' } } });
  const report = values.report ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brp-features-')), 'report.json');
  const run = spawnSync(
    'npx',
    ['cucumber-js', ...FOLDERS.map((f) => `${FEATURES}/${f}`), '--tags', 'not @gba', '--format', `json:${report}`],
    { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim(), ...(values.database ? { TEST_DATABASE_URL: values.database } : {}) } },
  );
  if (!fs.existsSync(report)) {
    console.error(`cucumber-js wrote no report (exit ${run.status}).`);
    process.exit(2);
  }
  const list = outcomes(JSON.parse(fs.readFileSync(report, 'utf8')) as Feature[]);
  const known = new Map((JSON.parse(fs.readFileSync(KNOWN_FILE, 'utf8')) as { knownFailing: Known[] }).knownFailing.map((k) => [k.scenario, k]));

  console.log('\nBRP acceptance features (not @gba), per folder:\n');
  table(list);

  const gated = list.filter((o) => !o.dev);
  const unexpected = gated.filter((o) => o.status !== 'passed' && !known.has(o.scenario));
  const nowPassing = gated.filter((o) => o.status === 'passed' && known.has(o.scenario));
  const seen = new Set(list.map((o) => o.scenario));
  const stale = [...known.keys()].filter((k) => !seen.has(k));
  const passed = gated.filter((o) => o.status === 'passed').length;
  console.log(`\nOutside dev/: ${passed} of ${gated.length} pass; ${gated.length - passed - unexpected.length} known not to pass (${KNOWN_FILE}).`);

  if (nowPassing.length) {
    console.log(`\nKnown not to pass, but passing now (remove them from ${KNOWN_FILE}):`);
    for (const o of nowPassing) console.log(`  ${o.scenario}  ${o.name}`);
  }
  if (stale.length) {
    console.log(`\nIn ${KNOWN_FILE} but not run (renamed or moved upstream?):`);
    for (const s of stale) console.log(`  ${s}`);
  }
  if (unexpected.length) {
    console.error(`\n${unexpected.length} scenario(s) outside dev/ do not pass and are not known to:`);
    for (const o of unexpected) {
      console.error(`  ${o.status.toUpperCase()} ${o.scenario}  ${o.name}`);
      if (o.error) console.error(`    ${o.error.split('\n').slice(0, 8).join('\n    ')}`);
    }
    process.exit(1);
  }
  console.log('\nBRP features: every scenario outside dev/ passes or is known not to.');
}

main();
