/**
 * The Begrafenisplanner (issue #10): a funeral director arranges a burial at a municipal
 * cemetery and the gemeente's cemetery administration handles it — every piece of data
 * fetched at its source through the APIs (Begraafplaatsen, Zaken, Documenten, Catalogi, BRP
 * Personen, Notificaties), the funeral director's calls through its FSC Outway.
 *
 * The pages are registered with the server before it listens; the connections to the sources
 * (Outway address and grant hashes, which exist only once the FSC group has started) are given
 * afterwards with {@link Begrafenisplanner.connect}. Until then the pages say the app is starting.
 *
 *   /begrafenisplanner                       start page
 *   /begrafenisplanner/uitvaartonderneming   the funeral director's requests and steps
 *   /begrafenisplanner/gemeente              work list, detail, actions, calendar
 *   /begrafenisplanner/notificaties          the callback of the app's abonnement (kanaal zaken)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { acceptForms, alert } from '../../platform/pages/html.ts';
import { registerPageAssets } from '../../platform/pages/assets.ts';
import { link, paragraph } from '../../platform/pages/forms.ts';
import { connectSources, type Connection, type Sources } from './sources/index.ts';
import type { Notificatie } from './sources/notificaties.ts';
import { AanvraagStore } from './store.ts';
import { verwerkNotificatie, type Organisaties } from './proces.ts';
import { registerUitvaartPages } from './pages/uitvaart.ts';
import { registerGemeentePages } from './pages/gemeente.ts';
import { APP_PATH, CALLBACK_PATH, GEMEENTE_PATH, UITVAART_PATH, message, show } from './pages/common.ts';

export { BEGRAFENISPLANNER_MIGRATIONS } from './store.ts';
export { APP_PATH, GEMEENTE_PATH, UITVAART_PATH } from './pages/common.ts';

export interface BegrafenisplannerConnections {
  organisaties: Organisaties;
  /** The gemeente's own apps call its sources directly. */
  gemeente: Connection;
  /** The uitvaartonderneming calls them through its Outway. */
  uitvaartonderneming: Connection;
  /** The URL the Notificaties API posts to: this app's callback, as the Notificaties API reaches it. */
  callbackUrl: string;
}

export interface Begrafenisplanner {
  /** Connects the app to its sources and takes its abonnement on kanaal `zaken`. */
  connect(connections: BegrafenisplannerConnections): Promise<void>;
}

const MAX_UPLOAD = 20 * 1024 * 1024;

export function registerBegrafenisplanner(app: FastifyInstance, db: Db): Begrafenisplanner {
  const store = new AanvraagStore(db);
  let connected: { connections: BegrafenisplannerConnections; gemeente: Sources; uitvaart: Sources; auth: string } | undefined;
  const need = () => {
    if (!connected) throw new Error('not connected');
    return connected;
  };

  registerPageAssets(app);
  app.register(async (scope) => {
    acceptForms(scope, ['product']);
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_request, body, done) => done(null, body));
    // Before connect() (the first seconds of `opengrond start`) the pages say so; any other unexpected failure gets a page, never a stack trace.
    scope.addHook('onRequest', async (request, reply) => {
      if (!connected && request.url !== APP_PATH) return show(reply, request.url.startsWith(GEMEENTE_PATH) ? 'gemeente' : 'uitvaart', 'Even geduld', alert('info', 'De Begrafenisplanner wordt gestart. Probeer het over een paar seconden opnieuw.'), 503);
    });
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      const m = status && status >= 400 && status < 500 ? { status, text: status === 413 ? 'Het bestand is te groot (hoogstens 20 MB).' : 'Het verzoek kon niet gelezen worden. Vul het formulier opnieuw in.' } : message(error);
      if (m.status >= 500) request.log.error({ err: error }, 'begrafenisplanner');
      return show(reply, request.url.startsWith(GEMEENTE_PATH) ? 'gemeente' : 'uitvaart', 'Er ging iets mis', alert('error', m.text), m.status);
    });

    scope.get(APP_PATH, async (_request, reply) =>
      show(
        reply,
        'uitvaart',
        'Begrafenisplanner',
        `${paragraph('Een uitvaartonderneming vraagt een begrafenis aan op een gemeentelijke begraafplaats; de gemeente plant en bevestigt die. Alle gegevens komen bij de bron vandaan, via de API’s van de gemeente.')}
<ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">${link(UITVAART_PATH, 'Voor de uitvaartonderneming: mijn aanvragen')}</li><li class="utrecht-unordered-list__item">${link(GEMEENTE_PATH, 'Voor de gemeente: werkvoorraad en kalender')}</li></ul>`,
      ),
    );

    registerUitvaartPages(scope, { sources: () => need().uitvaart, store, get organisaties() { return need().connections.organisaties; } });
    registerGemeentePages(scope, { sources: () => need().gemeente, get organisaties() { return need().connections.organisaties; } });
  });

  // The abonnement's callback: JSON in, the zaak's new status fetched at the source, 204 out.
  app.post<{ Body: Notificatie }>(CALLBACK_PATH, async (request, reply) => {
    if (!connected) return reply.code(503).send();
    const given = Buffer.from(String(request.headers.authorization ?? ''));
    const expected = Buffer.from(connected.auth);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(403).send();
    const n = request.body;
    if (n?.kanaal === 'zaken' && typeof n.hoofdObject === 'string') await verwerkNotificatie(connected.uitvaart, store, n.hoofdObject);
    return reply.code(204).send();
  });

  return {
    async connect(connections) {
      const auth = `Bearer ${randomBytes(24).toString('base64url')}`;
      const gemeente = connectSources(connections.gemeente);
      const uitvaart = connectSources(connections.uitvaartonderneming);
      connected = { connections, gemeente, uitvaart, auth };
      const begraven = await uitvaart.catalogi.begraven();
      await uitvaart.notificaties.abonneer(connections.callbackUrl, auth, begraven.zaaktype.url);
    },
  };
}
