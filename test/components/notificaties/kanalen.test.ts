/**
 * The kanalen registered at start are those the standards of our components describe
 * ("### Notificaties" in each API's description), with exactly their kenmerken, and the kanaal
 * of our own Begraafplaatsen API, described the same way.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadOpenApi } from '../../../src/platform/openapi/compare.ts';
import { STANDARD_KANALEN } from '../../../src/components/notificaties/kanalen.ts';
import { SHARED } from '../../helpers/openapi.ts';
import { begraafplaatsen } from '../../../src/components/begraafplaatsen/index.ts';
import type { ComponentContext } from '../../../src/components/component.ts';

const STANDARDS = ['autorisaties-1.0.0.yaml', 'catalogi-1.3.3.yaml', 'zaken-1.5.2.yaml', 'documenten-1.5.0.yaml', 'besluiten-1.1.0.yaml'];

/** Per kanaal the kenmerken its standard lists: "op het kanaal `x`" … "**Kenmerken**" then "* `name`: …". */
function kanalenOf(description: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const part of description.split('Deze API publiceert notificaties op het kanaal ').slice(1)) {
    const naam = /^`([^`]+)`/.exec(part)![1]!;
    const kenmerken = part.split('**Kenmerken**')[1]!.split('**Resources en acties**')[0]!;
    result[naam] = [...kenmerken.matchAll(/^\* `([^`]+)`/gm)].map((m) => m[1]!);
  }
  return result;
}

it('registers the kanalen of our standards with the kenmerken they list', () => {
  const standard: Record<string, string[]> = {};
  for (const file of STANDARDS) {
    const document = loadOpenApi(path.join(SHARED, 'standards/zgw', file)) as { info: { description: string } };
    Object.assign(standard, kanalenOf(document.info.description));
  }
  // Our own API (no standard) describes its kanaal the same way.
  Object.assign(standard, kanalenOf(begraafplaatsen.api({ database: {} } as ComponentContext).description));
  assert.deepEqual(Object.fromEntries(STANDARD_KANALEN.map((k) => [k.naam, k.filters])), standard);
});
