/**
 * The funeral director's pages (the uitvaartonderneming, another organisation than the
 * gemeente: every call below goes through its FSC Outway). A request is a draft first: the
 * steps can be done in any order, the chosen slot is held by a `voorlopig` reservation until it
 * expires, and only references (URLs, BSNs) are stored. After submitting, the overview shows the
 * zaak's status as the notificaties bring it in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { alert, escape } from '../../../platform/pages/html.ts';
import { button, buttonGroup, choiceGroup, dataList, errorSummary, form, heading, link, paragraph, table, textField } from '../../../platform/pages/forms.ts';
import type { Sources } from '../sources/index.ts';
import { OVERLEDENE_FIELDS, RECHTHEBBENDE_FIELDS, volledigeNaam, type Persoon } from '../sources/brp.ts';
import { isValidBsn } from '../bsn.ts';
import type { Aanvraag, AanvraagStore } from '../store.ts';
import { dienIn, grafOmschrijving, maakDocument, ontbreekt, PRODUCTEN, UPLOAD, uploadFout, type Organisaties } from '../proces.ts';
import { parseMultipart, type UploadedFile } from '../multipart.ts';
import { UITVAART_PATH, datum, errorAlert, isoDatum, message, moment, show, tijd, time } from './common.ts';

export interface UitvaartContext {
  sources: () => Sources;
  store: AanvraagStore;
  organisaties: Organisaties;
}

type Body = Record<string, string | undefined>;
const aanvraagPath = (a: Aanvraag, step = '') => `${UITVAART_PATH}/aanvragen/${a.uuid}${step ? `/${step}` : ''}`;

const STEPS: { step: string; title: string; done: (a: Aanvraag) => boolean }[] = [
  { step: 'begraafplaats', title: 'Begraafplaats, grafsoort en graf', done: (a) => Boolean(a.begraafplaats && a.grafsoort && a.grafplaats) },
  { step: 'tijdslot', title: 'Datum en tijdslot', done: (a) => Boolean(a.reservering) },
  { step: 'overledene', title: 'Overledene', done: (a) => Boolean(a.bsnOverledene) },
  { step: 'rechthebbende', title: 'Rechthebbende', done: (a) => Boolean(a.bsnRechthebbende) },
  { step: 'extra', title: 'Extra producten en diensten', done: (a) => a.producten.length > 0 },
  { step: 'verlof', title: 'Verlof tot begraven', done: (a) => Boolean(a.verlof) },
  { step: 'bijlagen', title: 'Andere bijlagen (niet verplicht)', done: (a) => a.bijlagen.length > 0 },
];

function stepList(a: Aanvraag): string {
  const items = STEPS.map((s, i) => `<li class="utrecht-ordered-list__item">${link(aanvraagPath(a, s.step), s.title)} — ${s.done(a) ? '<strong>ingevuld</strong>' : 'nog te doen'}</li>`);
  items.push(`<li class="utrecht-ordered-list__item">${link(aanvraagPath(a, 'controle'), 'Controleren en indienen')}</li>`);
  return `<nav aria-label="Stappen van de aanvraag"><ol class="utrecht-ordered-list">${items.join('')}</ol></nav>`;
}

/** The files sent in one field of a multipart form. */
function uploaded(request: FastifyRequest, field: string): UploadedFile[] {
  return Buffer.isBuffer(request.body) ? (parseMultipart(request.body, String(request.headers['content-type'])).files[field] ?? []) : [];
}

/** A file input with its label, hint and error, as the NL Design System form field. */
function fileField(options: { name: string; label: string; hint?: string; error?: string; multiple?: boolean }): string {
  const { name, label, hint, error } = options;
  const describedBy = [hint ? `${name}-uitleg` : '', error ? `${name}-fout` : ''].filter(Boolean).join(' ');
  return `<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
<p class="utrecht-form-field__label"><label class="utrecht-form-label" for="${name}">${escape(label)}</label></p>
${hint ? `<p id="${name}-uitleg" class="utrecht-form-field-description">${escape(hint)}</p>` : ''}
${error ? `<p id="${name}-fout" class="utrecht-form-field-error-message">${escape(error)}</p>` : ''}
<p class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="${name}" name="${name}" accept="${UPLOAD.formaten.join(',')}"${options.multiple ? ' multiple' : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}></p>
</div>`;
}

