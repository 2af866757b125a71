import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkBaseline, fullyPassing, readBaseline, updatedBaseline, writeBaseline } from '../../src/conformance/baseline.ts';
import type { ReportFolder } from '../../src/conformance/report.ts';

const folder = (passed: number, failed: number, requests = passed + failed): ReportFolder => ({ passed, failed, requests, failures: [] });

const known = ['ac-001', 'ac-002', 'ac-003', 'zrc-001', 'zrc-002'];
const report = {
  folders: {
    'ac:setUp': folder(0, 1, 8),
    'ac-001': folder(3, 0),
    'ac-002': folder(1, 1),
    'ac-003': folder(0, 0, 0), // selected, but the run never got there
    'ac:tearDown': folder(3, 0),
  },
};
const selectedAc = ['ac-001', 'ac-002', 'ac-003'];

test('a baseline whose folders all passed fully is ok', () => {
  const check = checkBaseline({ folders: ['ac-001'] }, report, selectedAc, known);
  assert.deepEqual(check, { ok: true, failed: [], notRun: [], notSelected: [] });
});

test('a baseline folder with a failure, or that did not run, fails the check', () => {
  const check = checkBaseline({ folders: ['ac-001', 'ac-002', 'ac-003'] }, report, selectedAc, known);
  assert.equal(check.ok, false);
  assert.deepEqual(check.failed, [{ folder: 'ac-002', failed: 1 }]);
  assert.deepEqual(check.notRun, ['ac-003']);
});

test('baseline folders outside the selection are not checked; unknown ones count as not run', () => {
  const check = checkBaseline({ folders: ['ac-001', 'zrc-001', 'zrc-999'] }, report, selectedAc, known);
  assert.equal(check.ok, false);
  assert.deepEqual(check.notSelected, ['zrc-001']);
  assert.deepEqual(check.notRun, ['zrc-999']);
  assert.equal(checkBaseline({ folders: ['ac-001', 'zrc-001'] }, report, selectedAc, known).ok, true);
});

test('an empty baseline always passes', () => {
  assert.equal(checkBaseline({ folders: [] }, { folders: {} }, [], known).ok, true);
});

test('fully passing: rule folders with passes and no failures, never pseudo-folders', () => {
  assert.deepEqual(fullyPassing(report), ['ac-001']);
});

test('updating keeps folders that did not run and replaces those that did, in suite order', () => {
  const next = updatedBaseline({ folders: ['zrc-002', 'ac-002', 'gone-001'] }, report, selectedAc, known);
  // ac-002 failed now and is dropped; ac-001 passed and is added; zrc-002 was not selected and stays; gone-001 no longer exists.
  assert.deepEqual(next, { folders: ['ac-001', 'zrc-002'] });
});

test('the baseline file is {"folders": [...]}; anything else is an error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baseline-test-'));
  try {
    const file = path.join(dir, 'baseline.json');
    writeBaseline(file, { folders: ['ac-001'] });
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { folders: ['ac-001'] });
    assert.deepEqual(readBaseline(file), { folders: ['ac-001'] });
    fs.writeFileSync(file, '["ac-001"]');
    assert.throws(() => readBaseline(file), /expected \{"folders"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the committed baseline is valid', () => {
  const file = path.resolve(import.meta.dirname, '../../conformance/baseline.json');
  assert.ok(Array.isArray(readBaseline(file).folders));
});

test('known-wrong assertions do not fail a baseline folder; any other failure still does', () => {
  const wrong = { request: 'R', assertion: 'A', message: 'expected omschrijving to equal URL' };
  const other = { request: 'R', assertion: 'B', message: 'expected 400' };
  const withFailures = (failures: (typeof wrong)[]) => ({ folders: { 'ac-001': { passed: 3, failed: failures.length, requests: 4, failures } } });
  const baseline = { folders: ['ac-001'], knownWrong: [{ folder: 'ac-001', request: 'R', assertion: 'A' }] };
  assert.equal(checkBaseline(baseline, withFailures([wrong]), ['ac-001'], known).ok, true);
  assert.deepEqual(checkBaseline(baseline, withFailures([wrong, other]), ['ac-001'], known).failed, [{ folder: 'ac-001', failed: 1 }]);
  assert.equal(checkBaseline({ folders: ['ac-001'] }, withFailures([wrong]), ['ac-001'], known).ok, false);
  assert.deepEqual(fullyPassing(withFailures([wrong]), baseline.knownWrong), ['ac-001']);
  assert.deepEqual(updatedBaseline(baseline, withFailures([wrong]), ['ac-001'], ['ac-001']), baseline);
});

test('the known-wrong list survives writing and reading the baseline', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baseline-')), 'baseline.json');
  const baseline = { folders: ['ztc-011'], knownWrong: [{ folder: 'ztc-011', request: 'R', assertion: 'A' }] };
  writeBaseline(file, baseline);
  assert.deepEqual(readBaseline(file), baseline);
  fs.writeFileSync(file, JSON.stringify({ folders: [], knownWrong: [{ folder: 'x' }] }));
  assert.throws(() => readBaseline(file), /knownWrong/);
});
