/**
 * Cutting the suite into one collection per component, holding only the selected rule
 * folders (plus `setUp`, `tearDown`, `common requests`) and everything the requests inherit:
 * the collection's `auth`, `variable`s and `event`s (the prerequest script that signs the
 * JWTs) and the events of the folders above the component (`Tests`, `standaard.md`).
 *
 * Requests jump with `postman.setNextRequest(name)`. newman looks the name up among the
 * run's requests (the last request of that name wins); a name it cannot find ends the run.
 * So that leaving a rule folder out does not end a run early, every left-out request gets a
 * stand-in "bridge" under its name that sends nothing (`pm.execution.skipRequest()`) and
 * jumps on to the next request that is in the run, as if the left-out ones had passed by.
 * The bridges sit at the very end, behind a guard that ends a run which runs off the end
 * of the component folder, so they are only ever reached by a jump.
 *
 * Some requests loop on purpose (paging through the Selectielijst, zrc-007b walking a list)
 * and loop forever when an API answers unexpectedly. Every request that can jump therefore
 * gets one more test script, run after its own, that counts how often it ran without any
 * request new to the run in between; past `maxRepeats` it fails an assertion and sends the
 * run on to the request after the furthest one the run has reached (outside `common
 * requests`), which is where a loop made of stale jumps backwards is left behind.
 */
import { folderKey, isPseudoFolder, normaliseFolderName, type SuiteLayout } from './folders.ts';
import { isFolder, type PostmanCollection, type PostmanEvent, type PostmanItem } from './suite.ts';

export interface ComponentFolder {
  name: string;
  /** The folders from the collection root down to (not including) the component folder. */
  ancestors: PostmanItem[];
  folder: PostmanItem;
  /** Normalised names of the rule folders, in suite order. */
  ruleFolders: string[];
}

/** What the runner knows about each request of a built collection, by item id. */
export interface ItemInfo {
  component: string;
  /** Report key: a rule folder (`ac-001`) or pseudo-folder (`ac:setUp`, `ac:runner`). */
  folder: string;
  request: string;
}

export interface ComponentCollection {
  component: string;
  collection: PostmanCollection;
  items: Map<string, ItemInfo>;
  /** Report keys of the folders in this run, in suite order (pseudo-folders included). */
  folders: string[];
}

/** Folders with a child folder called `setUp` are component folders. */
export function findComponentFolders(collection: PostmanCollection): ComponentFolder[] {
  const found: ComponentFolder[] = [];
  const walk = (items: PostmanItem[], ancestors: PostmanItem[]) => {
    for (const item of items) {
      if (!isFolder(item)) continue;
      const children = item.item!;
      if (children.some((child) => isFolder(child) && child.name === 'setUp')) {
        const ruleFolders = children.filter((c) => isFolder(c) && !isPseudoFolder(c.name)).map((c) => normaliseFolderName(c.name));
        found.push({ name: item.name, ancestors, folder: item, ruleFolders });
      } else {
        walk(children, [...ancestors, item]);
      }
    }
  };
  walk(collection.item, []);
  return found;
}

export function suiteLayout(collection: PostmanCollection): SuiteLayout {
  return { components: findComponentFolders(collection).map((c) => ({ name: c.name, ruleFolders: c.ruleFolders })) };
}

/** All requests under `item`, depth first, in run order. */
function requestsOf(item: PostmanItem): PostmanItem[] {
  return isFolder(item) ? item.item!.flatMap(requestsOf) : [item];
}

const RUNNER_FOLDER = '(conformance runner)';

function skipAndJump(name: string, target: string | null): PostmanItem {
  return {
    name,
    event: [
      {
        listen: 'prerequest',
        // In this order: skipRequest() ends the script, a later setNextRequest() is lost.
        script: { type: 'text/javascript', exec: [`postman.setNextRequest(${JSON.stringify(target)});`, 'pm.execution.skipRequest();'] },
      },
    ],
    request: { method: 'GET', header: [], url: 'http://127.0.0.1:9/' },
  };
}

