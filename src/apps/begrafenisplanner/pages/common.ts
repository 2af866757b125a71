/** What the app's pages share: paths, the two sites' layouts, Dutch dates, and a clear message for every failure. */
import type { FastifyReply } from 'fastify';
import { alert, escape, sendPage } from '../../../platform/pages/html.ts';
import { SourceError } from '../sources/http.ts';
import { ProcesError } from '../proces.ts';

export const APP_PATH = '/begrafenisplanner';
export const UITVAART_PATH = `${APP_PATH}/uitvaartonderneming`;
export const GEMEENTE_PATH = `${APP_PATH}/gemeente`;
export const CALLBACK_PATH = `${APP_PATH}/notificaties`;

const ZONE = 'Europe/Amsterdam';
const DATUM = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeZone: ZONE });
const TIJD = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });

export const datum = (iso: string | Date) => DATUM.format(new Date(iso));
export const tijd = (iso: string | Date) => TIJD.format(new Date(iso));
export const moment = (iso: string | Date) => MOMENT.format(new Date(iso));
/** YYYY-MM-DD of an instant in Amsterdam. */
export const isoDatum = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE }).format(d);
export const time = (iso: string | Date, text: string) => `<time datetime="${escape(new Date(iso).toISOString())}">${escape(text)}</time>`;

export type Site = 'uitvaart' | 'gemeente';

const SITES: Record<Site, { site: string; nav: [string, string][]; footer: string }> = {
  uitvaart: {
    site: 'Begrafenisplanner – Uitvaartonderneming De Laatste Eer',
    nav: [[UITVAART_PATH, 'Mijn aanvragen']],
    footer: 'Begrafenisplanner van Gemeente Oefenstad. De gegevens komen bij de bron vandaan, via FSC. Dit is een demo zonder inloggen, met fictieve personen.',
  },
  gemeente: {
    site: 'Begrafenisplanner – Gemeente Oefenstad, team Begraafplaatsen',
    nav: [
      [GEMEENTE_PATH, 'Werkvoorraad'],
      [`${GEMEENTE_PATH}/kalender`, 'Kalender'],
    ],
    footer: 'Begrafenisplanner van Gemeente Oefenstad. Alle gegevens worden bij het tonen bij de bron opgehaald. Dit is een demo zonder inloggen.',
  },
};

export function show(reply: FastifyReply, site: Site, title: string, body: string, status = 200, current?: string) {
  const s = SITES[site];
  return sendPage(reply, status, { title, site: s.site, body, nav: s.nav, current: current ?? s.nav[0]![0], footer: s.footer });
}

/** A Dutch sentence for a failure a person can cause or meet; never a stack trace. */
export function message(error: unknown): { status: number; text: string } {
  if (error instanceof ProcesError) return { status: 409, text: error.message };
  if (error instanceof SourceError) {
    if (error.unreachable) return { status: 502, text: `De ${error.source} is op dit moment niet bereikbaar. Probeer het over een paar minuten opnieuw; wat u al had ingevuld is bewaard.` };
    switch (error.problem.code) {
      case 'tijdslot-bezet':
        return { status: 409, text: 'Dit tijdslot is zojuist door iemand anders gereserveerd. Kies een ander tijdslot.' };
      case 'grafplaats-bezet':
        return { status: 409, text: 'Deze grafplaats is zojuist door iemand anders gereserveerd. Kies een ander graf.' };
      case 'geen-tijdslot':
        return { status: 400, text: 'Op dat moment kan er niet begraven worden: de begraafplaats is dan gesloten, het valt buiten de openingstijden of het ligt in het verleden. Kies een ander tijdslot.' };
      case 'reservering-verlopen':
        return { status: 409, text: 'Uw reservering van het tijdslot is verlopen. Kies opnieuw een datum en tijdslot.' };
    }
    if (error.status === 404) return { status: 404, text: `De ${error.source} kent het gevraagde gegeven niet (meer).` };
    if (error.status === 401 || error.status === 403) return { status: 502, text: `De ${error.source} weigert deze app de toegang. Neem contact op met de gemeente.` };
    const detail = error.problem.invalidParams?.map((p) => p.reason).join(' ') || error.problem.detail || error.problem.title || '';
    return { status: error.status >= 500 ? 502 : 400, text: `De ${error.source} kon het verzoek niet uitvoeren${detail ? `: ${detail}` : '.'}` };
  }
  return { status: 500, text: 'Er ging iets mis in de Begrafenisplanner. Probeer het opnieuw; lukt het dan nog niet, neem contact op met de gemeente.' };
}

export function errorAlert(text: string): string {
  return alert('error', escape(text));
}
