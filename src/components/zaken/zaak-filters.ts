/**
 * The filters and orderings of `zaak_list` (query string) and `zaak__zoek` (body), as one
 * model: each filter is a condition on the zaak table (aliased `zaak`), or on its rollen
 * through EXISTS. Dates are checked here (the standard types them as plain strings).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { vertrouwelijkheidRank } from '../../platform/auth/authorization.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';
import { Enum, Type, VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { storedUrl } from './urls.ts';

type Eb = ExpressionBuilder<any, any>;

export const ORDERINGS = ['startdatum', 'einddatum', 'publicatiedatum', 'archiefactiedatum', 'registratiedatum', 'identificatie'] as const;
export const ORDERING_VALUES = ORDERINGS.flatMap((o) => [o, `-${o}`]);

const COLUMN: Record<string, string> = {
  identificatie: 'identificatie',
  bronorganisatie: 'bronorganisatie',
  archiefnominatie: 'archiefnominatie',
  archiefstatus: 'archiefstatus',
  archiefactiedatum: 'archiefactiedatum',
  startdatum: 'startdatum',
  registratiedatum: 'registratiedatum',
  einddatum: 'einddatum',
  einddatumGepland: 'einddatum_gepland',
  uiterlijkeEinddatumAfdoening: 'uiterlijke_einddatum_afdoening',
  publicatiedatum: 'publicatiedatum',
};

const DATE_FIELDS = new Set(['archiefactiedatum', 'startdatum', 'registratiedatum', 'einddatum', 'einddatumGepland', 'uiterlijkeEinddatumAfdoening']);
const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** Per rol filter: the betrokkeneType it concerns and the key in betrokkene_identificatie. */
const ROL_IDENTIFICATIE: Record<string, [string, string]> = {
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: ['natuurlijk_persoon', 'inpBsn'],
  rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: ['natuurlijk_persoon', 'anpIdentificatie'],
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: ['natuurlijk_persoon', 'inpA_nummer'],
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: ['niet_natuurlijk_persoon', 'innNnpId'],
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: ['niet_natuurlijk_persoon', 'annIdentificatie'],
  rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: ['vestiging', 'vestigingsNummer'],
  rol__betrokkeneIdentificatie__medewerker__identificatie: ['medewerker', 'identificatie'],
  rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: ['organisatorische_eenheid', 'identificatie'],
};

const text = (description: string, options: Record<string, unknown> = {}) => Type.Optional(Type.String({ description, ...options }));
const list = (description = 'Multiple values may be separated by commas.') => Type.Optional(Type.Array(Type.String(), { description }));
const bool = (description: string) => Type.Optional(Type.Boolean({ description }));
const ARCHIEFNOMINATIE = ['blijvend_bewaren', 'vernietigen'];
const ARCHIEFSTATUS = ['nog_te_archiveren', 'gearchiveerd', 'gearchiveerd_procestermijn_onbekend', 'overgedragen'];
const BETROKKENE_TYPE = ['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging', 'organisatorische_eenheid', 'medewerker'];
const OMSCHRIJVING_GENERIEK = ['adviseur', 'behandelaar', 'belanghebbende', 'beslisser', 'initiator', 'klantcontacter', 'zaakcoordinator', 'mede_initiator'];

