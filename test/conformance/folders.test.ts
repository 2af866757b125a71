import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  folderKey,
  isRuleFolderKey,
  normaliseFolderName,
  resolveSelection,
  selectedRuleFolders,
  type SuiteLayout,
} from '../../src/conformance/folders.ts';
import { buildComponentCollection, findComponentFolders, suiteLayout } from '../../src/conformance/collection.ts';
import { readJson, suitePaths, type PostmanCollection, type PostmanItem } from '../../src/conformance/suite.ts';

const layout: SuiteLayout = {
  components: [
    { name: 'ac', ruleFolders: ['ac-001', 'ac-002', 'ac-003'] },
    { name: 'zrc', ruleFolders: ['zrc-001', 'ztc-019', 'zrc-021'] },
  ],
};

test('rule folder names lose their parentheses; setUp, tearDown and common requests become per-component pseudo-folders', () => {
  assert.equal(normaliseFolderName('(ac-001)'), 'ac-001');
  assert.equal(normaliseFolderName('zrc-001'), 'zrc-001');
  assert.equal(normaliseFolderName(' (ztc-010) '), 'ztc-010');
  assert.equal(folderKey('ac', '(ac-001)'), 'ac-001');
  assert.equal(folderKey('ac', 'setUp'), 'ac:setUp');
  assert.equal(folderKey('zrc', 'tearDown'), 'zrc:tearDown');
  assert.equal(folderKey('drc', 'common requests'), 'drc:common requests');
  assert.equal(isRuleFolderKey('ac-001'), true);
  assert.equal(isRuleFolderKey('ac:setUp'), false);
});

test('no --folders selects every folder of every component', () => {
  const selection = resolveSelection(layout, []);
  assert.deepEqual([...selection], [['ac', 'all'], ['zrc', 'all']]);
  assert.deepEqual(selectedRuleFolders(layout, selection), ['ac-001', 'ac-002', 'ac-003', 'zrc-001', 'ztc-019', 'zrc-021']);
});

test('--folders takes rule folders (with or without parentheses) and components, in any order', () => {
  const selection = resolveSelection(layout, ['zrc-021', '(ac-003)', 'ac-001', 'ztc-019']);
  assert.deepEqual([...selection.keys()], ['ac', 'zrc']);
  assert.deepEqual(selectedRuleFolders(layout, selection), ['ac-001', 'ac-003', 'ztc-019', 'zrc-021']);

  const mixed = resolveSelection(layout, ['ac-001', 'ac', 'zrc-001']);
  assert.equal(mixed.get('ac'), 'all');
  assert.deepEqual(selectedRuleFolders(layout, mixed), ['ac-001', 'ac-002', 'ac-003', 'zrc-001']);
});

test('an unknown folder is an error that lists what exists', () => {
  assert.throws(() => resolveSelection(layout, ['ac-009']), /Unknown folder or component: ac-009[\s\S]*ac: ac-001, ac-002, ac-003/);
});

test('the real suite has components ac, zrc, drc, brc, ztc under Tests > standaard.md', () => {
  const suite = readJson<PostmanCollection>(suitePaths().collection);
  const found = findComponentFolders(suite);
  assert.deepEqual(found.map((c) => c.name), ['ac', 'zrc', 'drc', 'brc', 'ztc']);
  assert.deepEqual(found[0]!.ancestors.map((a) => a.name), ['Tests', 'standaard.md']);
  const real = suiteLayout(suite);
  assert.deepEqual(real.components[0]!.ruleFolders, ['ac-001', 'ac-002', 'ac-003']);
  assert.ok(real.components[1]!.ruleFolders.includes('ztc-019'), 'zrc holds a folder named ztc-019');
});

test('a component collection keeps the collection events and auth, the folder chain, and only the selected rule folders', () => {
  const suite = readJson<PostmanCollection>(suitePaths().collection);
  const ac = findComponentFolders(suite)[0]!;
  const built = buildComponentCollection(suite, ac, new Set(['ac-001']));

  // Empty scripts (`"exec": [""]`) are left out: they only cost time.
  const nonEmpty = (events: PostmanItem['event']) => (events ?? []).filter((e) => [e.script?.exec ?? []].flat().join('').trim() !== '');
  assert.deepEqual(built.collection.event, nonEmpty(suite.event));
  assert.equal(built.collection.event!.length, 1, 'the prerequest script that signs the JWTs');
  assert.deepEqual(built.collection.auth, suite.auth);
  const tests = built.collection.item[0]!;
  const standaard = tests.item![0]!;
  const component = standaard.item![0]!;
  assert.deepEqual([tests.name, standaard.name, component.name], ['Tests', 'standaard.md', 'ac']);
  assert.deepEqual(standaard.event, nonEmpty(suite.item[0]!.item![0]!.event), 'folder events above the component are kept');
  assert.equal(standaard.event!.length, 1);
  assert.deepEqual(component.item!.map((i) => i.name), ['setUp', '(ac-001)', 'tearDown', 'common requests', '(conformance runner)']);
  assert.deepEqual(built.folders, ['ac:setUp', 'ac-001', 'ac:tearDown', 'ac:common requests']);

  const infos = [...built.items.values()];
  assert.equal(infos.filter((i) => i.folder === 'ac:setUp').length, 8);
  assert.equal(infos.filter((i) => i.folder === 'ac-001').length, 3);
  // Left-out requests get a stand-in that jumps on to the next kept request: for ac-002a
  // (ac-002 and ac-003 are left out) that is the first request of tearDown.
  const runner = component.item!.at(-1)!.item! as PostmanItem[];
  const bridge = runner.find((i) => i.name.startsWith('(ac-002a)'))!;
  const script = (bridge.event![0]!.script!.exec as string[]).join('\n');
  const firstTearDown = component.item![2]!.item![0]!;
  assert.match(script, /pm\.execution\.skipRequest\(\)/);
  assert.ok(script.includes(`postman.setNextRequest(${JSON.stringify(firstTearDown.id)})`), script);
  assert.equal(runner.length, 1 + 2 + 6, 'a guard plus one bridge per left-out request');
});