export interface BuildOptions {
  /**
   * How often a request may run without any new request in between before its loop is broken;
   * default 25 (the longest legitimate loop, paging through 346 Selectielijst resultaten, takes
   * a handful of runs).
   */
  maxRepeats?: number;
}

/**
 * One component's collection. `selected` is `'all'` or the rule folders to keep (normalised
 * names); `setUp`, `tearDown`, `common requests` and any loose requests are always kept.
 */
export function buildComponentCollection(
  suite: PostmanCollection,
  component: ComponentFolder,
  selected: 'all' | Set<string>,
  options: BuildOptions = {},
): ComponentCollection {
  const name = component.name;
  const items = new Map<string, ItemInfo>();
  const folders: string[] = [];
  let counter = 0;
  const nextId = () => `conformance-${name}-${++counter}`;

  // Every request of the component in run order, with whether it is kept.
  const flat: { item: PostmanItem; kept: boolean; common: boolean; clone?: PostmanItem }[] = [];
  const keptChildren: PostmanItem[] = [];
  for (const child of component.folder.item!) {
    const key = isFolder(child) ? folderKey(name, child.name) : `${name}:other`;
    const kept = !isFolder(child) || isPseudoFolder(child.name) || selected === 'all' || selected.has(key);
    const clone = kept ? (structuredClone(child) as PostmanItem) : undefined;
    const originals = requestsOf(child);
    const clones = clone ? requestsOf(clone) : [];
    originals.forEach((item, i) => flat.push({ item, kept, common: child.name === 'common requests', clone: clones[i] }));
    if (!clone) continue;
    keptChildren.push(clone);
    if (!folders.includes(key)) folders.push(key);
    const label = (folder: PostmanItem) => {
      folder.id = nextId();
      for (const sub of folder.item ?? []) label(sub);
      if (!isFolder(folder)) items.set(folder.id, { component: name, folder: key, request: folder.name });
    };
    label(clone);
  }

  // Bridges for left-out requests whose name no kept request has; the last of a name wins,
  // as it does in newman's own lookup.
  const keptNames = new Set(flat.filter((f) => f.kept).map((f) => f.item.name));
  const lastLeftOut = new Map<string, number>();
  flat.forEach((f, index) => {
    if (!f.kept && !keptNames.has(f.item.name)) lastLeftOut.set(f.item.name, index);
  });
  const runner: PostmanItem[] = [skipAndJump(`${RUNNER_FOLDER} end of ${name}`, null)];
  for (const [request, index] of lastLeftOut) {
    const next = flat.slice(index + 1).find((f) => f.kept && !f.common);
    runner.push(skipAndJump(request, next?.clone?.id ?? null));
  }
  const runnerFolder: PostmanItem = { name: RUNNER_FOLDER, item: runner };
  runnerFolder.id = nextId();
  for (const item of runner) {
    item.id = nextId();
    items.set(item.id, { component: name, folder: `${name}:runner`, request: item.name });
  }

  // Loop breakers, after the test scripts of each kept request that can jump (a script of its
  // own or of a folder above it calls setNextRequest). `order` lists the kept requests outside
  // `common requests` and ends with the guard; a breaker sends the run on to the request after
  // the furthest one reached.
  const maxRepeats = options.maxRepeats ?? 25;
  const inheritedJump = [suite, ...component.ancestors, component.folder].some((node) => jumps(node.event));
  const kept: { item: PostmanItem; canJump: boolean; common: boolean }[] = [];
  const collect = (node: PostmanItem, canJump: boolean, common: boolean) => {
    const here = canJump || jumps(node.event);
    if (isFolder(node)) for (const child of node.item!) collect(child, here, common);
    else kept.push({ item: node, canJump: here, common });
  };
  for (const child of keptChildren) collect(child, inheritedJump, child.name === 'common requests');
  const order = [...kept.filter((k) => !k.common).map((k) => k.item.id!), runner[0]!.id!];
  for (const { item, canJump, common } of kept) {
    if (canJump) (item.event ??= []).push(loopBreaker(item.id!, common ? -1 : order.indexOf(item.id!), maxRepeats));
  }

  const componentClone: PostmanItem = { ...shallowFolder(component.folder), item: [...keptChildren, runnerFolder] };
  let root: PostmanItem = componentClone;
  for (const ancestor of [...component.ancestors].reverse()) root = { ...shallowFolder(ancestor), item: [root] };

  const collection: PostmanCollection = {
    ...suite,
    info: { ...suite.info, name: `${suite.info.name} (${name})` },
    item: [root],
    variable: [...(suite.variable ?? []), { key: LOOP_ORDER, value: JSON.stringify(order), type: 'string' }],
  };
  dropEmptyScripts(collection);
  return { component: name, collection, items, folders };
}

