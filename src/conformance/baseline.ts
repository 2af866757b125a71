/**
 * The baseline (`conformance/baseline.json`, `{"folders": [...]}`): the rule folders that are
 * expected to pass fully. A check fails when one of them that was selected for this run had a
 * failure or did not run at all; baseline folders outside the selection (`--folders ac`) are
 * not checked. Updating keeps the entries of folders that did not run and, for those that did,
 * lists exactly the ones that passed fully (some assertions passed, none failed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRuleFolderKey } from './folders.ts';
import type { ConformanceReport } from './report.ts';

export interface Baseline {
  folders: string[];
}

export function readBaseline(file: string): Baseline {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const folders = (data as { folders?: unknown } | null)?.folders;
  if (!Array.isArray(folders) || !folders.every((f) => typeof f === 'string')) {
    throw new Error(`${file}: expected {"folders": ["ac-001", ...]}`);
  }
  return { folders };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ folders: baseline.folders }, null, 2)}\n`);
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
    else if (result.failed > 0) failed.push({ folder, failed: result.failed });
  }
  return { ok: failed.length === 0 && notRun.length === 0, failed, notRun, notSelected };
}

export function fullyPassing(report: Pick<ConformanceReport, 'folders'>): string[] {
  return Object.entries(report.folders)
    .filter(([key, r]) => isRuleFolderKey(key) && r.passed > 0 && r.failed === 0)
    .map(([key]) => key);
}

/** The new baseline after this run; `order` (all rule folders in suite order) sorts it. */
export function updatedBaseline(previous: Baseline, report: Pick<ConformanceReport, 'folders'>, selected: string[], order: string[]): Baseline {
  const passing = new Set(fullyPassing(report));
  const keep = previous.folders.filter((f) => !selected.includes(f) && order.includes(f));
  const folders = new Set([...keep, ...[...passing].filter((f) => selected.includes(f))]);
  return { folders: order.filter((f) => folders.has(f)) };
}
