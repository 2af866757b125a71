/**
 * The baseline (`conformance/baseline.json`, `{"folders": [...], "knownWrong": [...]}`): the
 * rule folders that are expected to pass fully, except for the assertions listed in
 * `knownWrong` — tests that contradict the specification, each documented with its reason in
 * docs/conformance.md. A check fails when a selected baseline folder had any other failure or
 * did not run at all; baseline folders outside the selection (`--folders ac`) are not checked.
 * Updating keeps the entries of folders that did not run and, for those that did, lists
 * exactly the ones that passed fully (some assertions passed, none failed but the known-wrong).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRuleFolderKey } from './folders.ts';
import type { ConformanceReport } from './report.ts';

/** One assertion of the suite that contradicts the specification (see docs/conformance.md). */
export interface KnownWrong {
  folder: string;
  request: string;
  assertion: string;
}

export interface Baseline {
  folders: string[];
  knownWrong?: KnownWrong[];
}

type FolderResults = Pick<ConformanceReport, 'folders'>['folders'];

/** The failures of `folder` that are not known to be wrong. */
function realFailures(folders: FolderResults, folder: string, knownWrong: KnownWrong[] = []): number {
  const result = folders[folder];
  if (!result) return 0;
  return result.failures.length
    ? result.failures.filter((f) => !knownWrong.some((k) => k.folder === folder && k.request === f.request && k.assertion === f.assertion)).length
    : result.failed;
}

export function readBaseline(file: string): Baseline {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const folders = (data as { folders?: unknown } | null)?.folders;
  if (!Array.isArray(folders) || !folders.every((f) => typeof f === 'string')) {
    throw new Error(`${file}: expected {"folders": ["ac-001", ...]}`);
  }
  const knownWrong = (data as { knownWrong?: unknown }).knownWrong;
  if (knownWrong === undefined) return { folders };
  const isKnownWrong = (k: unknown): k is KnownWrong =>
    typeof k === 'object' && k !== null && ['folder', 'request', 'assertion'].every((key) => typeof (k as Record<string, unknown>)[key] === 'string');
  if (!Array.isArray(knownWrong) || !knownWrong.every(isKnownWrong)) {
    throw new Error(`${file}: expected "knownWrong": [{"folder", "request", "assertion"}, ...]`);
  }
  return { folders, knownWrong };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const content = baseline.knownWrong?.length ? { folders: baseline.folders, knownWrong: baseline.knownWrong } : { folders: baseline.folders };
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}

export interface BaselineCheck {
  ok: boolean;
  /** Baseline folders with at least one failure. */
  failed: { folder: string; failed: number }[];
  /** Baseline folders that were selected (or are unknown to the suite) but executed nothing. */
  notRun: string[];
  /** Baseline folders that this run did not select. */
  notSelected: string[];
}

/**
 * @param selected the rule folders this run selected
 * @param known every rule folder of the suite
 */
export function checkBaseline(baseline: Baseline, report: Pick<ConformanceReport, 'folders'>, selected: string[], known: string[]): BaselineCheck {
  const failed: BaselineCheck['failed'] = [];
  const notRun: string[] = [];
  const notSelected: string[] = [];
  for (const folder of baseline.folders) {
    if (known.includes(folder) && !selected.includes(folder)) {
      notSelected.push(folder);
      continue;
    }
    const result = report.folders[folder];
    if (!result || (result.requests === 0 && result.passed + result.failed === 0)) notRun.push(folder);
    else if (realFailures(report.folders, folder, baseline.knownWrong) > 0) failed.push({ folder, failed: realFailures(report.folders, folder, baseline.knownWrong) });
  }
  return { ok: failed.length === 0 && notRun.length === 0, failed, notRun, notSelected };
}

export function fullyPassing(report: Pick<ConformanceReport, 'folders'>, knownWrong: KnownWrong[] = []): string[] {
  return Object.entries(report.folders)
    .filter(([key, r]) => isRuleFolderKey(key) && r.passed > 0 && realFailures(report.folders, key, knownWrong) === 0)
    .map(([key]) => key);
}

/** The new baseline after this run; `order` (all rule folders in suite order) sorts it. */
export function updatedBaseline(previous: Baseline, report: Pick<ConformanceReport, 'folders'>, selected: string[], order: string[]): Baseline {
  const passing = new Set(fullyPassing(report, previous.knownWrong));
  const keep = previous.folders.filter((f) => !selected.includes(f) && order.includes(f));
  const folders = new Set([...keep, ...[...passing].filter((f) => selected.includes(f))]);
  return { folders: order.filter((f) => folders.has(f)), ...(previous.knownWrong ? { knownWrong: previous.knownWrong } : {}) };
}