const backLink = (a: Aanvraag) => paragraph(link(aanvraagPath(a), 'Terug naar het overzicht van deze aanvraag'));

/** The hold on the slot, as a notice. */
async function holdNotice(sources: Sources, a: Aanvraag): Promise<string> {
  if (!a.reservering || a.ingediend) return '';
  const r = await sources.begraafplaatsen.reservering(a.reservering);
  if (r.status === 'verlopen' || r.status === 'geannuleerd') return alert('warning', 'Uw voorlopige reservering van het tijdslot is verlopen. Kies opnieuw een datum en tijdslot.');
  if (r.status === 'voorlopig' && r.verlooptOp) {
    const expired = new Date(r.verlooptOp) < new Date();
    return expired
      ? alert('warning', 'Uw voorlopige reservering van het tijdslot is verlopen. Kies opnieuw een datum en tijdslot.')
      : alert('info', `Het tijdslot ${escape(datum(r.start))} om ${escape(tijd(r.start))} is voorlopig voor u gereserveerd tot ${time(r.verlooptOp, tijd(r.verlooptOp))} uur. Dien de aanvraag voor die tijd in.`);
  }
  return '';
}

export function registerUitvaartPages(app: FastifyInstance, ctx: UitvaartContext): void {
  const { store } = ctx;

  async function load(reply: FastifyReply, uuid: string): Promise<Aanvraag | undefined> {
    const a = await store.get(uuid);
    if (!a) {
      await show(reply, 'uitvaart', 'Aanvraag niet gevonden', `${errorAlert('Deze aanvraag bestaat niet (meer).')}${paragraph(link(UITVAART_PATH, 'Naar mijn aanvragen'))}`, 404);
      return undefined;
    }
    return a;
  }

  /** Runs a page; a failure becomes the same page's message instead of a stack trace. */
  const safely = (reply: FastifyReply, title: string, run: () => Promise<unknown>, back?: string) =>
    run().catch((error: unknown) => {
      const m = message(error);
      if (m.status === 500) reply.log.error({ err: error }, 'begrafenisplanner');
      return show(reply, 'uitvaart', title, `${errorAlert(m.text)}${back ? paragraph(link(back, 'Terug')) : ''}`, m.status);
    });

  // Overview: drafts and submitted requests, with the status the notificaties brought in.
  app.get(UITVAART_PATH, async (_request, reply) => {
    const aanvragen = await store.all();
    const rows = aanvragen.map((a) => [
      link(aanvraagPath(a), a.ingediend ? `Aanvraag van ${moment(a.ingediend)}` : `Concept van ${moment(a.aangemaakt)}`),
      a.ingediend ? escape(a.status ?? 'Ingediend') : 'Concept',
      a.statusGewijzigd ? time(a.statusGewijzigd, moment(a.statusGewijzigd)) : '—',
    ]);
    const body = `${paragraph('Vraag een begrafenis aan op een begraafplaats van Gemeente Oefenstad. U kunt de stappen in elke volgorde invullen; een gekozen tijdslot blijft een half uur voor u vastgehouden.')}
${form(`${UITVAART_PATH}/aanvragen`, buttonGroup(button('Nieuwe aanvraag')))}
${heading(2, 'Aanvragen')}
${rows.length ? table('Aanvragen, nieuwste eerst. De status wordt bijgewerkt zodra de gemeente iets verandert.', ['Aanvraag', 'Status', 'Status gewijzigd'], rows) : paragraph('U heeft nog geen aanvragen.')}`;
    return show(reply, 'uitvaart', 'Mijn aanvragen', body);
  });

  app.post(`${UITVAART_PATH}/aanvragen`, async (_request, reply) => {
    const a = await store.nieuw();
    return reply.redirect(aanvraagPath(a), 303);
  });

  // One request: its steps (a draft), or its status and documents (submitted).
  app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const sources = ctx.sources();
    return safely(reply, 'Aanvraag', async () => {
      if (!a.ingediend) {
        return show(reply, 'uitvaart', 'Aanvraag begrafenis', `${await holdNotice(sources, a)}${paragraph('Vul de stappen in, in de volgorde die u uitkomt. Daarna controleert u alles en dient u de aanvraag in.')}${stepList(a)}`);
      }
      const zaak = await sources.zaken.zaak(a.zaak!);
      const reservering = a.reservering ? await sources.begraafplaatsen.reservering(a.reservering) : undefined;
      const status = zaak.status ? await sources.zaken.status(zaak.status) : undefined;
      const statustype = status ? await sources.catalogi.statustype(status.statustype) : undefined;
      const documenten = await sources.zaken.documenten(zaak.url);
      const rows = await Promise.all(
        documenten.map(async (d) => {
          const io = await sources.documenten.informatieobject(d.informatieobject);
          return [link(`${aanvraagPath(a, 'documenten')}/${io.url.split('/').pop()}`, io.titel), escape(io.bestandsnaam), escape(io.creatiedatum)];
        }),
      );
      const bevestigd = reservering?.status === 'bevestigd';
      const body = `${bevestigd ? alert('ok', `De gemeente heeft de begrafenis bevestigd: ${escape(datum(reservering!.start))} om ${escape(tijd(reservering!.start))}.`) : ''}
${dataList([
  ['Zaak', escape(zaak.identificatie)],
  ['Status', `${escape(statustype?.omschrijving ?? a.status ?? 'Ingediend')}${status?.statustoelichting ? ` — ${escape(status.statustoelichting)}` : ''}`],
  ['Datum en tijd', reservering ? `${escape(datum(reservering.start))} om ${escape(tijd(reservering.start))}` : 'onbekend'],
  ['Reservering', reservering ? escape(reservering.status) : 'onbekend'],
])}
${heading(2, 'Documenten')}
${rows.length ? table('Documenten bij de zaak', ['Document', 'Bestand', 'Datum'], rows) : paragraph('Er zijn nog geen documenten.')}
${paragraph(link(UITVAART_PATH, 'Terug naar mijn aanvragen'))}`;
      return show(reply, 'uitvaart', `Aanvraag ${zaak.identificatie}`, body);
    });
  });

  // A document of the zaak, through the Outway; only one linked to this request's zaak.
  app.get<{ Params: { uuid: string; document: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/documenten/:document`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const sources = ctx.sources();
    return safely(reply, 'Document', async () => {
      const linked = a.zaak ? (await sources.zaken.documenten(a.zaak)).find((d) => d.informatieobject.endsWith(`/${request.params.document}`)) : undefined;
      if (!linked) return show(reply, 'uitvaart', 'Document niet gevonden', errorAlert('Dit document hoort niet bij deze aanvraag.'), 404);
      const io = await sources.documenten.informatieobject(linked.informatieobject);
      const content = await sources.documenten.inhoud(io);
      return reply.type(io.formaat || content.contentType).header('content-disposition', `inline; filename="${io.bestandsnaam.replace(/"/g, '')}"`).header('cache-control', 'no-store').send(content.body);
    }, aanvraagPath(a));
  });

  // Step 1: begraafplaats and grafsoort, then a grave with a free place.
  /** `errors` per field (begraafplaats, grafsoort, graf); the summary links to each group's first option. */
  const begraafplaatsPage = async (reply: FastifyReply, a: Aanvraag, errors: Record<string, string> = {}, status = 200) => {
    const sources = ctx.sources();
    const [begraafplaatsen, grafsoorten] = await Promise.all([sources.begraafplaatsen.begraafplaatsen(), sources.begraafplaatsen.grafsoorten()]);
    let graven = '';
    if (a.begraafplaats && a.grafsoort) {
      const beschikbaar = await sources.begraafplaatsen.beschikbareGraven(a.begraafplaats, a.grafsoort);
      graven = beschikbaar.length
        ? form(aanvraagPath(a, 'graf'), `${choiceGroup({ name: 'graf', legend: 'Graf', hint: 'Graven met een vrije plaats.', choices: beschikbaar.map((g) => ({ value: g.url, label: `Vak ${g.vak}, graf ${g.nummer}` })), selected: a.graf ? [a.graf] : [], error: errors.graf })}${buttonGroup(button('Graf kiezen'))}`)
        : alert('warning', 'Op deze begraafplaats is geen graf van deze soort vrij. Kies een andere begraafplaats of grafsoort.');
    }
    const chosen = a.grafplaats ? alert('ok', `Gekozen: ${escape(await grafOmschrijving(sources, a.grafplaats))}.`) : '';
    const body = `${errorSummary(Object.fromEntries(Object.entries(errors).map(([field, text]) => [`${field}-0`, text])))}${chosen}
${form(aanvraagPath(a, 'begraafplaats'), `${choiceGroup({ name: 'begraafplaats', legend: 'Begraafplaats', choices: begraafplaatsen.map((b) => ({ value: b.url, label: b.naam, description: b.adres })), selected: a.begraafplaats ? [a.begraafplaats] : [], error: errors.begraafplaats })}
${choiceGroup({ name: 'grafsoort', legend: 'Grafsoort', choices: grafsoorten.map((g) => ({ value: g.url, label: g.naam, description: g.omschrijving })), selected: a.grafsoort ? [a.grafsoort] : [], error: errors.grafsoort })}
${buttonGroup(button(a.begraafplaats ? 'Wijzigen en graven tonen' : 'Graven tonen'))}`)}
${graven}${backLink(a)}`;
    return show(reply, 'uitvaart', 'Begraafplaats, grafsoort en graf', body, status);
  };

  app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/begraafplaats`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (a) return safely(reply, 'Begraafplaats, grafsoort en graf', () => begraafplaatsPage(reply, a), aanvraagPath(a));
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${UITVAART_PATH}/aanvragen/:uuid/begraafplaats`, async (request, reply) => {
    let a = await load(reply, request.params.uuid);
    if (!a) return;
    const aanvraag = a;
    return safely(reply, 'Begraafplaats, grafsoort en graf', async () => {
      const { begraafplaats, grafsoort } = request.body ?? {};
      const errors: Record<string, string> = {};
      if (!begraafplaats) errors.begraafplaats = 'Kies een begraafplaats.';
      if (!grafsoort) errors.grafsoort = 'Kies een grafsoort.';
      if (Object.keys(errors).length) return begraafplaatsPage(reply, aanvraag, errors, 400);
      const sources = ctx.sources();
      const change: Partial<Aanvraag> = { begraafplaats: begraafplaats!, grafsoort: grafsoort! };
      if (begraafplaats !== aanvraag.begraafplaats || grafsoort !== aanvraag.grafsoort) {
        change.graf = null;
        change.grafplaats = null;
        // Another cemetery: the slot held on the old one is let go.
        if (aanvraag.reservering && begraafplaats !== aanvraag.begraafplaats) {
          await sources.begraafplaatsen.wijzig(aanvraag.reservering, { status: 'geannuleerd' }).catch(() => undefined);
          change.reservering = null;
        } else if (aanvraag.reservering) {
          await sources.begraafplaatsen.wijzig(aanvraag.reservering, { grafplaats: null as unknown as string }).catch(() => undefined);
        }
      }
      a = await store.update(aanvraag.uuid, change);
      return reply.redirect(`${aanvraagPath(a, 'begraafplaats')}#graf-0`, 303);
    }, aanvraagPath(aanvraag));
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${UITVAART_PATH}/aanvragen/:uuid/graf`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    return safely(reply, 'Begraafplaats, grafsoort en graf', async () => {
      const graf = request.body?.graf;
      if (!graf) return begraafplaatsPage(reply, a, { graf: 'Kies een graf.' }, 400);
      const sources = ctx.sources();
      const [plaats] = await sources.begraafplaatsen.beschikbareGrafplaatsen(graf);
      if (!plaats) return begraafplaatsPage(reply, a, { graf: 'Dit graf heeft zojuist geen vrije plaats meer. Kies een ander graf.' }, 409);
      // The slot already held also holds the grave place.
      if (a.reservering) await sources.begraafplaatsen.wijzig(a.reservering, { grafplaats: plaats.url });
      await store.update(a.uuid, { graf, grafplaats: plaats.url });
      return reply.redirect(aanvraagPath(a), 303);
    }, aanvraagPath(a, 'begraafplaats'));
  });

  // Step 2: a date, its slots, and a voorlopig reservation holding the chosen one.
  const tijdslotPage = async (reply: FastifyReply, a: Aanvraag, dag: string | undefined, error?: string, status = 200) => {
    const sources = ctx.sources();
    if (!a.begraafplaats) {
      return show(reply, 'uitvaart', 'Datum en tijdslot', `${alert('warning', 'Kies eerst een begraafplaats; de tijdsloten horen bij de begraafplaats.')}${paragraph(link(aanvraagPath(a, 'begraafplaats'), 'Begraafplaats kiezen'))}`, status === 200 ? 200 : status);
    }
    const begraafplaats = await sources.begraafplaatsen.begraafplaats(a.begraafplaats);
    const current = a.reservering ? await sources.begraafplaatsen.reservering(a.reservering) : undefined;
    const day = dag && /^\d{4}-\d{2}-\d{2}$/.test(dag) ? dag : current ? isoDatum(new Date(current.start)) : undefined;
    let slots = '';
    if (day) {
      const tijdsloten = await sources.begraafplaatsen.tijdsloten(a.begraafplaats, day);
      slots = tijdsloten.length
        ? form(aanvraagPath(a, 'tijdslot'), `${choiceGroup({
            name: 'start',
            legend: `Tijdsloten op ${datum(`${day}T12:00:00Z`)}`,
            choices: tijdsloten.map((t) => ({ value: t.start, label: `${tijd(t.start)} – ${tijd(t.eind)}`, description: t.beschikbaar || t.start === current?.start ? undefined : 'bezet', disabled: !t.beschikbaar && t.start !== current?.start })),
            selected: current && current.status !== 'geannuleerd' ? [current.start] : [],
            error,
          })}${buttonGroup(button('Tijdslot vasthouden'))}`)
        : alert('warning', `${escape(begraafplaats.naam)} is op ${escape(datum(`${day}T12:00:00Z`))} gesloten. Kies een andere datum.`);
    }
    const body = `${error ? errorSummary({ 'start-0': error }) : ''}${await holdNotice(sources, a)}
${paragraph(`Begraafplaats: <strong>${escape(begraafplaats.naam)}</strong>. Open ${begraafplaats.openingstijden.map((o) => `${['', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'][o.weekdag]} ${o.van}–${o.tot}`).join(', ')}.`)}
${form(aanvraagPath(a, 'tijdslot'), `${textField({ name: 'datum', label: 'Datum van de begrafenis', type: 'date', value: day ?? '' })}${buttonGroup(button('Tijdsloten tonen', 'secondary'))}`, { method: 'get', label: 'Datum kiezen' })}
${slots}${backLink(a)}`;
    return show(reply, 'uitvaart', 'Datum en tijdslot', body, status);
  };

  app.get<{ Params: { uuid: string }; Querystring: { datum?: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/tijdslot`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (a) return safely(reply, 'Datum en tijdslot', () => tijdslotPage(reply, a, request.query.datum), aanvraagPath(a));
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${UITVAART_PATH}/aanvragen/:uuid/tijdslot`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const start = request.body?.start;
    const dag = start ? isoDatum(new Date(start)) : undefined;
    if (!start || Number.isNaN(Date.parse(start))) return safely(reply, 'Datum en tijdslot', () => tijdslotPage(reply, a, dag, 'Kies een tijdslot.', 400));
    const sources = ctx.sources();
    try {
      const current = a.reservering ? await sources.begraafplaatsen.reservering(a.reservering) : undefined;
      const stillHeld = current && current.status === 'voorlopig' && (!current.verlooptOp || new Date(current.verlooptOp) > new Date());
      if (stillHeld) {
        if (current.start !== start) await sources.begraafplaatsen.wijzig(current.url, { start });
      } else {
        const r = await sources.begraafplaatsen.reserveer({ begraafplaats: a.begraafplaats!, start, ...(a.grafplaats ? { grafplaats: a.grafplaats } : {}) });
        await store.update(a.uuid, { reservering: r.url });
      }
      return reply.redirect(aanvraagPath(a), 303);
    } catch (error) {
      const m = message(error);
      if (m.status === 500) throw error;
      return safely(reply, 'Datum en tijdslot', () => tijdslotPage(reply, a, dag, m.text, m.status));
    }
  });

  // Steps 3 and 4: a person by BSN from the BRP, only the fields the step needs; only the BSN is kept.
  const persoonStep = (step: 'overledene' | 'rechthebbende') => {
    const title = step === 'overledene' ? 'Overledene' : 'Rechthebbende';
    const fields = step === 'overledene' ? OVERLEDENE_FIELDS : RECHTHEBBENDE_FIELDS;
    const bsnOf = (a: Aanvraag) => (step === 'overledene' ? a.bsnOverledene : a.bsnRechthebbende);
    const describe = (p: Persoon) =>
      dataList([
        ['Naam', escape(volledigeNaam(p))],
        ['Burgerservicenummer', escape(p.burgerservicenummer ?? '')],
        ...(step === 'overledene'
          ? ([
              ['Geboortedatum', escape(p.geboorte?.datum?.langFormaat ?? p.geboorte?.datum?.datum ?? 'onbekend')],
              ['Datum van overlijden', escape(p.overlijden?.datum?.langFormaat ?? p.overlijden?.datum?.datum ?? 'onbekend')],
            ] as [string, string][])
          : ([['Adres', escape([p.adressering?.adresregel1, p.adressering?.adresregel2].filter(Boolean).join(', ') || 'onbekend')]] as [string, string][])),
      ]);
    const render = async (reply: FastifyReply, a: Aanvraag, value?: string, error?: string, status = 200) => {
      const bsn = bsnOf(a);
      const known = bsn && !error ? await ctx.sources().brp.persoon(bsn, fields) : undefined;
      const intro = step === 'overledene' ? 'Vul het burgerservicenummer van de overledene in. De gegevens komen uit de Basisregistratie Personen; de Begrafenisplanner bewaart alleen het nummer.' : 'De rechthebbende krijgt het recht op het graf. Vul het burgerservicenummer in; de gegevens komen uit de Basisregistratie Personen.';
      const body = `${error ? errorSummary({ bsn: error }) : ''}${known ? `${alert('ok', `Gevonden in de BRP: ${escape(volledigeNaam(known))}.`)}${describe(known)}` : ''}
${paragraph(intro)}
${form(aanvraagPath(a, step), `${textField({ name: 'bsn', label: 'Burgerservicenummer', inputmode: 'numeric', maxlength: 9, value: value ?? bsn ?? '', error, hint: '9 cijfers' })}${buttonGroup(button(known ? 'Ander nummer opzoeken' : 'Opzoeken en bewaren'))}`)}
${backLink(a)}`;
      return show(reply, 'uitvaart', title, body, status);
    };
    app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/${step}`, async (request, reply) => {
      const a = await load(reply, request.params.uuid);
      if (a) return safely(reply, title, () => render(reply, a), aanvraagPath(a));
    });
    app.post<{ Params: { uuid: string }; Body: Body }>(`${UITVAART_PATH}/aanvragen/:uuid/${step}`, async (request, reply) => {
      const a = await load(reply, request.params.uuid);
      if (!a) return;
      const bsn = String(request.body?.bsn ?? '').replace(/\s/g, '');
      return safely(reply, title, async () => {
        if (!/^\d{9}$/.test(bsn) || !isValidBsn(bsn)) return render(reply, a, bsn, 'Vul een geldig burgerservicenummer van 9 cijfers in.', 400);
        const persoon = await ctx.sources().brp.persoon(bsn, fields);
        if (!persoon) return render(reply, a, bsn, 'Er is geen persoon met dit burgerservicenummer gevonden in de BRP.', 404);
        if (step === 'overledene' && !persoon.overlijden) return render(reply, a, bsn, 'Volgens de BRP is deze persoon niet overleden. Controleer het burgerservicenummer.', 409);
        await store.update(a.uuid, step === 'overledene' ? { bsnOverledene: bsn } : { bsnRechthebbende: bsn });
        return reply.redirect(aanvraagPath(a, step), 303);
      }, aanvraagPath(a));
    });
  };
  persoonStep('overledene');
  persoonStep('rechthebbende');

  // Step 5: extra products and services.
  app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/extra`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const body = `${form(aanvraagPath(a, 'extra'), `${choiceGroup({ name: 'product', legend: 'Wat wilt u er nog bij?', multiple: true, choices: PRODUCTEN.map((p) => ({ value: p.code, label: p.naam, description: p.omschrijving })), selected: a.producten })}${buttonGroup(button('Bewaren'))}`)}${backLink(a)}`;
    return show(reply, 'uitvaart', 'Extra producten en diensten', body);
  });
  app.post<{ Params: { uuid: string }; Body: Body & { product?: string | string[] } }>(`${UITVAART_PATH}/aanvragen/:uuid/extra`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const chosen = [request.body?.product ?? []].flat().filter((c) => PRODUCTEN.some((p) => p.code === c));
    await store.update(a.uuid, { producten: chosen });
    return reply.redirect(aanvraagPath(a), 303);
  });

  // Step 6: the verlof tot begraven, uploaded to the Documenten API at once; only its URL is kept.
  const verlofPage = (reply: FastifyReply, a: Aanvraag, error?: string, status = 200) =>
    show(
      reply,
      'uitvaart',
      'Verlof tot begraven',
      `${error ? errorSummary({ verlof: error }) : ''}${a.verlof ? alert('ok', 'Het verlof tot begraven is toegevoegd. U kunt het vervangen door een ander bestand.') : ''}
${paragraph('Voeg het verlof tot begraven van de ambtenaar van de burgerlijke stand toe (PDF of foto).')}
${form(aanvraagPath(a, 'verlof'), `${fileField({ name: 'verlof', label: 'Verlof tot begraven', hint: `PDF, PNG of JPEG, hoogstens ${UPLOAD.maxBytes / 1024 / 1024} MB.`, error })}${buttonGroup(button('Toevoegen'))}`, { multipart: true })}
${backLink(a)}`,
      status,
    );
  app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/verlof`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (a) return verlofPage(reply, a);
  });
  app.post<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/verlof`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const [file] = uploaded(request, 'verlof');
    if (!file) return verlofPage(reply, a, 'Kies een bestand met het verlof tot begraven.', 400);
    const fout = uploadFout(file);
    if (fout) return verlofPage(reply, a, fout, 400);
    return safely(reply, 'Verlof tot begraven', async () => {
      await store.update(a.uuid, { verlof: await maakDocument(ctx.sources(), ctx.organisaties, 'verlof', file) });
      return reply.redirect(aanvraagPath(a), 303);
    }, aanvraagPath(a));
  });

  // Step 7: other attachments (Bijlage begrafenis), several at once, each made in Documenten at upload like the verlof.
  /** The bijlagen already added, fetched from the Documenten API. */
  const bijlagenRows = async (a: Aanvraag) => {
    const sources = ctx.sources();
    return Promise.all(a.bijlagen.map(async (url) => {
      const io = await sources.documenten.informatieobject(url);
      return [escape(io.titel), escape(io.bestandsnaam), escape(`${Math.ceil(io.bestandsomvang / 1024)} kB`)];
    }));
  };
  const bijlagenPage = async (reply: FastifyReply, a: Aanvraag, error?: string, status = 200) => {
    const rows = await bijlagenRows(a);
    const vol = a.bijlagen.length >= UPLOAD.maxBijlagen;
    return show(
      reply,
      'uitvaart',
      'Andere bijlagen',
      `${error ? errorSummary({ bijlage: error }) : ''}
${paragraph('Voeg andere stukken toe die de gemeente nodig heeft, bijvoorbeeld een machtiging van de rechthebbende of een tekening van het grafmonument. Dit is niet verplicht.')}
${rows.length ? table('Toegevoegde bijlagen', ['Bijlage', 'Bestand', 'Grootte'], rows) : paragraph('Er zijn nog geen bijlagen toegevoegd.')}
${vol ? alert('info', `U heeft het grootste aantal bijlagen toegevoegd (${UPLOAD.maxBijlagen}).`) : form(aanvraagPath(a, 'bijlagen'), `${fileField({ name: 'bijlage', label: 'Bijlagen', hint: `U kunt meer bestanden tegelijk kiezen: PDF, PNG of JPEG, hoogstens ${UPLOAD.maxBytes / 1024 / 1024} MB per bestand en ${UPLOAD.maxBijlagen} bijlagen in totaal.`, error, multiple: true })}${buttonGroup(button('Toevoegen'))}`, { multipart: true })}
${backLink(a)}`,
      status,
    );
  };
  app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/bijlagen`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (a) return safely(reply, 'Andere bijlagen', () => bijlagenPage(reply, a), aanvraagPath(a));
  });
  app.post<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/bijlagen`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    const files = uploaded(request, 'bijlage');
    return safely(reply, 'Andere bijlagen', async () => {
      if (a.ingediend) return reply.redirect(aanvraagPath(a), 303);
      if (!files.length) return bijlagenPage(reply, a, 'Kies een of meer bestanden om toe te voegen.', 400);
      // All files checked before any is stored: one wrong file adds none.
      const fout = files.map(uploadFout).find(Boolean);
      if (fout) return bijlagenPage(reply, a, fout, 400);
      if (a.bijlagen.length + files.length > UPLOAD.maxBijlagen) return bijlagenPage(reply, a, `U kunt hoogstens ${UPLOAD.maxBijlagen} bijlagen toevoegen; er kunnen er nog ${UPLOAD.maxBijlagen - a.bijlagen.length} bij.`, 400);
      let bijlagen = a.bijlagen;
      for (const file of files) {
        // Kept after each one, so a source failing half-way loses no bijlage already made.
        bijlagen = [...bijlagen, await maakDocument(ctx.sources(), ctx.organisaties, 'bijlage', file)];
        await store.update(a.uuid, { bijlagen });
      }
      return reply.redirect(aanvraagPath(a, 'bijlagen'), 303);
    }, aanvraagPath(a));
  });

  // Check and submit: everything fetched from the sources now, then one button.
  const controlePage = async (reply: FastifyReply, a: Aanvraag, error?: string, status = 200) => {
    const sources = ctx.sources();
    const missing = ontbreekt(a);
    const [begraafplaats, grafsoort, graf, reservering, overledene, rechthebbende] = await Promise.all([
      a.begraafplaats ? sources.begraafplaatsen.begraafplaats(a.begraafplaats) : undefined,
      a.grafsoort ? sources.begraafplaatsen.grafsoort(a.grafsoort) : undefined,
      a.grafplaats ? grafOmschrijving(sources, a.grafplaats) : undefined,
      a.reservering ? sources.begraafplaatsen.reservering(a.reservering) : undefined,
      a.bsnOverledene ? sources.brp.persoon(a.bsnOverledene, OVERLEDENE_FIELDS) : undefined,
      a.bsnRechthebbende ? sources.brp.persoon(a.bsnRechthebbende, RECHTHEBBENDE_FIELDS) : undefined,
    ]);
    const bijlagen = await bijlagenRows(a);
    const change = (step: string) => ` ${link(aanvraagPath(a, step), 'wijzigen')}`;
    const body = `${error ? errorAlert(error) : ''}${await holdNotice(sources, a)}
