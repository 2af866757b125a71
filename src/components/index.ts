import type { Component } from './component.ts';
import { autorisaties } from './autorisaties/index.ts';
import { begraafplaatsen } from './begraafplaatsen/index.ts';
import { besluiten } from './besluiten/index.ts';
import { brp } from './brp/index.ts';
import { catalogi } from './catalogi/index.ts';
import { documenten } from './documenten/index.ts';
import { notificaties } from './notificaties/index.ts';
import { referentielijsten } from './referentielijsten/index.ts';
import { zaken } from './zaken/index.ts';

/** Every component, in the order their migrations run. */
export const COMPONENTS: Component[] = [autorisaties, catalogi, documenten, zaken, besluiten, notificaties, referentielijsten, brp, begraafplaatsen];

export function selectComponents(names: string[] | undefined): Component[] {
  if (!names || names.length === 0) return COMPONENTS;
  const unknown = names.filter((n) => !COMPONENTS.some((c) => c.name === n));
  if (unknown.length) throw new Error(`Onbekende component(en): ${unknown.join(', ')}. Beschikbaar: ${COMPONENTS.map((c) => c.name).join(', ')}.`);
  return COMPONENTS.filter((c) => names.includes(c.name));
}