const scriptText = (event: PostmanEvent) => [event.script?.exec ?? []].flat().join('\n');

function jumps(events: PostmanEvent[] | undefined): boolean {
  return (events ?? []).some((event) => scriptText(event).includes('setNextRequest'));
}

/**
 * Removes script events whose script is empty (the suite has hundreds, e.g. `"exec": [""]`):
 * newman runs each one through its sandbox, at some 25 ms apiece, to no effect.
 */
function dropEmptyScripts(node: { event?: PostmanEvent[]; item?: PostmanItem[] }): void {
  if (node.event) node.event = node.event.filter((event) => scriptText(event).trim() !== '');
  for (const child of node.item ?? []) dropEmptyScripts(child);
}

export const LOOP_BROKEN = '(conformance runner) loop broken';
const LOOP_STATE = '__conformance_runner_loops';
const LOOP_ORDER = '__conformance_runner_order';

function loopBreaker(id: string, index: number, maxRepeats: number): PostmanEvent {
  // State in one global: `progress` counts the distinct requests that have run so far; `last`
  // holds, per request, the progress at its last run and how often it ran at that progress;
  // `frontier` is the furthest position in `order` reached. A request used over and over in a
  // healthy run (a common request) sees progress in between; one caught in a loop, alone or
  // with others, does not.
  return {
    listen: 'test',
    script: {
      type: 'text/javascript',
      exec: [
        '(function () {',
        `  var id = ${JSON.stringify(id)}, index = ${index};`,
        `  var state = pm.globals.get(${JSON.stringify(LOOP_STATE)}) || { progress: 0, frontier: -1, last: {} };`,
        '  if (!state.last[id]) state.progress += 1;',
        '  if (index > state.frontier) state.frontier = index;',
        '  var last = state.last[id];',
        '  var runs = last && last[0] === state.progress ? last[1] + 1 : 1;',
        '  state.last[id] = [state.progress, runs];',
        `  pm.globals.set(${JSON.stringify(LOOP_STATE)}, state);`,
        `  if (runs > ${maxRepeats}) {`,
        `    var order = JSON.parse(pm.collectionVariables.get(${JSON.stringify(LOOP_ORDER)}));`,
        '    postman.setNextRequest(order[Math.min(state.frontier + 1, order.length - 1)]);',
        `    pm.test(${JSON.stringify(LOOP_BROKEN)}, function () { throw new Error("this request ran " + runs + " times without any new request in between; going on after the furthest request reached"); });`,
        '  }',
        '})();',
      ],
    },
  };
}

/** A folder's own properties (events, auth, description) without its children. */
function shallowFolder(folder: PostmanItem): PostmanItem {
  const { item: _children, ...rest } = folder;
  return structuredClone(rest) as PostmanItem;
}

/** Names of every request in the suite, for telling a hand-over to another component from a dangling jump. */
export function allRequestNames(collection: PostmanCollection): Set<string> {
  return new Set(collection.item.flatMap(requestsOf).map((i) => i.name));
}
