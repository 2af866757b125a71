/**
 * The Begrafenisplanner in the practice environment: the two applications' JWT clients (the
 * gemeente's back office, and the uitvaartonderneming's app with only what it needs), the
 * BRP authorisation of the latter, and fictitious persons in the demo BRP — two deceased
 * persons and their rechthebbenden — so the whole story can be played through.
 *
 * This is demo seeding, not the app: the app itself only calls APIs (src/apps/begrafenisplanner).
 */
import { randomBytes } from 'node:crypto';
import type { OpenGrond } from '../server.ts';
import { provisionClients } from '../components/autorisaties/provision.ts';
import { provisionBrpAutorisaties } from '../components/brp/authorisation.ts';
import { savePersoonslijst } from '../components/brp/store.ts';
import { addVoorkomen, emptyPersoonslijst } from '../components/brp/gba/persoonslijst.ts';
import { findClient } from '../platform/auth/client-secrets.ts';
import { OVERLEDENE_FIELDS, RECHTHEBBENDE_FIELDS } from '../apps/begrafenisplanner/sources/brp.ts';
import type { BegrafenisplannerConnections } from '../apps/begrafenisplanner/index.ts';
import { connectSources } from '../apps/begrafenisplanner/sources/index.ts';
import type { Organisaties } from '../apps/begrafenisplanner/proces.ts';
import { DEMO_RSIN } from './catalogus.ts';
import { GEMEENTE, UITVAART, type PracticeGroup } from '../fsc/practice.ts';

export const GEMEENTE_CLIENT_ID = 'begrafenisplanner-gemeente';
export const UITVAART_CLIENT_ID = 'begrafenisplanner-uitvaart';

export const DEMO_ORGANISATIES: Organisaties = {
  gemeente: { naam: GEMEENTE.name, rsin: DEMO_RSIN },
  uitvaartonderneming: { naam: UITVAART.name, rsin: '001234567' },
};

/** Fictitious persons: [bsn, voornamen, voorvoegsel, geslachtsnaam, geboortedatum, geslacht, overleden (days ago) | undefined, straat, huisnummer, postcode]. */
export const DEMO_PERSONEN: [string, string, string | undefined, string, string, 'M' | 'V', number | undefined, string, string, string][] = [
  ['999993653', 'Johannes Pieter', 'de', 'Vries', '19380412', 'M', 2, 'Molenweg', '14', '1234AB'],
  ['999990627', 'Maria', undefined, 'Bakker', '19410903', 'V', undefined, 'Molenweg', '14', '1234AB'],
  ['999991723', 'Hendrika', 'van den', 'Berg', '19450117', 'V', 3, 'Kerkstraat', '3', '1235CD'],
  ['999995571', 'Pieter', 'van den', 'Berg', '19700228', 'M', undefined, 'Stationsweg', '88', '1235EF'],
];

const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

function persoonslijst([bsn, voornamen, voorvoegsel, geslachtsnaam, geboren, geslacht, overleden, straat, huisnummer, postcode]: (typeof DEMO_PERSONEN)[number]) {
  const pl = emptyPersoonslijst();
  addVoorkomen(pl, '01', { '01.20': bsn, '02.10': voornamen, ...(voorvoegsel ? { '02.30': voorvoegsel } : {}), '02.40': geslachtsnaam, '03.10': geboren, '03.20': '0599', '03.30': '6030', '04.10': geslacht, '61.10': 'E' }, 'stapel');
  addVoorkomen(pl, '08', { '09.10': '0599', '09.20': '19700101', '10.10': 'W', '10.30': '19700101', '11.10': straat, '11.15': straat, '11.20': huisnummer, '11.60': postcode, '11.70': 'Oefenstad' }, 'stapel');
  const inschrijving: Record<string, string> = { '68.10': '19700101' };
  if (overleden !== undefined) {
    const datum = yyyymmdd(new Date(Date.now() - overleden * 86_400_000));
    addVoorkomen(pl, '06', { '08.10': datum, '08.20': '0599', '08.30': '6030' }, 'stapel');
    Object.assign(inschrijving, { '67.10': datum, '67.20': 'O' });
  }
  addVoorkomen(pl, '07', inschrijving, 'stapel');
  return pl;
}

async function secretOf(og: OpenGrond, clientId: string): Promise<string> {
  return (await findClient(og.database.db, clientId))?.secret ?? randomBytes(24).toString('base64url');
}