/** The query parameters of zaak_list, in the standard's order. */
export const ZAAK_LIST_FILTERS = {
  identificatie: text('De unieke identificatie van de ZAAK binnen de organisatie die verantwoordelijk is voor de behandeling van de ZAAK.'),
  bronorganisatie: text('Het RSIN van de Niet-natuurlijk persoon zijnde de organisatie die de zaak heeft gecreeerd.'),
  bronorganisatie__in: list(),
  zaaktype: text('URL-referentie naar het ZAAKTYPE (in de Catalogi API) in de CATALOGUS waar deze voorkomt', { format: 'uri' }),
  archiefnominatie: Type.Optional(Enum(ARCHIEFNOMINATIE, { description: 'Aanduiding of het zaakdossier blijvend bewaard of na een bepaalde termijn vernietigd moet worden.' })),
  archiefnominatie__in: list(),
  archiefactiedatum: text('De datum waarop het gearchiveerde zaakdossier vernietigd moet worden dan wel overgebracht moet worden naar een archiefbewaarplaats.'),
  archiefactiedatum__isnull: bool('De archiefactiedatum is leeg.'),
  archiefactiedatum__lt: text('De archiefactiedatum is kleiner dan de opgegeven datum.'),
  archiefactiedatum__gt: text('De archiefactiedatum is groter dan de opgegeven datum.'),
  archiefstatus: Type.Optional(Enum(ARCHIEFSTATUS, { description: 'Aanduiding of het zaakdossier blijvend bewaard of na een bepaalde termijn vernietigd moet worden.' })),
  archiefstatus__in: list(),
  startdatum: text('De datum waarop met de uitvoering van de zaak is gestart'),
  startdatum__gt: text('De startdatum is groter dan de opgegeven datum.'),
  startdatum__gte: text('De startdatum is groter dan of gelijk dan de opgegeven datum.'),
  startdatum__lt: text('De startdatum is kleiner dan de opgegeven datum.'),
  startdatum__lte: text('De startdatum is kleiner of gelijk dan de opgegeven datum.'),
  registratiedatum: text('De datum waarop de zaakbehandelende organisatie de ZAAK heeft geregistreerd.'),
  registratiedatum__gt: text('De registratiedatum is groter dan de opgegeven datum.'),
  registratiedatum__lt: text('De registratiedatum is kleiner dan de opgegeven datum.'),
  einddatum: text('De datum waarop de uitvoering van de zaak afgerond is.'),
  einddatum__isnull: bool('De einddatum is leeg.'),
  einddatum__gt: text('De einddatum is groter dan de opgegeven datum.'),
  einddatum__lt: text('De einddatum is kleiner dan de opgegeven datum.'),
  einddatumGepland: text('De datum waarop volgens de planning verwacht wordt dat de zaak afgerond wordt.'),
  einddatumGepland__gt: text('De geplande einddatum is groter dan de opgegeven datum.'),
  einddatumGepland__lt: text('De geplande einddatum is kleiner dan de opgegeven datum.'),
  uiterlijkeEinddatumAfdoening: text('De laatste datum waarop volgens wet- en regelgeving de zaak afgerond dient te zijn.'),
  uiterlijkeEinddatumAfdoening__gt: text('De uiterlijke einddatumafdoening is groter dan de opgegeven datum.'),
  uiterlijkeEinddatumAfdoening__lt: text('De uiterlijke einddatumafdoening is kleiner dan de opgegeven datum.'),
  rol__betrokkeneType: Type.Optional(Enum(BETROKKENE_TYPE, { description: 'Type van de `betrokkene`.' })),
  rol__betrokkene: text('URL-referentie naar een betrokkene gerelateerd aan de ZAAK.', { format: 'uri' }),
  rol__omschrijvingGeneriek: Type.Optional(Enum(OMSCHRIJVING_GENERIEK, { description: 'Algemeen gehanteerde benaming van de aard van de ROL, afgeleid uit het ROLTYPE.' })),
  maximaleVertrouwelijkheidaanduiding: Type.Optional(
    Enum(VERTROUWELIJKHEIDAANDUIDINGEN, { description: 'Zaken met een vertrouwelijkheidaanduiding die beperkter is dan de aangegeven aanduiding worden uit de resultaten gefiltered.' }),
  ),
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: text('Het burgerservicenummer, bedoeld in artikel 1.1 van de Wet algemene bepalingen burgerservicenummer.', { maxLength: 9 }),
  rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: text('Het door de gemeente uitgegeven unieke nummer voor een ANDER NATUURLIJK PERSOON', { maxLength: 17 }),
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: text('Het administratienummer van de persoon, bedoeld in de Wet BRP', { maxLength: 10 }),
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: text('Het door een kamer toegekend uniek nummer voor de INGESCHREVEN NIET-NATUURLIJK PERSOON'),
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: text('Het door de gemeente uitgegeven unieke nummer voor een ANDER NIET-NATUURLIJK PERSOON', { maxLength: 17 }),
  rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: text('Een korte unieke aanduiding van de Vestiging.', { maxLength: 24 }),
  rol__betrokkeneIdentificatie__medewerker__identificatie: text('Een korte unieke aanduiding van de MEDEWERKER.', { maxLength: 24 }),
  rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: text('Een korte identificatie van de organisatorische eenheid.'),
};

