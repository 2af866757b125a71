/**
 * The process of the Begrafenisplanner (Common Ground layer 2): what submitting, confirming,
 * rescheduling and rejecting a burial means in calls to the sources. Only API calls — never a
 * table of a component.
 */
import { byName, type Begraven, type Statustype } from './sources/catalogi.ts';
import { volledigeNaam, OVERLEDENE_FIELDS, RECHTHEBBENDE_FIELDS } from './sources/brp.ts';
import type { Sources } from './sources/index.ts';
import type { Aanvraag, AanvraagStore } from './store.ts';
import { bevestigingPdf } from './pdf.ts';
import type { UploadedFile } from './multipart.ts';

export interface Organisatie {
  naam: string;
  /** RSIN: the gemeente is bronorganisatie and verantwoordelijke of the zaak; the uitvaartonderneming's is its innNnpId. */
  rsin: string;
}

export interface Organisaties {
  gemeente: Organisatie;
  uitvaartonderneming: Organisatie & { vestigingsnummer?: string };
}

/** The statustypen the app sets, by the names the catalogus may give them (first found wins). */
export const STATUS = {
  aangevraagd: ['Aangevraagd', 'Aanvraag ontvangen'],
  bevestigd: ['Ingepland', 'Bevestigd', 'Begrafenis gepland'],
  verplaatst: ['Verplaatst', 'In behandeling'],
  afgewezen: ['Afgewezen', 'Geweigerd'],
};
const RESULTAAT_AFGEWEZEN = ['Afgewezen', 'Geweigerd'];

/** The extra products and services a funeral director can ask for. */
export const PRODUCTEN: { code: string; naam: string; omschrijving: string }[] = [
  { code: 'aula', naam: 'Gebruik van de aula', omschrijving: 'Een uur in de aula van de begraafplaats voor de afscheidsdienst.' },
  { code: 'koffiekamer', naam: 'Koffiekamer', omschrijving: 'Koffie en thee voor de gasten na de begrafenis.' },
  { code: 'dragers', naam: 'Dragers van de gemeente', omschrijving: 'Vier dragers van de begraafplaats.' },
  { code: 'muziek', naam: 'Geluidsinstallatie', omschrijving: 'Muziek afspelen in de aula en bij het graf.' },
  { code: 'grafmonument', naam: 'Vergunning grafmonument', omschrijving: 'Later een grafmonument plaatsen.' },
];

export class ProcesError extends Error {}

/**
 * The documents the funeral director adds to a request, per soort: the informatieobjecttype (by
 * omschrijving in the catalogus) and the titel of the link to the zaak. Each file is made in
 * the Documenten API at upload, kept by URL in the draft, and linked to the zaak at submit.
 */
export const DOCUMENTSOORTEN = {
  verlof: { informatieobjecttype: 'Verlof tot begraven', titel: 'Verlof tot begraven' },
  bijlage: { informatieobjecttype: 'Bijlage begrafenis', titel: 'Bijlage begrafenis' },
} as const;
export type Documentsoort = keyof typeof DOCUMENTSOORTEN;

/** What an uploaded document may be: a PDF or a photo, at most 10 MB each, at most 10 bijlagen. */
export const UPLOAD = { formaten: ['application/pdf', 'image/png', 'image/jpeg'], maxBytes: 10 * 1024 * 1024, maxBijlagen: 10 };

/** Why an uploaded file cannot be taken, in Dutch; undefined when it can. */
export function uploadFout(file: UploadedFile): string | undefined {
  if (file.data.length === 0) return `Het bestand ${file.filename} is leeg.`;
  if (!UPLOAD.formaten.includes(file.contentType)) return `Het bestand ${file.filename} is geen PDF, PNG of JPEG. Kies een PDF of een foto.`;
  if (file.data.length > UPLOAD.maxBytes) return `Het bestand ${file.filename} is te groot: hoogstens ${UPLOAD.maxBytes / 1024 / 1024} MB per bestand.`;
  return undefined;
}

/** The documents of a request still to be linked to its zaak, with the soort of each. */
export function documentenVan(a: Aanvraag): { url: string; soort: Documentsoort }[] {
  return [...(a.verlof ? [{ url: a.verlof, soort: 'verlof' as const }] : []), ...a.bijlagen.map((url) => ({ url, soort: 'bijlage' as const }))];
}