${dataList([
  ['Begraafplaats', `${escape(begraafplaats?.naam ?? 'nog niet gekozen')}${change('begraafplaats')}`],
  ['Grafsoort', `${escape(grafsoort?.naam ?? 'nog niet gekozen')}`],
  ['Graf', `${escape(graf ?? 'nog niet gekozen')}`],
  ['Datum en tijd', `${reservering ? `${escape(datum(reservering.start))} om ${escape(tijd(reservering.start))}` : 'nog niet gekozen'}${change('tijdslot')}`],
  ['Overledene', `${escape(overledene ? volledigeNaam(overledene) : 'nog niet ingevuld')}${change('overledene')}`],
  ['Rechthebbende', `${escape(rechthebbende ? volledigeNaam(rechthebbende) : 'nog niet ingevuld')}${change('rechthebbende')}`],
  ['Extra', `${escape(a.producten.map((c) => PRODUCTEN.find((p) => p.code === c)?.naam ?? c).join(', ') || 'geen')}${change('extra')}`],
  ['Verlof tot begraven', `${a.verlof ? 'toegevoegd' : 'nog niet toegevoegd'}${change('verlof')}`],
  ['Andere bijlagen', `${bijlagen.map((b) => b[0]).join(', ') || 'geen'}${change('bijlagen')}`],
])}
${missing.length ? alert('warning', `Nog niet compleet: ${escape(missing.join(' '))}`) : form(aanvraagPath(a, 'indienen'), buttonGroup(button('Aanvraag indienen')))}
${backLink(a)}`;
    return show(reply, 'uitvaart', 'Controleren en indienen', body, status);
  };
  app.get<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/controle`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (a) return safely(reply, 'Controleren en indienen', () => controlePage(reply, a), aanvraagPath(a));
  });
  app.post<{ Params: { uuid: string } }>(`${UITVAART_PATH}/aanvragen/:uuid/indienen`, async (request, reply) => {
    const a = await load(reply, request.params.uuid);
    if (!a) return;
    if (a.ingediend) return reply.redirect(aanvraagPath(a), 303);
    try {
      await dienIn(ctx.sources(), store, ctx.organisaties, a);
      return reply.redirect(aanvraagPath(a), 303);
    } catch (error) {
      const m = message(error);
      if (m.status === 500) request.log.error({ err: error }, 'begrafenisplanner: indienen');
      const fresh = (await store.get(a.uuid))!;
      return safely(reply, 'Controleren en indienen', () => controlePage(reply, fresh, m.text, m.status), aanvraagPath(a));
    }
  });

}
