/**
 * The resident's view on the Logboek dataverwerkingen, for the demo: choose a BSN and see
 * which organisation processed your personal data, when, and for which verwerkingsactiviteit
 * (naam and doel from the register). Server-rendered HTML, no JavaScript.
 *
 * There is no login: in a real deployment the resident would come in through DigiD and see
 * only their own records. That is why this page exists only in the demo (`inwonerDemo`,
 * on when `opengrond start` seeds demo data) and says so on the page. The BSN goes in a POST
 * body, never in the URL.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { acceptForms, alert, escape, sendPage } from '../platform/pages/html.ts';
import { registerPageAssets } from '../platform/pages/assets.ts';
import type { Database } from '../platform/db/database.ts';
import { INZAGE_VERWERKINGSACTIVITEIT, type Logboek } from '../platform/logboek/logboek.ts';

export const INWONER_PATH = '/demo/mijn-verwerkingen';
/** The "applicatie" this page's own reads of the Logboek are recorded for. */
const INWONER_CLIENT = 'demo-inwonerpagina';

type Verwerking = Awaited<ReturnType<Logboek['find']>>[number];

const WHEN = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

const DEMO_NOTICE = alert('info', 'Dit is een demo zonder inloggen, met fictieve personen. Echt inzien doet u met DigiD, en dan alleen uw eigen gegevens.');

function form(bsn = '', error?: string): string {
  const describedBy = error ? ' aria-describedby="bsn-fout" aria-invalid="true"' : '';
  return `<form method="post" action="${INWONER_PATH}">
<div class="utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}">
<p class="utrecht-form-field__label"><label class="utrecht-form-label" for="bsn">Burgerservicenummer</label></p>
${error ? `<p id="bsn-fout" class="utrecht-form-field-error-message">${escape(error)}</p>` : ''}
<p class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}" id="bsn" name="bsn" inputmode="numeric" autocomplete="off" maxlength="9" size="12" value="${escape(bsn)}"${describedBy}></p>
</div>
<p class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">Toon verwerkingen</button></p>
</form>`;
}

/** Who did it: another organisation when the request came through FSC, else this municipality with the application's name. */
function organisatie(v: Verwerking, labels: Map<string, string>): string {
  if (v.applicatie === INWONER_CLIENT) return 'U zelf, op deze pagina';
  const applicatie = labels.get(String(v.applicatie)) ?? String(v.applicatie);
  if (v.foreignProcessor) return `Organisatie ${escape(v.foreignProcessor)} (via FSC)`;
  return `Deze gemeente<br><span>applicatie ${escape(applicatie)}</span>`;
}

function table(records: Verwerking[], labels: Map<string, string>): string {
  if (records.length === 0) return alert('info', 'Er zijn geen verwerkingen van uw gegevens vastgelegd.');
  const rows = records.map((v) => {
    const activity = v.verwerkingsactiviteit as { naam?: string; doel?: string; grondslag?: string; id: string };
    const when = new Date(String(v.startTime));
    return `<tr class="utrecht-table__row">
<td class="utrecht-table__cell"><time datetime="${escape(when.toISOString())}">${escape(WHEN.format(when))}</time></td>
<td class="utrecht-table__cell">${organisatie(v, labels)}</td>
<td class="utrecht-table__cell">${escape(activity.naam ?? activity.id)}</td>
<td class="utrecht-table__cell">${escape(activity.doel ?? 'onbekend')}${activity.grondslag ? `<br><span>grondslag: ${escape(activity.grondslag)}</span>` : ''}</td>
<td class="utrecht-table__cell">${v.status === 'OK' ? 'Gegevens gebruikt' : 'Geweigerd, geen gegevens verstrekt'}</td>
</tr>`;
  });
  return `<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${records.length === 1 ? '1 verwerking' : `${records.length} verwerkingen`}, nieuwste eerst</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">Wanneer</th><th class="utrecht-table__header-cell" scope="col">Wie</th><th class="utrecht-table__header-cell" scope="col">Verwerkingsactiviteit</th><th class="utrecht-table__header-cell" scope="col">Doel</th><th class="utrecht-table__header-cell" scope="col">Resultaat</th></tr></thead>
<tbody class="utrecht-table__body">
${rows.join('\n')}
</tbody>
</table>`;
}

/** The labels of the Applicaties behind the client ids in the records. */
async function applicatieLabels(database: Database, clientIds: string[]): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const rows = await database.db
    .selectFrom('autorisaties.applicatie_client as c')
    .innerJoin('autorisaties.applicatie as a', 'a.uuid', 'c.applicatie')
    .select(['c.client_id', 'a.label'])
    .where('c.client_id', 'in', clientIds)
    .execute();
  return new Map(rows.map((r) => [r.client_id as string, r.label as string]));
}

function send(reply: FastifyReply, status: number, body: string) {
  return sendPage(reply, status, {
    title: 'Wie gebruikte mijn gegevens?',
    site: 'Open Grond – demo',
    body: `${DEMO_NOTICE}\n${body}`,
    footer: 'Gegevens uit het Logboek dataverwerkingen van deze gemeente.',
  });
}

export function registerInwonerDemo(app: FastifyInstance, database: Database, logboek: Logboek): void {
  registerPageAssets(app);
  app.register(async (scope) => {
    acceptForms(scope);

    scope.get(INWONER_PATH, async (_request, reply) => send(reply, 200, form()));

    scope.post(INWONER_PATH, async (request, reply) => {
      const bsn = String((request.body as Record<string, unknown> | undefined)?.bsn ?? '').trim();
      if (!/^[0-9]{9}$/.test(bsn)) return send(reply, 400, form(bsn, 'Vul een burgerservicenummer van 9 cijfers in.'));
      // The resident reading their own log is a processing too, under the register's inzage activity.
      const processing = await logboek.begin(request, 'mijn-verwerkingen', INWONER_CLIENT, INZAGE_VERWERKINGSACTIVITEIT);
      const records = await database.db.transaction().execute((tx) => logboek.inzage(tx, processing, { subject: { type: 'BSN', id: bsn } }));
      const labels = await applicatieLabels(database, [...new Set(records.map((v) => String(v.applicatie)))]);
      return send(reply, 200, `${form(bsn)}\n<h2 class="utrecht-heading-2">Verwerkingen van burgerservicenummer ${escape(bsn)}</h2>\n${table(records, labels)}`);
    });
  });
}