/** Makes one uploaded file an enkelvoudiginformatieobject of its soort in the Documenten API, by the uitvaartonderneming; returns its URL. */
export async function maakDocument(sources: Sources, organisaties: Organisaties, soort: Documentsoort, file: UploadedFile): Promise<string> {
  const begraven = await sources.catalogi.begraven();
  const type = DOCUMENTSOORTEN[soort].informatieobjecttype;
  const document = await sources.documenten.maak({
    bronorganisatie: organisaties.uitvaartonderneming.rsin,
    informatieobjecttype: byName(begraven.informatieobjecttypen, [type], `informatieobjecttype ${type}`).url,
    titel: (soort === 'verlof' ? DOCUMENTSOORTEN.verlof.titel : `Bijlage: ${file.filename}`).slice(0, 200),
    auteur: organisaties.uitvaartonderneming.naam,
    bestandsnaam: file.filename.slice(0, 200),
    formaat: file.contentType,
    inhoud: file.data,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
  });
  return document.url;
}

function statustype(begraven: Begraven, names: string[]): Statustype {
  return byName(begraven.statustypen, names, 'een statustype');
}

/** What is still missing before a request can be submitted, as Dutch sentences per step. */
export function ontbreekt(a: Aanvraag): string[] {
  const missing: string[] = [];
  if (!a.begraafplaats || !a.grafsoort || !a.grafplaats) missing.push('Kies een begraafplaats, een grafsoort en een graf.');
  if (!a.reservering) missing.push('Kies een datum en tijdslot.');
  if (!a.bsnOverledene) missing.push('Vul de overledene in.');
  if (!a.bsnRechthebbende) missing.push('Vul de rechthebbende in.');
  if (!a.verlof) missing.push('Voeg het verlof tot begraven toe.');
  return missing;
}

/**
 * Submits the request: the zaak of zaaktype Begraven with its rollen, the zaakobject for the
 * grafplaats, the verlof tot begraven and the bijlagen, the first status, and the reservation `aangevraagd`
 * with the zaak. The zaak URL is kept as soon as it exists, so a submit that failed half-way
 * continues where it stopped instead of making a second zaak.
 */
export async function dienIn(sources: Sources, store: AanvraagStore, organisaties: Organisaties, aanvraag: Aanvraag): Promise<Aanvraag> {
  if (ontbreekt(aanvraag).length) throw new ProcesError(ontbreekt(aanvraag).join(' '));
  const reservering = await sources.begraafplaatsen.reservering(aanvraag.reservering!);
  if (reservering.status === 'geannuleerd' || reservering.status === 'verlopen' || (reservering.status === 'voorlopig' && reservering.verlooptOp && new Date(reservering.verlooptOp) < new Date())) {
    throw new ProcesError('Uw reservering van het tijdslot is verlopen. Kies opnieuw een datum en tijdslot.');
  }
  const begraven = await sources.catalogi.begraven();
  const { gemeente, uitvaartonderneming } = organisaties;
  const start = new Date(reservering.start);

  let zaakUrl = aanvraag.zaak;
  if (!zaakUrl) {
    const begraafplaats = await sources.begraafplaatsen.begraafplaats(aanvraag.begraafplaats!);
    const zaak = await sources.zaken.maakZaak({
      bronorganisatie: gemeente.rsin,
      verantwoordelijkeOrganisatie: gemeente.rsin,
      zaaktype: begraven.zaaktype.url,
      startdatum: new Date().toISOString().slice(0, 10),
      omschrijving: `Begrafenis ${begraafplaats.naam}`.slice(0, 80),
      toelichting: aanvraag.producten.length ? `Extra producten en diensten: ${aanvraag.producten.map((c) => PRODUCTEN.find((p) => p.code === c)?.naam ?? c).join(', ')}.` : 'Geen extra producten of diensten.',
      uiterlijkeEinddatumAfdoening: start.toISOString().slice(0, 10),
    });
    zaakUrl = zaak.url;
    aanvraag = await store.update(aanvraag.uuid, { zaak: zaakUrl });
  }
  const zaak = zaakUrl!;

  const rollen = await sources.zaken.rollen(zaak);
  const roltype = (name: string) => byName(begraven.roltypen, [name], `roltype ${name}`).url;
  const hasRol = (url: string) => rollen.some((r) => r.roltype === url);
  if (!hasRol(roltype('Uitvaartondernemer'))) {
    await sources.zaken.maakRol({
      zaak,
      roltype: roltype('Uitvaartondernemer'),
      roltoelichting: 'Uitvaartonderneming die de begrafenis aanvraagt',
      betrokkeneType: 'niet_natuurlijk_persoon',
      betrokkeneIdentificatie: { innNnpId: uitvaartonderneming.rsin, statutaireNaam: uitvaartonderneming.naam },
    });
  }
  for (const [name, bsn] of [['Overledene', aanvraag.bsnOverledene!], ['Rechthebbende', aanvraag.bsnRechthebbende!]] as const) {
    if (hasRol(roltype(name))) continue;
    await sources.zaken.maakRol({ zaak, roltype: roltype(name), roltoelichting: name, betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: bsn } });
  }
  if (!(await sources.zaken.zaakobjecten(zaak)).some((o) => o.object === aanvraag.grafplaats)) {
    const zaakobjecttype = begraven.zaakobjecttypen.find((t) => /grafplaats|graf/i.test(`${t.relatieOmschrijving} ${t.objecttype}`));
    await sources.zaken.maakZaakobject({
      zaak,
      object: aanvraag.grafplaats,
      objectType: 'overige',
      objectTypeOverige: 'grafplaats',
      relatieomschrijving: 'Grafplaats van de begrafenis',
      ...(zaakobjecttype ? { zaakobjecttype: zaakobjecttype.url } : {}),
    });
  }
  // Each document once: on a resumed submit the ones already linked are skipped.
  const gekoppeld = new Set((await sources.zaken.documenten(zaak)).map((d) => d.informatieobject));
  for (const { url, soort } of documentenVan(aanvraag)) {
    if (!gekoppeld.has(url)) await sources.zaken.koppelDocument(zaak, url, DOCUMENTSOORTEN[soort].titel);
  }
  if (reservering.status === 'voorlopig') {
    try {
      await sources.begraafplaatsen.wijzig(reservering.url, { status: 'aangevraagd', zaak });
    } catch (error) {
      if ((error as { problem?: { code?: string } }).problem?.code === 'reservering-verlopen') throw new ProcesError('Uw reservering van het tijdslot is net verlopen. Kies opnieuw een datum en tijdslot en dien dan opnieuw in.');
      throw error;
    }
  }
  const zaakNu = await sources.zaken.zaak(zaak);
  if (!zaakNu.status) await sources.zaken.zetStatus({ zaak, statustype: statustype(begraven, STATUS.aangevraagd).url, statustoelichting: 'Aanvraag ingediend via de Begrafenisplanner' });
  return store.update(aanvraag.uuid, { ingediend: new Date(), status: aanvraag.status ?? statustype(begraven, STATUS.aangevraagd).omschrijving });
}