/** The filters as given: list or _zoek parameters by name (lists as arrays). */
export type ZaakFilterValues = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 400 `invalid` for a date filter that is no date. */
export function checkFilterValues(values: ZaakFilterValues): InvalidParam[] {
  const errors: InvalidParam[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = name.split('__')[0]!;
    const op = name.split('__')[1];
    if (DATE_FIELDS.has(field) && op !== 'isnull' && value !== undefined && !(typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
      errors.push({ name, code: 'invalid', reason: 'Voer een geldige datum in (YYYY-MM-DD).' });
    }
  }
  return errors;
}

/** The conditions the filter values set, on `zaak` (an alias of zaken.zaak); all must hold. */
export function zaakFilterConditions(eb: Eb, values: ZaakFilterValues, apiRoot: string): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const col = (field: string) => `zaak.${COLUMN[field]}`;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (name === 'zaaktype') conditions.push(eb('zaak.zaaktype', '=', storedUrl(value as string, apiRoot)));
    else if (name === 'zaaktype__in') conditions.push(inList(eb, 'zaak.zaaktype', (value as string[]).map((u) => storedUrl(u, apiRoot))));
    else if (name === 'uuid__in') conditions.push(inList(eb, 'zaak.uuid', (value as string[]).map((u) => u.toLowerCase())));
    else if (name === 'maximaleVertrouwelijkheidaanduiding') conditions.push(eb('zaak.vertrouwelijkheid_rank', '<=', vertrouwelijkheidRank(value as Vertrouwelijkheidaanduiding)));
    else if (name === 'rol__betrokkeneType') conditions.push(rolExists(eb, (r) => r('rol.betrokkene_type', '=', value as string)));
    else if (name === 'rol__betrokkene') conditions.push(rolExists(eb, (r) => r('rol.betrokkene', '=', storedUrl(value as string, apiRoot))));
    else if (name === 'rol__omschrijvingGeneriek') conditions.push(rolExists(eb, (r) => r('rol.omschrijving_generiek', '=', value as string)));
    else if (name in ROL_IDENTIFICATIE) {
      const [type, key] = ROL_IDENTIFICATIE[name]!;
      conditions.push(rolExists(eb, (r) => r.and([r('rol.betrokkene_type', '=', type), r(sql`rol.betrokkene_identificatie ->> ${key}`, '=', value as string)])));
    } else {
      const [field, op] = name.split('__') as [string, string | undefined];
      if (!(field in COLUMN)) continue;
      if (op === undefined) conditions.push(eb(col(field), '=', value as string));
      else if (op === 'in') conditions.push(inList(eb, col(field), value as string[]));
      else if (op === 'isnull') conditions.push(value ? eb(col(field), 'is', null) : eb(col(field), 'is not', null));
      else if (op in OPERATORS) conditions.push(eb(col(field), OPERATORS[op as keyof typeof OPERATORS], value as string));
    }
  }
  return conditions;
}

function inList(eb: Eb, column: string, values: string[]): Expression<SqlBool> {
  return values.length ? eb(column, 'in', values) : eb.lit(false);
}

function rolExists(eb: Eb, condition: (r: Eb) => Expression<SqlBool>): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('zaken.rol as rol').select(eb.lit(1).as('one')).whereRef('rol.zaak_id', '=', 'zaak.id').where((r: Eb) => condition(r)));
}

/** ORDER BY for `ordering` values (`-startdatum`), with id as the final tie-breaker; default: id. */
export function orderingOf(values: string[]): { column: string; direction: 'asc' | 'desc' }[] {
  const order = values.map((v) => ({ column: `zaak.${COLUMN[v.replace(/^-/, '')]}`, direction: v.startsWith('-') ? ('desc' as const) : ('asc' as const) }));
  return [...order, { column: 'zaak.id', direction: order.at(-1)?.direction ?? 'asc' }];
}
