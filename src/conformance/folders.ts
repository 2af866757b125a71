/**
 * Folder names of the ZGW suite. Each component folder (`ac`, `zrc`, ...) holds `setUp`,
 * rule folders (`(ac-001)`, `zrc-001`, ...), `tearDown` and `common requests`. Rule folders
 * are reported under their name without parentheses; the other three are pseudo-folders
 * reported per component, e.g. `ac:setUp`.
 */

/** The component folders' own helper folders, always part of a component run. */
export const PSEUDO_FOLDERS = ['setUp', 'tearDown', 'common requests'] as const;

/** `(ac-001)` → `ac-001`; `zrc-001` stays. */
export function normaliseFolderName(name: string): string {
  return name.replace(/[()]/g, '').trim();
}

export function isPseudoFolder(name: string): boolean {
  return (PSEUDO_FOLDERS as readonly string[]).includes(name);
}

/** The report key of a direct child folder of a component folder. */
export function folderKey(component: string, childName: string): string {
  return isPseudoFolder(childName) ? `${component}:${childName}` : normaliseFolderName(childName);
}

/** Whether a report key names a rule folder (not `ac:setUp` and the like). */
export function isRuleFolderKey(key: string): boolean {
  return !key.includes(':');
}

/** What to run: per component, all its rule folders or the named ones. */
export type Selection = Map<string, 'all' | Set<string>>;

export interface SuiteLayout {
  /** Component names in suite order, each with its rule folders (normalised) in suite order. */
  components: { name: string; ruleFolders: string[] }[];
}

/**
 * Turns `--folders`/`--components` entries (`ac`, `ac-001`, `(ac-001)`) into a selection.
 * No entries selects everything. Unknown names throw, listing what exists.
 */
export function resolveSelection(layout: SuiteLayout, entries: string[]): Selection {
  const selection: Selection = new Map();
  const wanted = entries.map(normaliseFolderName).filter(Boolean);
  if (wanted.length === 0) {
    for (const component of layout.components) selection.set(component.name, 'all');
    return selection;
  }
  const unknown: string[] = [];
  for (const name of wanted) {
    const component = layout.components.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (component) {
      selection.set(component.name, 'all');
      continue;
    }
    const owner = layout.components.find((c) => c.ruleFolders.includes(name));
    if (!owner) {
      unknown.push(name);
      continue;
    }
    const current = selection.get(owner.name);
    if (current === 'all') continue;
    selection.set(owner.name, new Set([...(current ?? []), name]));
  }
  if (unknown.length) {
    const known = layout.components.map((c) => `  ${c.name}: ${c.ruleFolders.join(', ')}`).join('\n');
    throw new Error(`Unknown folder or component: ${unknown.join(', ')}. The suite has:\n${known}`);
  }
  // Keep suite order, whatever order the entries came in.
  return new Map(layout.components.filter((c) => selection.has(c.name)).map((c) => [c.name, selection.get(c.name)!]));
}

/** The rule folders a selection covers, in suite order. */
export function selectedRuleFolders(layout: SuiteLayout, selection: Selection): string[] {
  return layout.components.flatMap((c) => {
    const chosen = selection.get(c.name);
    if (!chosen) return [];
    return chosen === 'all' ? c.ruleFolders : c.ruleFolders.filter((f) => chosen.has(f));
  });
}