/** The reservation of a zaak (the one that is not cancelled). */
export async function reserveringVan(sources: Sources, zaak: string) {
  const all = await sources.begraafplaatsen.reserveringen({ zaak });
  return all.find((r) => r.status !== 'geannuleerd') ?? all[0];
}

/** The gemeente confirms: reservation bevestigd, status "ingepland", and the confirmation PDF in Documenten, linked to the zaak. */
export async function bevestig(sources: Sources, organisaties: Organisaties, zaakUrl: string): Promise<void> {
  const begraven = await sources.catalogi.begraven();
  const zaak = await sources.zaken.zaak(zaakUrl);
  const reservering = await reserveringVan(sources, zaakUrl);
  if (!reservering) throw new ProcesError('Bij deze zaak hoort geen reservering van een tijdslot.');
  if (reservering.status !== 'bevestigd') await sources.begraafplaatsen.wijzig(reservering.url, { status: 'bevestigd' });
  const status = statustype(begraven, STATUS.bevestigd);
  await sources.zaken.zetStatus({ zaak: zaakUrl, statustype: status.url, statustoelichting: 'De begrafenis is ingepland en bevestigd.' });

  const rollen = await sources.zaken.rollen(zaakUrl);
  const bsn = (name: string) => rollen.find((r) => r.roltype === byName(begraven.roltypen, [name], `roltype ${name}`).url)?.betrokkeneIdentificatie?.inpBsn as string | undefined;
  const [overledene, rechthebbende] = await Promise.all([
    bsn('Overledene') ? sources.brp.persoon(bsn('Overledene')!, OVERLEDENE_FIELDS) : undefined,
    bsn('Rechthebbende') ? sources.brp.persoon(bsn('Rechthebbende')!, RECHTHEBBENDE_FIELDS) : undefined,
  ]);
  const uitvaart = rollen.find((r) => r.betrokkeneType === 'niet_natuurlijk_persoon')?.betrokkeneIdentificatie?.statutaireNaam ?? 'de uitvaartonderneming';
  const begraafplaats = await sources.begraafplaatsen.begraafplaats(reservering.begraafplaats);
  const graf = reservering.grafplaats ? await grafOmschrijving(sources, reservering.grafplaats) : 'nog niet bepaald';
  const pdf = await bevestigingPdf({
    gemeente: organisaties.gemeente.naam,
    zaakIdentificatie: zaak.identificatie,
    overledene: volledigeNaam(overledene),
    rechthebbende: volledigeNaam(rechthebbende),
    uitvaartonderneming: uitvaart,
    begraafplaats: begraafplaats.naam,
    adres: begraafplaats.adres,
    graf,
    start: new Date(reservering.start),
  });
  const document = await sources.documenten.maak({
    bronorganisatie: organisaties.gemeente.rsin,
    informatieobjecttype: byName(begraven.informatieobjecttypen, ['Bevestiging begrafenis'], 'informatieobjecttype Bevestiging begrafenis').url,
    titel: `Bevestiging begrafenis ${zaak.identificatie}`,
    auteur: organisaties.gemeente.naam,
    bestandsnaam: `bevestiging-${zaak.identificatie}.pdf`,
    formaat: 'application/pdf',
    inhoud: pdf,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
  });
  await sources.zaken.koppelDocument(zaakUrl, document.url, 'Bevestiging begrafenis');
}