/**
 * Provisions the clients and BRP authorisation, (re)writes the demo persons, and returns the
 * connections for {@link Begrafenisplanner.connect}: the gemeente straight to `origin`, the
 * uitvaartonderneming through its Outway in the practice group.
 */
export async function seedBegrafenisplanner(og: OpenGrond, options: { origin: string; group: PracticeGroup }): Promise<BegrafenisplannerConnections> {
  const gemeente = { clientId: GEMEENTE_CLIENT_ID, secret: await secretOf(og, GEMEENTE_CLIENT_ID) };
  const uitvaart = { clientId: UITVAART_CLIENT_ID, secret: await secretOf(og, UITVAART_CLIENT_ID) };
  const zaakvertrouwelijk = 'zaakvertrouwelijk' as const;
  // To read the catalogus (and name its types in the rights below), the gemeente's client starts with catalogi.lezen.
  await provisionClients(og.database, [{ ...gemeente, label: 'Begrafenisplanner (gemeente, team Begraafplaatsen)', heeftAlleAutorisaties: false, autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] }]);
  og.authenticator.invalidate();
  // The rights name the zaaktype and informatieobjecttypen, as the Catalogi API has them.
  const begraven = await connectSources({ origin: options.origin, credentials: gemeente }).catalogi.begraven();
  const iots = (names?: string[]) => begraven.informatieobjecttypen.filter((t) => !names || names.includes(t.omschrijving)).map((t) => t.url);
  const documenten = (scopes: string[], urls: string[]) => urls.map((informatieobjecttype) => ({ component: 'drc' as const, scopes, informatieobjecttype, maxVertrouwelijkheidaanduiding: zaakvertrouwelijk }));
  await provisionClients(og.database, [
    {
      ...gemeente,
      label: 'Begrafenisplanner (gemeente, team Begraafplaatsen)',
      heeftAlleAutorisaties: false,
      autorisaties: [
        { component: 'zrc', scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.statussen.toevoegen'], zaaktype: begraven.zaaktype.url, maxVertrouwelijkheidaanduiding: zaakvertrouwelijk },
        ...documenten(['documenten.aanmaken', 'documenten.lezen'], iots()),
        { component: 'ztc', scopes: ['catalogi.lezen'] },
        { component: 'ac', scopes: ['begraafplaatsen.beheren'] },
      ],
    },
    {
      ...uitvaart,
      label: `Begrafenisplanner (${UITVAART.name})`,
      heeftAlleAutorisaties: false,
      autorisaties: [
        // zaken.aanmaken sets only the first status: the uitvaartonderneming can not plan its own burial.
        { component: 'zrc', scopes: ['zaken.aanmaken', 'zaken.lezen', 'zaken.bijwerken'], zaaktype: begraven.zaaktype.url, maxVertrouwelijkheidaanduiding: zaakvertrouwelijk },
        ...documenten(['documenten.aanmaken', 'documenten.lezen'], iots(['Verlof tot begraven', 'Bijlage begrafenis', 'Bevestiging begrafenis'])),
        { component: 'ztc', scopes: ['catalogi.lezen'] },
        { component: 'nrc', scopes: ['notificaties.consumeren'] },
        // Reserve, not confirm (begraafplaatsen.beheren).
        { component: 'ac', scopes: ['begraafplaatsen.reserveren'] },
      ],
    },
  ]);
  og.authenticator.invalidate();
  const brpFields = [...new Set([...OVERLEDENE_FIELDS, ...RECHTHEBBENDE_FIELDS])];
  await provisionBrpAutorisaties(
    og.database.db,
    [GEMEENTE_CLIENT_ID, UITVAART_CLIENT_ID].map((clientId) => ({ clientId, queryTypes: ['RaadpleegMetBurgerservicenummer'], fields: brpFields })),
  );
  for (const persoon of DEMO_PERSONEN) await savePersoonslijst(og.database.db, persoonslijst(persoon));
  return {
    organisaties: DEMO_ORGANISATIES,
    gemeente: { origin: options.origin, credentials: { ...gemeente, userId: 'medewerker-begraafplaatsen', userRepresentation: 'Medewerker Begraafplaatsen' } },
    uitvaartonderneming: {
      origin: options.origin,
      credentials: { ...uitvaart, userId: 'uitvaartverzorger', userRepresentation: `Uitvaartverzorger, ${UITVAART.name}` },
      outway: { address: options.group.uitvaart.outwayAddress, grants: options.group.grantHashes },
    },
    callbackUrl: `${options.origin}/begrafenisplanner/notificaties`,
  };
}
