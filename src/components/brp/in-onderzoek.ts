/**
 * "In onderzoek" (LO GBA 83.10 aanduiding gegevens in onderzoek, 83.20 datum ingang
 * onderzoek): the aanduiding names a whole category (CC0000), a group (CCGG00) or one element
 * (CCGGEE). A field of the API is in onderzoek when the aanduiding covers an element it is
 * derived from; the resource's `inOnderzoek` then has `<field>: true` and the
 * datumIngangOnderzoek. Which flags a client gets is decided by the fields it asked (fields.ts).
 */
import type { Voorkomen } from './gba/persoonslijst.ts';
import { datum } from './persoon.ts';

type Json = Record<string, unknown>;

/** Field name → the elements ("GG.EE") it is derived from. */
export type Bronnen = Record<string, readonly string[]>;

/** 089999: "vastgesteld verblijft niet op adres", which puts the whole category in onderzoek. */
export function vastgesteldVerblijftNietOpAdres(v: Voorkomen): boolean {
  return /^\d{2}9999$/.test(v['83.10'] ?? '');
}

function raakt(aanduiding: string, categorie: string, element: string): boolean {
  if (!aanduiding.startsWith(categorie)) return false;
  const [groep, nummer] = element.split('.');
  const rest = aanduiding.slice(2);
  return rest === '0000' || rest === '9999' || rest === `${groep}00` || rest === `${groep}${nummer}`;
}

/** The inOnderzoek object of a resource from its voorkomen, or undefined when none of its fields is in onderzoek. */
export function inOnderzoek(v: Voorkomen | undefined, categorie: string, bronnen: Bronnen): Json | undefined {
  const aanduiding = v?.['83.10'];
  if (!aanduiding) return undefined;
  const out: Json = {};
  for (const [veld, elementen] of Object.entries(bronnen)) if (elementen.some((e) => raakt(aanduiding, categorie, e))) out[veld] = true;
  if (Object.keys(out).length === 0) return undefined;
  return { ...out, datumIngangOnderzoek: datum(v['83.20']) };
}