/** "Vak B, graf 12, plaats 1". */
export async function grafOmschrijving(sources: Sources, grafplaatsUrl: string): Promise<string> {
  const grafplaats = await sources.begraafplaatsen.grafplaats(grafplaatsUrl);
  const graf = await sources.begraafplaatsen.graf(grafplaats.graf);
  return `vak ${graf.vak}, graf ${graf.nummer}, plaats ${grafplaats.volgnummer}`;
}

/** The gemeente moves the burial to another slot: the reservation's start, and a status saying so. */
export async function verplaats(sources: Sources, zaakUrl: string, start: string): Promise<void> {
  const begraven = await sources.catalogi.begraven();
  const reservering = await reserveringVan(sources, zaakUrl);
  if (!reservering) throw new ProcesError('Bij deze zaak hoort geen reservering van een tijdslot.');
  await sources.begraafplaatsen.wijzig(reservering.url, { start });
  const wanneer = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(start));
  await sources.zaken.zetStatus({ zaak: zaakUrl, statustype: statustype(begraven, STATUS.verplaatst).url, statustoelichting: `Verplaatst naar ${wanneer}.` });
}

/** The gemeente rejects with a reason: the reservation is cancelled (slot and grave free again), the zaak gets the rejecting status (and, when that status ends the zaak, its resultaat first). */
export async function wijsAf(sources: Sources, zaakUrl: string, reden: string): Promise<void> {
  const begraven = await sources.catalogi.begraven();
  const reservering = await reserveringVan(sources, zaakUrl);
  if (reservering && reservering.status !== 'geannuleerd') await sources.begraafplaatsen.wijzig(reservering.url, { status: 'geannuleerd' });
  let status: Statustype;
  try {
    status = statustype(begraven, STATUS.afgewezen);
  } catch {
    status = begraven.statustypen[begraven.statustypen.length - 1]!;
  }
  const eind = status === begraven.statustypen[begraven.statustypen.length - 1] || status.isEindstatus;
  if (eind && !(await sources.zaken.zaak(zaakUrl)).resultaat) {
    await sources.zaken.maakResultaat({ zaak: zaakUrl, resultaattype: byName(begraven.resultaattypen, RESULTAAT_AFGEWEZEN, 'een resultaattype voor afwijzen').url, toelichting: reden.slice(0, 1000) });
  }
  await sources.zaken.zetStatus({ zaak: zaakUrl, statustype: status.url, statustoelichting: `Afgewezen: ${reden}`.slice(0, 1000) });
}

/**
 * A notificatie on kanaal `zaken` for one of our zaken: fetch the zaak's current status at the
 * source and keep its omschrijving with the request. Others' zaken are ignored.
 */
export async function verwerkNotificatie(sources: Sources, store: AanvraagStore, hoofdObject: string): Promise<boolean> {
  const aanvraag = await store.byZaak(hoofdObject);
  if (!aanvraag) return false;
  const zaak = await sources.zaken.zaak(hoofdObject);
  if (!zaak.status) return false;
  const status = await sources.zaken.status(zaak.status);
  const type = await sources.catalogi.statustype(status.statustype);
  await store.update(aanvraag.uuid, { status: type.omschrijving, statusGewijzigd: new Date(status.datumStatusGezet) });
  return true;
}
