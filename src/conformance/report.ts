/**
 * The results of a conformance run: the table printed at the end, and the JSON report
 * (`--report FILE`).
 */
import type { Failure, FolderResult } from './attribution.ts';
import type { ComponentRun } from './run.ts';
import { LOOP_BROKEN } from './collection.ts';

export interface ReportFolder {
  passed: number;
  failed: number;
  requests: number;
  failures: Failure[];
}

export interface ConformanceReport {
  folders: Record<string, ReportFolder>;
  total: { passed: number; failed: number };
  startedAt: string;
  database: 'postgres' | 'pglite';
  components: Record<
    string,
    { passed: number; failed: number; requests: number; durationMs: number; error?: string; exits: ComponentRun['exits'] }
  >;
}

const sum = (results: Iterable<FolderResult>) => {
  let passed = 0;
  let failed = 0;
  let requests = 0;
  for (const r of results) {
    passed += r.passed;
    failed += r.failed;
    requests += r.requests;
  }
  return { passed, failed, requests };
};

export function buildReport(runs: ComponentRun[], startedAt: Date, database: 'postgres' | 'pglite'): ConformanceReport {
  const folders: ConformanceReport['folders'] = {};
  const components: ConformanceReport['components'] = {};
  for (const run of runs) {
    for (const key of run.order) {
      const result = run.folders.get(key)!;
      folders[key] = { passed: result.passed, failed: result.failed, requests: result.requests, failures: result.failures };
    }
    const totals = sum(run.folders.values());
    components[run.component] = { ...totals, durationMs: run.durationMs, ...(run.error ? { error: run.error } : {}), exits: run.exits };
  }
  const { passed, failed } = sum(Object.values(folders));
  return { folders, total: { passed, failed }, startedAt: startedAt.toISOString(), database, components };
}

/**
 * The table: one line per folder, a subtotal per component, the overall total, and last
 * `N assertions passed, N failed`. (Not the bare `N passed, N failed` a CI reads as a test
 * runner's verdict: folders outside the baseline may fail; the baseline check decides.)
 */
export function formatTable(runs: ComponentRun[], options: { failures?: boolean } = {}): string {
  const width = Math.max(28, ...runs.flatMap((r) => r.order.map((k) => k.length + 2)));
  const line = (name: string, passed: number | string, failed: number | string, note = '') =>
    `${name.padEnd(width)}${String(passed).padStart(8)}${String(failed).padStart(8)}${note ? `  ${note}` : ''}`;
  const out: string[] = [line('folder', 'passed', 'failed'), '-'.repeat(width + 16)];
  let passed = 0;
  let failed = 0;
  for (const run of runs) {
    for (const key of run.order) {
      const r = run.folders.get(key)!;
      if (key.endsWith(':runner') && r.passed + r.failed === 0) continue;
      out.push(line(`  ${key}`, r.passed, r.failed, r.requests === 0 && r.passed + r.failed === 0 ? '(not run)' : ''));
      if (options.failures) {
        for (const f of r.failures) out.push(`      ✗ ${f.request} — ${f.assertion}${f.status ? ` [HTTP ${f.status}]` : ''}: ${f.message.split('\n')[0]}`);
      }
    }
    const t = sum(run.folders.values());
    passed += t.passed;
    failed += t.failed;
    out.push(line(`${run.component} total`, t.passed, t.failed, `${(run.durationMs / 1000).toFixed(1)} s`));
  }
  out.push('-'.repeat(width + 16), line('total', passed, failed), '', `${passed} assertions passed, ${failed} failed`);
  return out.join('\n');
}

/** Lines worth a warning: runs that did not end normally, and jumps that ended a run early. */
export function runWarnings(runs: ComponentRun[]): string[] {
  const warnings: string[] = [];
  for (const run of runs) {
    if (run.error) warnings.push(`${run.component}: ${run.error}`);
    for (const [folder, result] of run.folders) {
      for (const failure of result.failures.filter((f) => f.assertion === LOOP_BROKEN)) {
        warnings.push(`${folder}: "${failure.request}" was caught in a loop (${failure.message})`);
      }
    }
    for (const exit of run.exits) {
      if (exit.target === 'nowhere') {
        warnings.push(`${run.component}: "${exit.from}" (${exit.folder}) jumped to "${exit.to}", which is no request of the suite; the ${run.component} run ended there`);
      } else if (!exit.folder.endsWith(':tearDown')) {
        warnings.push(`${run.component}: "${exit.from}" (${exit.folder}) jumped to "${exit.to}" in another component; the ${run.component} run ended there`);
      }
    }
  }
  return warnings;
}
