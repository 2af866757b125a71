/**
 * What the Catalogi tests share: a writer without geforceerd scopes, a client with them (the
 * test server's admin has all rights), and a minimal valid zaaktype body.
 */
import type { ClientSpec } from '../../../src/components/autorisaties/provision.ts';

export const ROOT = '/catalogi/api/v1';
export const WRITER = { clientId: 'ztc-writer', secret: 'ztc-writer-secret-0123456789' };
export const FORCER = { clientId: 'ztc-forcer', secret: 'ztc-forcer-secret-0123456789' };

/** `extraClients` for `startTestServer`: WRITER and FORCER. */
export const CATALOGI_CLIENTS: ClientSpec[] = [
  { ...WRITER, autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen', 'catalogi.schrijven'] }] },
  { ...FORCER, autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen', 'catalogi.schrijven', 'catalogi.geforceerd-schrijven', 'catalogi.geforceerd-verwijderen'] }] },
];

/** A zaaktype with only what is required (and no Selectielijst procestype), valid from 2020. */
export const zaaktypeBody = (catalogus: string, identificatie: string, extra: Record<string, unknown> = {}) => ({
  identificatie,
  omschrijving: 'Zaaktype',
  vertrouwelijkheidaanduiding: 'openbaar',
  doel: 'doel',
  aanleiding: 'aanleiding',
  indicatieInternOfExtern: 'extern',
  handelingInitiator: 'indienen',
  onderwerp: 'onderwerp',
  handelingBehandelaar: 'behandelen',
  doorlooptijd: 'P10D',
  opschortingEnAanhoudingMogelijk: false,
  verlengingMogelijk: false,
  publicatieIndicatie: false,
  productenOfDiensten: [],
  referentieproces: { naam: 'proces' },
  catalogus,
  besluittypen: [],
  gerelateerdeZaaktypen: [],
  beginGeldigheid: '2020-01-01',
  ...extra,
});
