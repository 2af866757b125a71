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
import type { Database } from '../platform/db/database.ts';
import type { Logboek } from '../platform/logboek/logboek.ts';

export const INWONER_PATH = '/demo/mijn-verwerkingen';

type Verwerking = Awaited<ReturnType<Logboek['find']>>[number];

const STYLE = `
body { font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #1a1a1a; margin: 0; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 4px solid #154273; }
h1 { font-size: 1.75rem; }
label { display: block; font-weight: 600; }
input { font: inherit; padding: .4rem; border: 2px solid #1a1a1a; width: 12ch; }
button { font: inherit; padding: .4rem 1rem; background: #154273; color: #fff; border: 2px solid #154273; cursor: pointer; }
:focus-visible { outline: 3px solid #f9e11e; outline-offset: 2px; }
.melding { border-left: 4px solid #154273; padding: .5rem 1rem; background: #eef3f8; }
.fout { border-left-color: #d52b1e; background: #fdeeee; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid #999; }
`;

function escape(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const WHEN = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function page(body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wie gebruikte mijn gegevens? – Open Grond demo</title>
<style>${STYLE}</style>
</head>
<body>
<header><p><strong>Open Grond</strong> – demo</p></header>
<main>
<h1>Wie gebruikte mijn gegevens?</h1>
<p class="melding">Dit is een demo zonder inloggen, met fictieve personen. Echt inzien doet u met DigiD, en dan alleen uw eigen gegevens.</p>
${body}
</main>
<footer><p>Gegevens uit het Logboek dataverwerkingen van deze gemeente.</p></footer>
</body>
</html>`;
}

function form(bsn = '', error?: string): string {
  const describedBy = error ? ' aria-describedby="bsn-fout" aria-invalid="true"' : '';
  return `<form method="post" action="${INWONER_PATH}">
<label for="bsn">Burgerservicenummer</label>
${error ? `<p id="bsn-fout" class="melding fout">${escape(error)}</p>` : ''}
<p><input id="bsn" name="bsn" inputmode="numeric" autocomplete="off" maxlength="9" value="${escape(bsn)}"${describedBy}>
<button type="submit">Toon verwerkingen</button></p>
</form>`;
}

/** Who did it: another organisation when the request came through FSC, else this municipality with the application's name. */
function organisatie(v: Verwerking, labels: Map<string, string>): string {
  const applicatie = labels.get(String(v.applicatie)) ?? String(v.applicatie);
  if (v.foreignProcessor) return `Organisatie ${escape(v.foreignProcessor)} (via FSC)`;
  return `Deze gemeente<br><span>applicatie ${escape(applicatie)}</span>`;
}

function table(records: Verwerking[], labels: Map<string, string>): string {
  if (records.length === 0) return '<p class="melding" role="status">Er zijn geen verwerkingen van uw gegevens vastgelegd.</p>';
  const rows = records.map((v) => {
    const activity = v.verwerkingsactiviteit as { naam?: string; doel?: string; grondslag?: string; id: string };
    const when = new Date(String(v.startTime));
    return `<tr>
<td><time datetime="${escape(when.toISOString())}">${escape(WHEN.format(when))}</time></td>
<td>${organisatie(v, labels)}</td>
<td>${escape(activity.naam ?? activity.id)}</td>
<td>${escape(activity.doel ?? 'onbekend')}${activity.grondslag ? `<br><span>grondslag: ${escape(activity.grondslag)}</span>` : ''}</td>
<td>${v.status === 'OK' ? 'Gegevens gebruikt' : 'Geweigerd, geen gegevens verstrekt'}</td>
</tr>`;
  });
  return `<table>
<caption>${records.length === 1 ? '1 verwerking' : `${records.length} verwerkingen`}, nieuwste eerst</caption>
<thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Verwerkingsactiviteit</th><th scope="col">Doel</th><th scope="col">Resultaat</th></tr></thead>
<tbody>
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
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(body));
}

export function registerInwonerDemo(app: FastifyInstance, database: Database, logboek: Logboek): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

    scope.get(INWONER_PATH, async (_request, reply) => send(reply, 200, form()));

    scope.post(INWONER_PATH, async (request, reply) => {
      const bsn = String((request.body as Record<string, unknown> | undefined)?.bsn ?? '').trim();
      if (!/^[0-9]{9}$/.test(bsn)) return send(reply, 400, form(bsn, 'Vul een burgerservicenummer van 9 cijfers in.'));
      const records = await logboek.find(database.db, { subject: { type: 'BSN', id: bsn } });
      const labels = await applicatieLabels(database, [...new Set(records.map((v) => String(v.applicatie)))]);
      return send(reply, 200, `${form(bsn)}\n<h2>Verwerkingen van burgerservicenummer ${escape(bsn)}</h2>\n${table(records, labels)}`);
    });
  });
}
