/**
 * The gemeente's pages (team Begraafplaatsen): the work list of requests, one request in
 * detail — everything fetched from the sources at display time — with the actions confirm,
 * reschedule and reject (each a status on the zaak and a change of the reservation), and the
 * calendar per cemetery.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { alert, escape } from '../../../platform/pages/html.ts';
import { button, buttonGroup, choiceGroup, dataList, errorSummary, form, heading, link, paragraph, table, textArea, textField } from '../../../platform/pages/forms.ts';
import type { Sources } from '../sources/index.ts';
import type { Zaak } from '../sources/zaken.ts';
import { byName } from '../sources/catalogi.ts';
import { OVERLEDENE_FIELDS, RECHTHEBBENDE_FIELDS, volledigeNaam } from '../sources/brp.ts';
import { bevestig, grafOmschrijving, reserveringVan, verplaats, wijsAf, type Organisaties } from '../proces.ts';
import { GEMEENTE_PATH, datum, errorAlert, isoDatum, message, show, tijd, time } from './common.ts';

export interface GemeenteContext {
  sources: () => Sources;
  organisaties: Organisaties;
}

type Body = Record<string, string | undefined>;
const zaakPath = (uuid: string, action = '') => `${GEMEENTE_PATH}/zaken/${uuid}${action ? `/${action}` : ''}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerGemeentePages(app: FastifyInstance, ctx: GemeenteContext): void {
  const safely = (reply: FastifyReply, title: string, run: () => Promise<unknown>) =>
    run().catch((error: unknown) => {
      const m = message(error);
      if (m.status === 500) reply.log.error({ err: error }, 'begrafenisplanner');
      return show(reply, 'gemeente', title, `${errorAlert(m.text)}${paragraph(link(GEMEENTE_PATH, 'Naar de werkvoorraad'))}`, m.status);
    });

  const statusOf = async (sources: Sources, zaak: Zaak) => {
    if (!zaak.status) return { omschrijving: 'Geen status', toelichting: '' };
    const status = await sources.zaken.status(zaak.status);
    return { omschrijving: (await sources.catalogi.statustype(status.statustype)).omschrijving, toelichting: status.statustoelichting, gezet: status.datumStatusGezet };
  };

  // Work list: the zaken of zaaktype Begraven, with their status and slot, from the sources.
  app.get(GEMEENTE_PATH, async (_request, reply) =>
    safely(reply, 'Werkvoorraad begrafenissen', async () => {
      const sources = ctx.sources();
      const begraven = await sources.catalogi.begraven();
      const zaken = await sources.zaken.zaken(begraven.zaaktype.url);
      const rows = await Promise.all(
        zaken.map(async (z) => {
          const [status, reservering] = await Promise.all([statusOf(sources, z), reserveringVan(sources, z.url)]);
          const begraafplaats = reservering ? await sources.begraafplaatsen.begraafplaats(reservering.begraafplaats) : undefined;
          return [
            link(zaakPath(z.uuid), z.identificatie),
            reservering ? time(reservering.start, `${datum(reservering.start)} ${tijd(reservering.start)}`) : '—',
            escape(begraafplaats?.naam ?? '—'),
            escape(status.omschrijving),
          ];
        }),
      );
      const body = rows.length ? table('Aanvragen voor een begrafenis, nieuwste eerst', ['Zaak', 'Datum en tijd', 'Begraafplaats', 'Status'], rows) : paragraph('Er zijn geen aanvragen.');
      return show(reply, 'gemeente', 'Werkvoorraad begrafenissen', body);
    }),
  );

  const detail = async (reply: FastifyReply, uuid: string, options: { datum?: string; error?: Record<string, string>; notice?: string; status?: number } = {}) => {
    const sources = ctx.sources();
    const zaak = await sources.zaken.zaak(sources.zaken.client.url(`/zaken/api/v1/zaken/${uuid}`));
    const begraven = await sources.catalogi.begraven();
    const [status, rollen, reservering, documenten] = await Promise.all([statusOf(sources, zaak), sources.zaken.rollen(zaak.url), reserveringVan(sources, zaak.url), sources.zaken.documenten(zaak.url)]);
    const rolBsn = (name: string) => rollen.find((r) => r.roltype === byName(begraven.roltypen, [name], `roltype ${name}`).url)?.betrokkeneIdentificatie?.inpBsn as string | undefined;
    const [overledene, rechthebbende] = await Promise.all([
      rolBsn('Overledene') ? sources.brp.persoon(rolBsn('Overledene')!, OVERLEDENE_FIELDS) : undefined,
      rolBsn('Rechthebbende') ? sources.brp.persoon(rolBsn('Rechthebbende')!, RECHTHEBBENDE_FIELDS) : undefined,
    ]);
    const uitvaart = rollen.find((r) => r.betrokkeneType === 'niet_natuurlijk_persoon')?.betrokkeneIdentificatie?.statutaireNaam;
    const begraafplaats = reservering ? await sources.begraafplaatsen.begraafplaats(reservering.begraafplaats) : undefined;
    const graf = reservering?.grafplaats ? await grafOmschrijving(sources, reservering.grafplaats) : undefined;
    const docs = await Promise.all(
      documenten.map(async (d) => {
        const io = await sources.documenten.informatieobject(d.informatieobject);
        return [link(`${zaakPath(uuid, 'documenten')}/${io.url.split('/').pop()}`, io.titel), escape(io.bestandsnaam), escape(io.creatiedatum)];
      }),
    );
    const open = !zaak.resultaat && reservering && reservering.status !== 'geannuleerd';
    const day = options.datum && /^\d{4}-\d{2}-\d{2}$/.test(options.datum) ? options.datum : reservering ? isoDatum(new Date(reservering.start)) : undefined;
    const slots = open && day && begraafplaats ? await sources.begraafplaatsen.tijdsloten(begraafplaats.url, day) : [];
    const errors = options.error ?? {};
    const actions = open
      ? `${heading(2, 'Behandelen')}
${reservering!.status !== 'bevestigd' ? form(zaakPath(uuid, 'bevestigen'), `${paragraph('Bevestig de begrafenis op het gevraagde tijdstip. De uitvaartonderneming krijgt een bevestiging (PDF).')}${buttonGroup(button('Bevestigen'))}`, { label: 'Bevestigen' }) : alert('ok', 'Deze begrafenis is bevestigd.')}
${heading(3, 'Verplaatsen')}
${form(zaakPath(uuid), `${textField({ name: 'datum', label: 'Andere datum', type: 'date', value: day ?? '' })}${buttonGroup(button('Tijdsloten tonen', 'secondary'))}`, { method: 'get', label: 'Datum voor verplaatsen' })}
${slots.length ? form(zaakPath(uuid, 'verplaatsen'), `${choiceGroup({ name: 'start', legend: `Tijdsloten op ${datum(`${day}T12:00:00Z`)}`, error: errors.start, choices: slots.map((t) => ({ value: t.start, label: `${tijd(t.start)} – ${tijd(t.eind)}`, description: t.beschikbaar ? undefined : t.start === reservering!.start ? 'huidig tijdslot' : 'bezet', disabled: !t.beschikbaar })) })}${buttonGroup(button('Verplaatsen', 'secondary'))}`, { label: 'Verplaatsen' }) : day ? alert('info', 'Op deze datum is de begraafplaats gesloten.') : ''}
${heading(3, 'Afwijzen')}
${form(zaakPath(uuid, 'afwijzen'), `${textArea({ name: 'reden', label: 'Reden van afwijzing', hint: 'De uitvaartonderneming ziet deze reden.', error: errors.reden })}${buttonGroup(button('Afwijzen', 'secondary'))}`, { label: 'Afwijzen' })}`
      : '';
    const body = `${options.notice ?? ''}${Object.keys(errors).length ? errorSummary(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'start' ? 'start-0' : k, v]))) : ''}
${dataList([
  ['Status', `${escape(status.omschrijving)}${status.toelichting ? ` — ${escape(status.toelichting)}` : ''}`],
  ['Datum en tijd', reservering ? `${escape(datum(reservering.start))} om ${escape(tijd(reservering.start))} (reservering ${escape(reservering.status)})` : 'geen reservering'],
  ['Begraafplaats', escape(begraafplaats ? `${begraafplaats.naam}, ${begraafplaats.adres}` : '—')],
  ['Graf', escape(graf ?? '—')],
  ['Overledene', overledene ? `${escape(volledigeNaam(overledene))}, overleden ${escape(overledene.overlijden?.datum?.langFormaat ?? '')}` : 'onbekend'],
  ['Rechthebbende', rechthebbende ? `${escape(volledigeNaam(rechthebbende))}, ${escape([rechthebbende.adressering?.adresregel1, rechthebbende.adressering?.adresregel2].filter(Boolean).join(', '))}` : 'onbekend'],
  ['Uitvaartonderneming', escape(uitvaart ?? 'onbekend')],
  ['Toelichting', escape(zaak.toelichting || '—')],
  ['Ontvangen', escape(datum(zaak.registratiedatum))],
])}
${heading(2, 'Documenten')}
${docs.length ? table('Documenten bij de zaak', ['Document', 'Bestand', 'Datum'], docs) : paragraph('Geen documenten.')}
${actions}
${paragraph(link(GEMEENTE_PATH, 'Terug naar de werkvoorraad'))}`;
    return show(reply, 'gemeente', `Aanvraag ${zaak.identificatie}`, body, options.status ?? 200);
  };

  app.get<{ Params: { uuid: string }; Querystring: { datum?: string; gedaan?: string } }>(`${GEMEENTE_PATH}/zaken/:uuid`, async (request, reply) => {
    if (!UUID.test(request.params.uuid)) return show(reply, 'gemeente', 'Niet gevonden', errorAlert('Deze zaak bestaat niet.'), 404);
    const done: Record<string, string> = { bevestigd: 'De begrafenis is bevestigd; de bevestiging (PDF) staat bij de documenten.', verplaatst: 'De begrafenis is verplaatst.', afgewezen: 'De aanvraag is afgewezen.' };
    const notice = request.query.gedaan && done[request.query.gedaan] ? alert('ok', escape(done[request.query.gedaan])) : '';
    return safely(reply, 'Aanvraag', () => detail(reply, request.params.uuid, { datum: request.query.datum, notice }));
  });

  const act = (action: string, run: (sources: Sources, zaak: string, body: Body) => Promise<string | Record<string, string>>) =>
    app.post<{ Params: { uuid: string }; Body: Body }>(`${GEMEENTE_PATH}/zaken/:uuid/${action}`, async (request, reply) => {
      if (!UUID.test(request.params.uuid)) return show(reply, 'gemeente', 'Niet gevonden', errorAlert('Deze zaak bestaat niet.'), 404);
      const sources = ctx.sources();
      const zaak = sources.zaken.client.url(`/zaken/api/v1/zaken/${request.params.uuid}`);
      try {
        const outcome = await run(sources, zaak, request.body ?? {});
        if (typeof outcome === 'string') return reply.redirect(`${zaakPath(request.params.uuid)}?gedaan=${outcome}`, 303);
        return safely(reply, 'Aanvraag', () => detail(reply, request.params.uuid, { error: outcome, datum: request.body?.start ? isoDatum(new Date(request.body.start)) : undefined, status: 400 }));
      } catch (error) {
        const m = message(error);
        if (m.status === 500) request.log.error({ err: error }, `begrafenisplanner: ${action}`);
        return safely(reply, 'Aanvraag', () => detail(reply, request.params.uuid, { notice: errorAlert(m.text), status: m.status }));
      }
    });

  act('bevestigen', async (sources, zaak) => {
    await bevestig(sources, ctx.organisaties, zaak);
    return 'bevestigd';
  });
  act('verplaatsen', async (sources, zaak, body) => {
    if (!body.start || Number.isNaN(Date.parse(body.start))) return { start: 'Kies een tijdslot.' };
    await verplaats(sources, zaak, body.start);
    return 'verplaatst';
  });
  act('afwijzen', async (sources, zaak, body) => {
    const reden = (body.reden ?? '').trim();
    if (!reden) return { reden: 'Vul de reden van de afwijzing in.' };
    await wijsAf(sources, zaak, reden);
    return 'afgewezen';
  });

  app.get<{ Params: { uuid: string; document: string } }>(`${GEMEENTE_PATH}/zaken/:uuid/documenten/:document`, async (request, reply) =>
    safely(reply, 'Document', async () => {
      const sources = ctx.sources();
      const zaak = sources.zaken.client.url(`/zaken/api/v1/zaken/${request.params.uuid}`);
      const linked = (await sources.zaken.documenten(zaak)).find((d) => d.informatieobject.endsWith(`/${request.params.document}`));
      if (!linked) return show(reply, 'gemeente', 'Document niet gevonden', errorAlert('Dit document hoort niet bij deze zaak.'), 404);
      const io = await sources.documenten.informatieobject(linked.informatieobject);
      const content = await sources.documenten.inhoud(io);
      return reply.type(io.formaat || content.contentType).header('content-disposition', `inline; filename="${io.bestandsnaam.replace(/"/g, '')}"`).header('cache-control', 'no-store').send(content.body);
    }),
  );

  // Calendar: a week of one cemetery, every reservation that is not cancelled.
  app.get<{ Querystring: { begraafplaats?: string; week?: string } }>(`${GEMEENTE_PATH}/kalender`, async (request, reply) =>
    safely(reply, 'Kalender', async () => {
      const sources = ctx.sources();
      const begraafplaatsen = await sources.begraafplaatsen.begraafplaatsen();
      const chosen = begraafplaatsen.find((b) => b.url === request.query.begraafplaats) ?? begraafplaatsen[0];
      const from = request.query.week && /^\d{4}-\d{2}-\d{2}$/.test(request.query.week) ? new Date(`${request.query.week}T12:00:00Z`) : new Date();
      const monday = new Date(from);
      monday.setUTCDate(from.getUTCDate() - ((from.getUTCDay() + 6) % 7));
      const days = Array.from({ length: 7 }, (_, i) => isoDatum(new Date(monday.getTime() + i * 86_400_000)));
      const picker = form(`${GEMEENTE_PATH}/kalender`, `${choiceGroup({ name: 'begraafplaats', legend: 'Begraafplaats', choices: begraafplaatsen.map((b) => ({ value: b.url, label: b.naam })), selected: chosen ? [chosen.url] : [] })}${textField({ name: 'week', label: 'Week van', type: 'date', value: days[0] })}${buttonGroup(button('Tonen', 'secondary'))}`, { method: 'get', label: 'Kalender kiezen' });
      if (!chosen) return show(reply, 'gemeente', 'Kalender', alert('info', 'Er zijn geen begraafplaatsen.'), 200, `${GEMEENTE_PATH}/kalender`);
      const perDay = await Promise.all(days.map((d) => sources.begraafplaatsen.reserveringen({ begraafplaats: chosen.url, datum: d })));
      const rows: string[][] = [];
      for (const [i, d] of days.entries()) {
        const active = perDay[i]!.filter((r) => r.status !== 'geannuleerd').sort((a, b) => a.start.localeCompare(b.start));
        if (!active.length) rows.push([escape(datum(`${d}T12:00:00Z`)), '—', 'geen begrafenissen', '']);
        for (const r of active) {
          const zaak = r.zaak ? link(zaakPath(r.zaak.split('/').pop()!), 'zaak openen') : 'nog geen aanvraag';
          rows.push([escape(datum(r.start)), `${escape(tijd(r.start))} – ${escape(tijd(r.eind))}`, escape(r.status), zaak]);
        }
      }
      const body = `${picker}${heading(2, chosen.naam)}${table(`Week van ${datum(`${days[0]}T12:00:00Z`)}`, ['Dag', 'Tijd', 'Reservering', 'Zaak'], rows)}`;
      return show(reply, 'gemeente', 'Kalender', body, 200, `${GEMEENTE_PATH}/kalender`);
    }),
  );
}
