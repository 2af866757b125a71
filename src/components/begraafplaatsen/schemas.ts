/**
 * The Begraafplaatsen API's resources (issue #10, contract in docs/begrafenisplanner.md):
 * our own API, no VNG standard, shaped like the ZGW APIs (Dutch camelCase names, `url` and
 * `uuid` on every resource, URL references, paginated lists).
 */
import { Enum, named, Nullable, Paginated, SelfUrl, Type, Url, type Static } from '../../platform/http/schema.ts';

const Uuid = Type.String({ format: 'uuid', readOnly: true, description: 'Unieke resource identifier (UUID4).' });
const Tijd = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Lokale tijd (Europe/Amsterdam), UU:MM.' });

export const Openingstijd = named(
  'Openingstijd',
  Type.Object({
    weekdag: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO-weekdag: 1 = maandag, 7 = zondag.' }),
    van: Tijd,
    tot: Tijd,
  }),
);

export const Begraafplaats = named(
  'Begraafplaats',
  Type.Object({
    url: SelfUrl(),
    uuid: Uuid,
    naam: Type.String({ maxLength: 200 }),
    adres: Type.String({ description: 'Bezoekadres.' }),
    gemeentecode: Type.String({ description: 'CBS-gemeentecode van de gemeente die de begraafplaats beheert.' }),
    slotduur: Type.Integer({ minimum: 5, description: 'Duur van een tijdslot (een begrafenis) in minuten; tijdsloten beginnen om de slotduur vanaf het begin van de openingstijd.' }),
    openingstijden: Type.Array(Openingstijd),
    sluitingsdagen: Type.Array(Type.String({ format: 'date' }), { description: 'Dagen waarop de begraafplaats gesloten is (feestdagen).' }),
  }),
);

export const GRAFSOORT_CODES = ['particulier-graf', 'algemeen-graf', 'urnengraf', 'kindergraf'] as const;

export const Grafsoort = named(
  'Grafsoort',
  Type.Object({
    url: SelfUrl(),
    uuid: Uuid,
    code: Type.String({ description: `Een van: ${GRAFSOORT_CODES.join(', ')}.` }),
    naam: Type.String(),
    omschrijving: Type.String(),
    maximumBijzettingen: Type.Integer({ minimum: 1, description: 'Hoeveel overledenen (of urnen) het graf ten hoogste kan bevatten.' }),
  }),
);

export const Graf = named(
  'Graf',
  Type.Object({
    url: SelfUrl(),
    uuid: Uuid,
    begraafplaats: Url({ readOnly: true }),
    grafsoort: Url({ readOnly: true }),
    vak: Type.String(),
    nummer: Type.String(),
    grafplaatsen: Type.Array(Url(), { readOnly: true, description: 'De plaatsen in het graf, op volgnummer.' }),
  }),
);

export const GRAFPLAATS_STATUSSEN = ['vrij', 'gereserveerd', 'bezet'] as const;

export const Grafplaats = named(
  'Grafplaats',
  Type.Object({
    url: SelfUrl(),
    uuid: Uuid,
    graf: Url({ readOnly: true }),
    volgnummer: Type.Integer({ minimum: 1 }),
    status: Enum(GRAFPLAATS_STATUSSEN, {
      readOnly: true,
      description: 'vrij; gereserveerd: een actieve reservering (voorlopig en niet verlopen, aangevraagd of bevestigd) houdt hem vast; bezet: er is iemand begraven.',
    }),
  }),
);

export const Tijdslot = named(
  'Tijdslot',
  Type.Object({
    begraafplaats: Url(),
    start: Type.String({ format: 'date-time', description: 'Begin, met de Nederlandse offset (+01:00 of +02:00).' }),
    eind: Type.String({ format: 'date-time' }),
    beschikbaar: Type.Boolean({ description: 'Niet voorbij en niet vastgehouden door een actieve reservering.' }),
  }),
);

/** `verlopen` is never set by a client: a `voorlopig` reservation past `verlooptOp` reads so. */
export const RESERVERING_STATUSSEN = ['voorlopig', 'aangevraagd', 'bevestigd', 'geannuleerd', 'verlopen'] as const;
export type ReserveringStatus = (typeof RESERVERING_STATUSSEN)[number];

const START = Type.String({
  format: 'date-time',
  description: 'Begin van het tijdslot. Zonder offset geldt de Nederlandse tijd (Europe/Amsterdam).',
});

export const Reservering = named(
  'Reservering',
  Type.Object({
    url: SelfUrl(),
    uuid: Uuid,
    begraafplaats: Url({ description: 'De begraafplaats.' }),
    start: START,
    eind: Type.String({ format: 'date-time', readOnly: true, description: 'start + slotduur van de begraafplaats.' }),
    grafplaats: Nullable(Url({ description: 'De gereserveerde grafplaats, als die al gekozen is.' })),
    zaak: Nullable(Url({ description: 'De zaak (Zaken API) van de aanvraag.' })),
    status: Enum(RESERVERING_STATUSSEN, {
      readOnly: true,
      description:
        'voorlopig: houdt tijdslot en grafplaats vast tot verlooptOp; aangevraagd: ingediend, verloopt niet; bevestigd: door de gemeente ingepland; geannuleerd: vrijgegeven; verlopen: voorlopig en voorbij verlooptOp (houdt niets meer vast).',
    }),
    verlooptOp: Nullable(Type.String({ format: 'date-time', readOnly: true, description: 'Tot wanneer een voorlopige reservering geldt; leeg bij andere statussen.' })),
    aanmaakdatum: Type.String({ format: 'date-time', readOnly: true }),
  }),
);
export type Reservering = Static<typeof Reservering>;

export const ReserveringCreate = named(
  'ReserveringCreate',
  Type.Object({
    begraafplaats: Url(),
    start: START,
    grafplaats: Type.Optional(Nullable(Url())),
    zaak: Type.Optional(Nullable(Url())),
  }),
);

export const PatchedReservering = named(
  'PatchedReservering',
  Type.Object({
    status: Type.Optional(Enum(['voorlopig', 'aangevraagd', 'bevestigd', 'geannuleerd'] as const, { description: 'Toegestaan: voorlopig → aangevraagd → bevestigd; voorlopig, aangevraagd of bevestigd → geannuleerd.' })),
    start: Type.Optional(START),
    grafplaats: Type.Optional(Nullable(Url())),
    zaak: Type.Optional(Nullable(Url())),
  }),
);

export const PaginatedBegraafplaatsList = named('PaginatedBegraafplaatsList', Paginated(Begraafplaats));
export const PaginatedGrafsoortList = named('PaginatedGrafsoortList', Paginated(Grafsoort));
export const PaginatedGrafList = named('PaginatedGrafList', Paginated(Graf));
export const PaginatedGrafplaatsList = named('PaginatedGrafplaatsList', Paginated(Grafplaats));
export const PaginatedReserveringList = named('PaginatedReserveringList', Paginated(Reservering));
