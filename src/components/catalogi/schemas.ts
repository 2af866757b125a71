/**
 * The schemas of the Catalogi API 1.3.3, property for property as in the official
 * `catalogi-1.3.3.yaml` (`components.schemas`): they were generated once from that document
 * (names, types, formats, enums, nullable, readOnly, required, length limits, descriptions)
 * and are maintained here by hand. Enum references are inlined with `Enum`; `oneOf` an enum
 * and `BlankEnum` becomes one enum including `''`. `*Expanded` schemas add the response-only
 * `_expand` property, documented lazily (`Lazy`) because the embedded schemas refer back to
 * the expanded ones.
 *
 * Every schema is declared, also of resources not served yet, because the `_expand` of the
 * served ones documents them.
 */
import { Enum, Lazy, named, Nullable, Type, type Static, type TSchema } from '../../platform/http/schema.ts';

/** What the standard documents as "Unspecified request body" / "Unspecified response body". */
export const Unspecified = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const BesluitType = named('BesluitType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit BESLUITTYPE behoort.", "format": "uri"}),
    zaaktypen: Type.Array(Type.String({"format": "uri"}), {"description": "ZAAKTYPE met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE", "readOnly": true, "uniqueItems": true}),
    zaaktypeIdentificaties: Type.Array(Type.String(), {"description": "De identificaties van ZAAKTYPEs met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE.", "readOnly": true, "uniqueItems": true}),
    omschrijving: Type.Optional(Type.String({"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 80})),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van BESLUITen van het BESLUITTYPE", "maxLength": 80})),
    besluitcategorie: Type.Optional(Type.String({"description": "Typering van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 40})),
    reactietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, waarbinnen verweer tegen een besluit van het besluittype mogelijk is.", "format": "duration"}))),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of BESLUITen van dit BESLUITTYPE gepubliceerd moeten worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van BESLUITen van dit BESLUITTYPE"})),
    publicatietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, dat BESLUITen van dit BESLUITTYPE gepubliceerd moeten blijven.", "format": "duration"}))),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit BESLUITTYPE."})),
    informatieobjecttypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar het INFORMATIEOBJECTTYPE van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd.", "uniqueItems": true}),
    informatieobjecttypeOmschrijvingen: Type.Array(Type.String(), {"description": "De omschrijvingen van INFORMATIEOBJECTTYPEs van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd.", "readOnly": true, "uniqueItems": true}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "Het BESLUITTYPE van besluiten die gepaard gaan met resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypenOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    vastgelegdIn: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
  }));
export type BesluitType = Static<typeof BesluitType>;

export const BesluitTypePostResponse = named('BesluitTypePostResponse', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit BESLUITTYPE behoort.", "format": "uri"}),
    zaaktypen: Type.Optional(Type.Array(Type.String({"format": "uri"}), {"description": "ZAAKTYPE met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE. Let op, dit veld is een bug en zal verwijderd worden in volgende versie. Het kan alleen de waarde [] bevatten.", "readOnly": true, "uniqueItems": true})),
    zaaktypeIdentificaties: Type.Optional(Type.Array(Type.String(), {"description": "De identificaties van ZAAKTYPEs met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE.", "readOnly": true, "uniqueItems": true})),
    omschrijving: Type.Optional(Type.String({"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 80})),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van BESLUITen van het BESLUITTYPE", "maxLength": 80})),
    besluitcategorie: Type.Optional(Type.String({"description": "Typering van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 40})),
    reactietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, waarbinnen verweer tegen een besluit van het besluittype mogelijk is.", "format": "duration"}))),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of BESLUITen van dit BESLUITTYPE gepubliceerd moeten worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van BESLUITen van dit BESLUITTYPE"})),
    publicatietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, dat BESLUITen van dit BESLUITTYPE gepubliceerd moeten blijven.", "format": "duration"}))),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit BESLUITTYPE."})),
    informatieobjecttypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar het INFORMATIEOBJECTTYPE van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd.", "uniqueItems": true}),
    informatieobjecttypeOmschrijvingen: Type.Array(Type.String(), {"description": "De omschrijvingen van INFORMATIEOBJECTTYPEs van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypeOmschrijving: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true})),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "Het BESLUITTYPE van besluiten die gepaard gaan met resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypenOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    vastgelegdIn: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
  }));
export type BesluitTypePostResponse = Static<typeof BesluitTypePostResponse>;

export const BesluitTypeExpanded = named('BesluitTypeExpanded', Type.Object({ ...BesluitType.properties, _expand: Type.Optional(Lazy((): TSchema => BesluitTypeEmbedded)) }));
export type BesluitTypeExpanded = Static<typeof BesluitTypeExpanded>;

export const Catalogus = named('Catalogus', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    domein: Type.String({"description": "Een afkorting waarmee wordt aangegeven voor welk domein in een CATALOGUS ZAAKTYPEn zijn uitgewerkt.", "maxLength": 5}),
    rsin: Type.String({"description": "Het door een kamer toegekend uniek nummer voor de INGESCHREVEN NIET-NATUURLIJK PERSOON die de eigenaar is van een CATALOGUS.", "maxLength": 9}),
    contactpersoonBeheerNaam: Type.String({"description": "De naam van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "maxLength": 40}),
    contactpersoonBeheerTelefoonnummer: Type.Optional(Type.String({"description": "Het telefoonnummer van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "maxLength": 20})),
    contactpersoonBeheerEmailadres: Type.Optional(Type.String({"description": "Het emailadres van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "format": "email", "maxLength": 254})),
    zaaktypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar ZAAKTYPEn die in deze CATALOGUS worden ontsloten.", "readOnly": true, "uniqueItems": true}),
    besluittypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar BESLUITTYPEn die in deze CATALOGUS worden ontsloten.", "readOnly": true, "uniqueItems": true}),
    besluittypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar INFORMATIEOBJECTTYPEn die in deze CATALOGUS worden ontsloten.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
    naam: Type.Optional(Nullable(Type.String({"description": "De benaming die is gegeven aan de zaaktypecatalogus.", "maxLength": 200}))),
    versie: Type.Optional(Nullable(Type.String({"description": "Versie-aanduiding van de van toepassing zijnde zaaktypecatalogus.", "maxLength": 20}))),
    begindatumVersie: Type.Optional(Nullable(Type.String({"description": "Datum waarop de versie van de zaaktypecatalogus van toepassing is geworden.", "format": "date"}))),
  }));
export type Catalogus = Static<typeof Catalogus>;

export const CatalogusExpanded = named('CatalogusExpanded', Type.Object({ ...Catalogus.properties, _expand: Type.Optional(Lazy((): TSchema => CatalogusEmbedded)) }));
export type CatalogusExpanded = Static<typeof CatalogusExpanded>;

export const EmptyObject = named('EmptyObject', Type.Object({

  }, {"description": "Leeg object. Dit wordt teruggeven indien het te expanderen veld een null waarde heeft."}));
export type EmptyObject = Static<typeof EmptyObject>;

export const InformatieObjectTypeOmschrijvingGeneriek = named('InformatieObjectTypeOmschrijvingGeneriek', Type.Object({
    informatieobjecttypeOmschrijvingGeneriek: Type.String({"description": "Algemeen gehanteerde omschrijving van het type informatieobject.", "maxLength": 80}),
    definitieInformatieobjecttypeOmschrijvingGeneriek: Type.String({"description": "Nauwkeurige beschrijving van het generieke type informatieobject", "maxLength": 255}),
    herkomstInformatieobjecttypeOmschrijvingGeneriek: Type.String({"description": "De naam van de waardenverzameling, of van de beherende organisatie daarvan, waaruit de waarde is overgenomen.", "maxLength": 12}),
    hierarchieInformatieobjecttypeOmschrijvingGeneriek: Type.String({"description": "De plaats in de rangorde van het informatieobjecttype.", "maxLength": 80}),
    opmerkingInformatieobjecttypeOmschrijvingGeneriek: Type.Optional(Nullable(Type.String({"description": "Zinvolle toelichting bij het informatieobjecttype", "maxLength": 255}))),
  }));
export type InformatieObjectTypeOmschrijvingGeneriek = Static<typeof InformatieObjectTypeOmschrijvingGeneriek>;

export const InformatieObjectType = named('InformatieObjectType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit INFORMATIEOBJECTTYPE behoort.", "format": "uri"}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "maxLength": 80}),
    vertrouwelijkheidaanduiding: Enum(["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"], {"description": "Aanduiding van de mate waarin informatieobjecten van dit INFORMATIEOBJECTTYPE voor de openbaarheid bestemd zijn.\n\nUitleg bij mogelijke waarden:\n\n* `openbaar` - Openbaar\n* `beperkt_openbaar` - Beperkt openbaar\n* `intern` - Intern\n* `zaakvertrouwelijk` - Zaakvertrouwelijk\n* `vertrouwelijk` - Vertrouwelijk\n* `confidentieel` - Confidentieel\n* `geheim` - Geheim\n* `zeer_geheim` - Zeer geheim"}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
    zaaktypen: Type.Array(Type.String({"format": "uri"}), {"description": "Lijst van URL-referenties naar de zaaktypen die gebruik maken van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
    zaaktypeIdentificaties: Type.Array(Type.String({"readOnly": true}), {"description": "Unieke identificaties van de ZAAKTYPEn binnen de CATALOGUS waarin het ZAAKTYPE voorkomt, die gebruik maken van dit INFORMATIEOBJECTTYPE.", "uniqueItems": true}),
    besluittypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar het INFORMATIEOBJECTTYPE van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd.", "readOnly": true, "uniqueItems": true}),
    besluittypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "readOnly": true, "uniqueItems": true}),
    informatieobjectcategorie: Type.String({"description": "Typering van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "maxLength": 80}),
    trefwoord: Type.Optional(Type.Array(Type.String({"maxLength": 30}), {"description": "Trefwoord(en) waarmee informatieobjecten van het INFORMATIEOBJECTTYPE kunnen worden gekarakteriseerd. (Gebruik een komma om waarden van elkaar te onderscheiden.)"})),
    omschrijvingGeneriek: Type.Optional(InformatieObjectTypeOmschrijvingGeneriek),
  }, {"description": "Serializer based on ``IOT-basis`` specified in XSD ``ztc0310_ent_basis.xsd``."}));
export type InformatieObjectType = Static<typeof InformatieObjectType>;

export const InformatieObjectTypeExpanded = named('InformatieObjectTypeExpanded', Type.Object({ ...InformatieObjectType.properties, _expand: Type.Optional(Lazy((): TSchema => InformatieObjectTypeEmbedded)) }));
export type InformatieObjectTypeExpanded = Static<typeof InformatieObjectTypeExpanded>;

export const BrondatumArchiefprocedure = named('BrondatumArchiefprocedure', Nullable(Type.Object({
    afleidingswijze: Enum(["afgehandeld", "ander_datumkenmerk", "eigenschap", "gerelateerde_zaak", "hoofdzaak", "ingangsdatum_besluit", "termijn", "vervaldatum_besluit", "zaakobject"], {"description": "Wijze van bepalen van de brondatum.\n\nUitleg bij mogelijke waarden:\n\n* `afgehandeld` - (Afgehandeld) De termijn start op de datum waarop de zaak is afgehandeld (ZAAK.Einddatum in het RGBZ).\n* `ander_datumkenmerk` - (Ander datumkenmerk) De termijn start op de datum die is vastgelegd in een ander datumveld dan de datumvelden waarop de overige waarden (van deze attribuutsoort) betrekking hebben. `Objecttype`, `Registratie` en `Datumkenmerk` zijn niet leeg.\n* `eigenschap` - (Eigenschap) De termijn start op de datum die vermeld is in een zaaktype-specifieke eigenschap (zijnde een `datumveld`). `ResultaatType.ZaakType` heeft een `Eigenschap`; `Objecttype`, en `Datumkenmerk` zijn niet leeg.\n* `gerelateerde_zaak` - (Gerelateerde zaak) De termijn start op de datum waarop de gerelateerde zaak is afgehandeld (`ZAAK.Einddatum` of `ZAAK.Gerelateerde_zaak.Einddatum` in het RGBZ). `ResultaatType.ZaakType` heeft gerelateerd `ZaakType`\n* `hoofdzaak` - (Hoofdzaak) De termijn start op de datum waarop de gerelateerde zaak is afgehandeld, waarvan de zaak een deelzaak is (`ZAAK.Einddatum` van de hoofdzaak in het RGBZ). ResultaatType.ZaakType is deelzaaktype van ZaakType.\n* `ingangsdatum_besluit` - (Ingangsdatum besluit) De termijn start op de datum waarop het besluit van kracht wordt (`BESLUIT.Ingangsdatum` in het RGBZ).\tResultaatType.ZaakType heeft relevant BesluitType\n* `termijn` - (Termijn) De termijn start een vast aantal jaren na de datum waarop de zaak is afgehandeld (`ZAAK.Einddatum` in het RGBZ).\n* `vervaldatum_besluit` - (Vervaldatum besluit) De termijn start op de dag na de datum waarop het besluit vervalt (`BESLUIT.Vervaldatum` in het RGBZ). ResultaatType.ZaakType heeft relevant BesluitType\n* `zaakobject` - (Zaakobject) De termijn start op de einddatum geldigheid van het zaakobject waarop de zaak betrekking heeft (bijvoorbeeld de overlijdendatum van een Persoon). M.b.v. de attribuutsoort `Objecttype` wordt vastgelegd om welke zaakobjecttype het gaat; m.b.v. de attribuutsoort `Datumkenmerk` wordt vastgelegd welke datum-attribuutsoort van het zaakobjecttype het betreft."}),
    datumkenmerk: Type.Optional(Type.String({"description": "Naam van de attribuutsoort van het procesobject dat bepalend is voor het einde van de procestermijn.", "maxLength": 80})),
    einddatumBekend: Type.Optional(Type.Boolean({"description": "Indicatie dat de einddatum van het procesobject gedurende de uitvoering van de zaak bekend moet worden. Indien deze nog niet bekend is en deze waarde staat op `true`, dan kan de zaak (nog) niet afgesloten worden."})),
    objecttype: Type.Optional(Enum(["adres", "besluit", "buurt", "enkelvoudig_document", "gemeente", "gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement", "kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit", "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel", "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats", "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht", "overige", ""], {"description": "Het soort object in de registratie dat het procesobject representeert.\n\nUitleg bij mogelijke waarden:\n\n* `adres` - Adres\n* `besluit` - Besluit\n* `buurt` - Buurt\n* `enkelvoudig_document` - Enkelvoudig document\n* `gemeente` - Gemeente\n* `gemeentelijke_openbare_ruimte` - Gemeentelijke openbare ruimte\n* `huishouden` - Huishouden\n* `inrichtingselement` - Inrichtingselement\n* `kadastrale_onroerende_zaak` - Kadastrale onroerende zaak\n* `kunstwerkdeel` - Kunstwerkdeel\n* `maatschappelijke_activiteit` - Maatschappelijke activiteit\n* `medewerker` - Medewerker\n* `natuurlijk_persoon` - Natuurlijk persoon\n* `niet_natuurlijk_persoon` - Niet-natuurlijk persoon\n* `openbare_ruimte` - Openbare ruimte\n* `organisatorische_eenheid` - Organisatorische eenheid\n* `pand` - Pand\n* `spoorbaandeel` - Spoorbaandeel\n* `status` - Status\n* `terreindeel` - Terreindeel\n* `terrein_gebouwd_object` - Terrein gebouwd object\n* `vestiging` - Vestiging\n* `waterdeel` - Waterdeel\n* `wegdeel` - Wegdeel\n* `wijk` - Wijk\n* `woonplaats` - Woonplaats\n* `woz_deelobject` - Woz deel object\n* `woz_object` - Woz object\n* `woz_waarde` - Woz waarde\n* `zakelijk_recht` - Zakelijk recht\n* `overige` - Overige"})),
    registratie: Type.Optional(Type.String({"description": "De naam van de registratie waarvan het procesobject deel uit maakt.", "maxLength": 80})),
    procestermijn: Type.Optional(Nullable(Type.String({"description": "De periode dat het zaakdossier na afronding van de zaak actief gebruikt en/of geraadpleegd wordt ter ondersteuning van de taakuitoefening van de organisatie. Enkel relevant indien de afleidingswijze 'termijn' is.", "format": "duration"}))),
  }, {"description": "Specificatie voor het bepalen van de brondatum voor de start van de Archiefactietermijn (=brondatum) van het zaakdossier."})));
export type BrondatumArchiefprocedure = Static<typeof BrondatumArchiefprocedure>;

export const ResultaatType = named('ResultaatType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE van ZAAKen waarin resultaten van dit RESULTAATTYPE bereikt kunnen worden.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "maxLength": 30}),
    resultaattypeomschrijving: Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van resultaten van het RESULTAATTYPE. Dit moet een URL-referentie zijn naar de referenlijst van generieke resultaattypeomschrijvingen. Im ImZTC heet dit 'omschrijving generiek'", "format": "uri", "maxLength": 1000}),
    omschrijvingGeneriek: Type.String({"description": "Waarde van de omschrijving-generiek referentie (attribuut `omschrijving`)", "readOnly": true}),
    selectielijstklasse: Type.String({"description": "URL-referentie naar de, voor het archiefregime bij het RESULTAATTYPE relevante, categorie in de Selectielijst Archiefbescheiden (RESULTAAT in de Selectielijst API) van de voor het ZAAKTYPE verantwoordelijke overheidsorganisatie.", "format": "uri", "maxLength": 1000}),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op dit RESULTAATTYPE en het belang hiervan voor ZAAKen waarin een resultaat van dit RESULTAATTYPE wordt geselecteerd."})),
    archiefnominatie: Type.Optional(Enum(["blijvend_bewaren", "vernietigen", ""], {"description": "Aanduiding die aangeeft of ZAAKen met een resultaat van dit RESULTAATTYPE blijvend moeten worden bewaard of (op termijn) moeten worden vernietigd. Indien niet expliciet opgegeven wordt dit gevuld vanuit de selectielijst.\n\nUitleg bij mogelijke waarden:\n\n* `blijvend_bewaren` - Het zaakdossier moet bewaard blijven en op de Archiefactiedatum overgedragen worden naar een archiefbewaarplaats.\n* `vernietigen` - Het zaakdossier moet op of na de Archiefactiedatum vernietigd worden."})),
    archiefactietermijn: Type.Optional(Nullable(Type.String({"description": "De termijn, na het vervallen van het bedrjfsvoeringsbelang, waarna het zaakdossier (de ZAAK met alle bijbehorende INFORMATIEOBJECTen) van een ZAAK met een resultaat van dit RESULTAATTYPE vernietigd of overgebracht (naar een archiefbewaarplaats) moet worden. Voor te vernietigen dossiers betreft het de in die Selectielijst genoemde bewaartermjn. Voor blijvend te bewaren zaakdossiers betreft het de termijn vanaf afronding van de zaak tot overbrenging (de procestermijn is dan nihil).", "format": "duration"}))),
    brondatumArchiefprocedure: Type.Optional(Nullable(BrondatumArchiefprocedure)),
    procesobjectaard: Type.Optional(Nullable(Type.String({"description": "Omschrijving van het object, subject of gebeurtenis waarop, vanuit archiveringsoptiek, het resultaattype bij zaken van dit type betrekking heeft.", "maxLength": 200}))),
    catalogus: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit RESULTAATTYPE behoort. Let op, dit veld is verouderd, maar als je het meegeeft dan moet er naar dezelfde catalogus worden verwezen als die van het zaaktype.", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    indicatieSpecifiek: Type.Optional(Nullable(Type.Boolean({"description": "Aanduiding of het, vanuit archiveringsoptiek, een resultaattype betreft dat specifiek is voor een bepaalde procesobjectaard."}))),
    procestermijn: Type.Optional(Nullable(Type.String({"description": "De periode dat het zaakdossier na afronding van de zaak actief gebruikt en/of geraadpleegd wordt ter ondersteuning van de taakuitoefening van de organisatie.", "format": "duration"}))),
    besluittypen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"uniqueItems": true})),
    besluittypeOmschrijving: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "readOnly": true, "uniqueItems": true})),
    informatieobjecttypen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"description": "De INFORMATIEOBJECTTYPEn die verplicht aanwezig moeten zijn in het zaakdossier van ZAAKen van dit ZAAKTYPE voordat een resultaat van dit RESULTAATTYPE kan worden gezet.", "uniqueItems": true})),
    informatieobjecttypeOmschrijving: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true})),
  }, {"description": "Set gegevensgroepdata from validated nested data. Usage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type ResultaatType = Static<typeof ResultaatType>;

export const ResultaatTypeExpanded = named('ResultaatTypeExpanded', Type.Object({ ...ResultaatType.properties, _expand: Type.Optional(Lazy((): TSchema => ResultaatTypeEmbedded)) }));
export type ResultaatTypeExpanded = Static<typeof ResultaatTypeExpanded>;

export const BronCatalogus = named('BronCatalogus', Type.Object({
    url: Type.String({"format": "uri", "maxLength": 200}),
    domein: Type.String({"description": "Het domein van de CATALOGUS waaraan het ZAAKTYPE is ontleend.", "maxLength": 5}),
    rsin: Type.String({"description": "Het RSIN van de INGESCHREVEN NIET-NATUURLIJK PERSOON die beheerder is van de CATALOGUS waaraan het ZAAKTYPE is ontleend.", "maxLength": 9}),
  }, {"description": "De CATALOGUS waaraan het ZAAKTYPE is ontleend."}));
export type BronCatalogus = Static<typeof BronCatalogus>;

export const BronZaaktype = named('BronZaaktype', Type.Object({
    url: Type.String({"format": "uri", "maxLength": 200}),
    identificatie: Type.String({"description": "De Zaaktype-identificatie van het bronzaaktype binnen de CATALOGUS.", "maxLength": 50}),
    omschrijving: Type.String({"description": "De Zaaktype-omschrijving van het bronzaaktype, zoals gehanteerd in de Broncatalogus.", "maxLength": 80}),
  }, {"description": "Het zaaktype binnen de CATALOGUS waaraan dit ZAAKTYPE is ontleend."}));
export type BronZaaktype = Static<typeof BronZaaktype>;

export const ReferentieProces = named('ReferentieProces', Type.Object({
    naam: Type.String({"description": "De naam van het Referentieproces.", "maxLength": 80}),
    link: Type.Optional(Type.String({"description": "De URL naar de beschrijving van het Referentieproces", "format": "uri", "maxLength": 200})),
  }, {"description": "Het Referentieproces dat ten grondslag ligt aan dit ZAAKTYPE."}));
export type ReferentieProces = Static<typeof ReferentieProces>;

export const ZaakTypenRelatie = named('ZaakTypenRelatie', Type.Object({
    zaaktype: Type.String({"description": "URL referentie naar het gerelateerde zaaktype, mogelijks in een extern ZTC.", "format": "uri", "maxLength": 200}),
    zaaktypeIdentificatie: Type.String({"description": "Identificatie van het gerelateerde zaaktype.", "readOnly": true}),
    aardRelatie: Enum(["vervolg", "bijdrage", "onderwerp"], {"description": "Omschrijving van de aard van de relatie van zaken van het ZAAKTYPE tot zaken van het andere ZAAKTYPE\n\nUitleg bij mogelijke waarden:\n\n* `vervolg` - Vervolg\n* `bijdrage` - Bijdrage\n* `onderwerp` - Onderwerp"}),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op de aard van de relatie tussen beide ZAAKTYPEN.", "maxLength": 255})),
  }));
export type ZaakTypenRelatie = Static<typeof ZaakTypenRelatie>;

export const ZaakType = named('ZaakType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    identificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "maxLength": 50}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van ZAAKen van het ZAAKTYPE.", "maxLength": 80}),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van ZAAKen van het ZAAKTYPE", "maxLength": 80})),
    vertrouwelijkheidaanduiding: Enum(["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"], {"description": "Aanduiding van de mate waarin zaakdossiers van ZAAKen van dit ZAAKTYPE voor de openbaarheid bestemd zijn. Indien de zaak bij het aanmaken geen vertrouwelijkheidaanduiding krijgt, dan wordt deze waarde gezet.\n\nUitleg bij mogelijke waarden:\n\n* `openbaar` - Openbaar\n* `beperkt_openbaar` - Beperkt openbaar\n* `intern` - Intern\n* `zaakvertrouwelijk` - Zaakvertrouwelijk\n* `vertrouwelijk` - Vertrouwelijk\n* `confidentieel` - Confidentieel\n* `geheim` - Geheim\n* `zeer_geheim` - Zeer geheim"}),
    doel: Type.String({"description": "Een omschrijving van hetgeen beoogd is te bereiken met een zaak van dit zaaktype."}),
    aanleiding: Type.String({"description": "Een omschrijving van de gebeurtenis die leidt tot het starten van een ZAAK van dit ZAAKTYPE."}),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit zaaktype, zoals een beschrijving van het procesverloop op de hoofdlijnen."})),
    indicatieInternOfExtern: Enum(["intern", "extern"], {"description": "Een aanduiding waarmee onderscheid wordt gemaakt tussen ZAAKTYPEn die Intern respectievelijk Extern geïnitieerd worden. Indien van beide sprake kan zijn, dan prevaleert de externe initiatie."}),
    handelingInitiator: Type.String({"description": "Werkwoord dat hoort bij de handeling die de initiator verricht bij dit zaaktype. Meestal 'aanvragen', 'indienen' of 'melden'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.handeling_initiator", "maxLength": 20}),
    onderwerp: Type.String({"description": "Het onderwerp van ZAAKen van dit ZAAKTYPE. In veel gevallen nauw gerelateerd aan de product- of dienstnaam uit de Producten- en Dienstencatalogus (PDC). Bijvoorbeeld: 'Evenementenvergunning', 'Geboorte', 'Klacht'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.onderwerp", "maxLength": 80}),
    handelingBehandelaar: Type.String({"description": "Werkwoord dat hoort bij de handeling die de behandelaar verricht bij het afdoen van ZAAKen van dit ZAAKTYPE. Meestal 'behandelen', 'uitvoeren', 'vaststellen' of 'onderhouden'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.handeling_behandelaar", "maxLength": 20}),
    doorlooptijd: Type.String({"description": "De periode waarbinnen volgens wet- en regelgeving een ZAAK van het ZAAKTYPE afgerond dient te zijn, in kalenderdagen.", "format": "duration"}),
    servicenorm: Type.Optional(Nullable(Type.String({"description": "De periode waarbinnen verwacht wordt dat een ZAAK van het ZAAKTYPE afgerond wordt conform de geldende servicenormen van de zaakbehandelende organisatie(s).", "format": "duration"}))),
    opschortingEnAanhoudingMogelijk: Type.Boolean({"description": "Aanduiding die aangeeft of ZAAKen van dit mogelijk ZAAKTYPE kunnen worden opgeschort en/of aangehouden."}),
    verlengingMogelijk: Type.Boolean({"description": "Aanduiding die aangeeft of de Doorlooptijd behandeling van ZAAKen van dit ZAAKTYPE kan worden verlengd."}),
    verlengingstermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat waarmee de Doorlooptijd behandeling van ZAAKen van dit ZAAKTYPE kan worden verlengd. Mag alleen een waarde bevatten als verlenging mogelijk is.", "format": "duration"}))),
    trefwoorden: Type.Optional(Type.Array(Type.String({"maxLength": 30}), {"description": "Een trefwoord waarmee ZAAKen van het ZAAKTYPE kunnen worden gekarakteriseerd."})),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of (het starten van) een ZAAK dit ZAAKTYPE gepubliceerd moet worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van ZAAKen van dit ZAAKTYPE."})),
    verantwoordingsrelatie: Type.Optional(Type.Array(Type.String({"maxLength": 40}), {"description": "De relatie tussen ZAAKen van dit ZAAKTYPE en de beleidsmatige en/of financiële verantwoording."})),
    productenOfDiensten: Type.Array(Type.String({"format": "uri", "maxLength": 1000}), {"description": "Het product of de dienst die door ZAAKen van dit ZAAKTYPE wordt voortgebracht."}),
    selectielijstProcestype: Type.Optional(Type.String({"description": "URL-referentie naar een vanuit archiveringsoptiek onderkende groep processen met dezelfde kenmerken (PROCESTYPE in de Selectielijst API).", "format": "uri", "maxLength": 200})),
    referentieproces: ReferentieProces,
    verantwoordelijke: Type.String({"description": "De (soort) organisatorische eenheid of (functie van) medewerker die verantwoordelijk is voor de uitvoering van zaken van het ZAAKTYPE.", "maxLength": 50}),
    zaakobjecttypen: Type.Array(Type.String({"format": "uri"}), {"readOnly": true, "uniqueItems": true}),
    broncatalogus: Type.Optional(BronCatalogus),
    bronzaaktype: Type.Optional(BronZaaktype),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ZAAKTYPE behoort.", "format": "uri"}),
    statustypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de STATUSTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de RESULTAATTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    eigenschappen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de EIGENSCHAPPEN die aanwezig moeten zijn in ZAKEN van dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de INFORMATIEOBJECTTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true}),
    informatieobjecttypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
    roltypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de ROLTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    besluittypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de BESLUITTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "uniqueItems": true}),
    besluittypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "readOnly": true, "uniqueItems": true}),
    deelzaaktypen: Type.Array(Nullable(Type.String({"format": "uri"})), {"description": "De ZAAKTYPE(n) waaronder ZAAKen als deelzaak kunnen voorkomen bij ZAAKen van dit ZAAKTYPE.", "uniqueItems": true}),
    deelzaaktypeIdentificaties: Type.Array(Type.String({"readOnly": true}), {"description": "Unieke identificaties van de ZAAKTYPE(n) waaronder ZAAKen als deelzaak kunnen voorkomen bij ZAAKen van dit ZAAKTYPE.", "uniqueItems": true}),
    gerelateerdeZaaktypen: Type.Array(ZaakTypenRelatie, {"description": "De ZAAKTYPEn van zaken die relevant zijn voor zaken van dit ZAAKTYPE."}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    versiedatum: Type.Optional(Type.String({"description": "De datum waarop de (gewijzigde) kenmerken van het ZAAKTYPE geldig zijn geworden", "format": "date"})),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
  }, {"description": "Set gegevensgroepdata from validated nested data.\n\nUsage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type ZaakType = Static<typeof ZaakType>;

export const ZaakTypeExpanded = named('ZaakTypeExpanded', Type.Object({ ...ZaakType.properties, _expand: Type.Optional(Lazy((): TSchema => ZaakTypeEmbedded)) }));
export type ZaakTypeExpanded = Static<typeof ZaakTypeExpanded>;

export const BesluitTypeEmbedded = named('BesluitTypeEmbedded', Type.Object({
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    zaaktypen: Type.Optional(Type.Array(ZaakTypeExpanded)),
    informatieobjecttypen: Type.Optional(Type.Array(InformatieObjectTypeExpanded)),
    resultaattypen: Type.Optional(Type.Array(ResultaatTypeExpanded)),
  }));
export type BesluitTypeEmbedded = Static<typeof BesluitTypeEmbedded>;

export const BesluitTypeCreate = named('BesluitTypeCreate', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit BESLUITTYPE behoort.", "format": "uri"}),
    zaaktypen: Type.Array(Type.String({"format": "uri"}), {"description": "ZAAKTYPE met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE", "readOnly": true, "uniqueItems": true}),
    omschrijving: Type.Optional(Type.String({"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 80})),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van BESLUITen van het BESLUITTYPE", "maxLength": 80})),
    besluitcategorie: Type.Optional(Type.String({"description": "Typering van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 40})),
    reactietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, waarbinnen verweer tegen een besluit van het besluittype mogelijk is.", "format": "duration"}))),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of BESLUITen van dit BESLUITTYPE gepubliceerd moeten worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van BESLUITen van dit BESLUITTYPE"})),
    publicatietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, dat BESLUITen van dit BESLUITTYPE gepubliceerd moeten blijven.", "format": "duration"}))),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit BESLUITTYPE."})),
    informatieobjecttypen: Type.Array(Type.String(), {"description": "`Omschrijvingen` van het INFORMATIEOBJECTTYPE van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd."}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "Het BESLUITTYPE van besluiten die gepaard gaan met resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypenOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    vastgelegdIn: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
  }));
export type BesluitTypeCreate = Static<typeof BesluitTypeCreate>;

export const BesluitTypeUpdate = named('BesluitTypeUpdate', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit BESLUITTYPE behoort.", "format": "uri"}),
    zaaktypen: Type.Array(Type.String({"format": "uri"}), {"description": "ZAAKTYPE met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE", "readOnly": true, "uniqueItems": true}),
    omschrijving: Type.Optional(Type.String({"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 80})),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van BESLUITen van het BESLUITTYPE", "maxLength": 80})),
    besluitcategorie: Type.Optional(Type.String({"description": "Typering van de aard van BESLUITen van het BESLUITTYPE.", "maxLength": 40})),
    reactietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, waarbinnen verweer tegen een besluit van het besluittype mogelijk is.", "format": "duration"}))),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of BESLUITen van dit BESLUITTYPE gepubliceerd moeten worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van BESLUITen van dit BESLUITTYPE"})),
    publicatietermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat, gerekend vanaf de verzend- of publicatiedatum, dat BESLUITen van dit BESLUITTYPE gepubliceerd moeten blijven.", "format": "duration"}))),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit BESLUITTYPE."})),
    informatieobjecttypen: Type.Array(Type.String(), {"description": "`Omschrijvingen` van het INFORMATIEOBJECTTYPE van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd."}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "Het BESLUITTYPE van besluiten die gepaard gaan met resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypenOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true}),
    vastgelegdIn: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
  }));
export type BesluitTypeUpdate = Static<typeof BesluitTypeUpdate>;

export const CatalogusUpdate = named('CatalogusUpdate', Type.Object({
    domein: Type.String({"description": "Een afkorting waarmee wordt aangegeven voor welk domein in een CATALOGUS ZAAKTYPEn zijn uitgewerkt.", "maxLength": 5}),
    rsin: Type.String({"description": "Het door een kamer toegekend uniek nummer voor de INGESCHREVEN NIET-NATUURLIJK PERSOON die de eigenaar is van een CATALOGUS.", "maxLength": 9}),
    contactpersoonBeheerNaam: Type.String({"description": "De naam van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "maxLength": 40}),
    contactpersoonBeheerTelefoonnummer: Type.Optional(Type.String({"description": "Het telefoonnummer van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "maxLength": 20})),
    contactpersoonBeheerEmailadres: Type.Optional(Type.String({"description": "Het emailadres van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "format": "email", "maxLength": 254})),
    naam: Type.Optional(Nullable(Type.String({"description": "De benaming die is gegeven aan de zaaktypecatalogus.", "maxLength": 200}))),
    versie: Type.Optional(Nullable(Type.String({"description": "Versie-aanduiding van de van toepassing zijnde zaaktypecatalogus.", "maxLength": 20}))),
    begindatumVersie: Type.Optional(Nullable(Type.String({"description": "Datum waarop de versie van de zaaktypecatalogus van toepassing is geworden.", "format": "date"}))),
  }));
export type CatalogusUpdate = Static<typeof CatalogusUpdate>;

export const PatchedCatalogus = named('PatchedCatalogus', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    domein: Type.Optional(Type.String({"description": "Een afkorting waarmee wordt aangegeven voor welk domein in een CATALOGUS ZAAKTYPEn zijn uitgewerkt.", "maxLength": 5})),
    rsin: Type.Optional(Type.String({"description": "Het door een kamer toegekend uniek nummer voor de INGESCHREVEN NIET-NATUURLIJK PERSOON die de eigenaar is van een CATALOGUS.", "maxLength": 9})),
    contactpersoonBeheerNaam: Type.Optional(Type.String({"description": "De naam van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "maxLength": 40})),
    contactpersoonBeheerTelefoonnummer: Type.Optional(Type.String({"description": "Het telefoonnummer van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "maxLength": 20})),
    contactpersoonBeheerEmailadres: Type.Optional(Type.String({"description": "Het emailadres van de contactpersoon die verantwoordelijk is voor het beheer van de CATALOGUS.", "format": "email", "maxLength": 254})),
    zaaktypen: Type.Optional(Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar ZAAKTYPEn die in deze CATALOGUS worden ontsloten.", "readOnly": true, "uniqueItems": true})),
    besluittypen: Type.Optional(Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar BESLUITTYPEn die in deze CATALOGUS worden ontsloten.", "readOnly": true, "uniqueItems": true})),
    informatieobjecttypen: Type.Optional(Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar INFORMATIEOBJECTTYPEn die in deze CATALOGUS worden ontsloten.", "readOnly": true, "uniqueItems": true})),
    naam: Type.Optional(Nullable(Type.String({"description": "De benaming die is gegeven aan de zaaktypecatalogus.", "maxLength": 200}))),
    versie: Type.Optional(Nullable(Type.String({"description": "Versie-aanduiding van de van toepassing zijnde zaaktypecatalogus.", "maxLength": 20}))),
    begindatumVersie: Type.Optional(Nullable(Type.String({"description": "Datum waarop de versie van de zaaktypecatalogus van toepassing is geworden.", "format": "date"}))),
  }));
export type PatchedCatalogus = Static<typeof PatchedCatalogus>;

export const CatalogusEmbedded = named('CatalogusEmbedded', Type.Object({
    zaaktypen: Type.Optional(Type.Array(ZaakTypeExpanded)),
    besluittypen: Type.Optional(Type.Array(BesluitTypeExpanded)),
    informatieobjecttypen: Type.Optional(Type.Array(InformatieObjectTypeExpanded)),
  }));
export type CatalogusEmbedded = Static<typeof CatalogusEmbedded>;

export const CheckListItem = named('CheckListItem', Type.Object({
    itemnaam: Type.String({"description": "De betekenisvolle benaming van het checklistitem", "maxLength": 30}),
    toelichting: Type.Optional(Nullable(Type.String({"description": "Beschrijving van de overwegingen bij het controleren van het aandachtspunt", "maxLength": 1000}))),
    vraagstelling: Type.String({"description": "Een betekenisvolle vraag waaruit blijkt waarop het aandachtspunt gecontroleerd moet worden.", "maxLength": 255}),
    verplicht: Type.Optional(Type.Boolean({"description": "Het al dan niet verplicht zijn van controle van het aandachtspunt voorafgaand aan het bereiken van de status van het gerelateerde STATUSTYPE."})),
  }));
export type CheckListItem = Static<typeof CheckListItem>;

export const EigenschapSpecificatie = named('EigenschapSpecificatie', Type.Object({
    groep: Type.Optional(Type.String({"description": "Benaming van het object of groepattribuut waarvan de EIGENSCHAP een inhoudelijk gegeven specificeert.", "maxLength": 32})),
    formaat: Enum(["tekst", "getal", "datum", "datum_tijd"], {"description": "Het soort tekens waarmee waarden van de EIGENSCHAP kunnen worden vastgelegd.\n\nUitleg bij mogelijke waarden:\n\n* `tekst` - Tekst\n* `getal` - Getal\n* `datum` - Datum\n* `datum_tijd` - Datum/tijd"}),
    lengte: Type.String({"description": "Het aantal karakters (lengte) waarmee waarden van de EIGENSCHAP worden vastgelegd.", "maxLength": 14}),
    kardinaliteit: Type.String({"description": "Het aantal mogelijke voorkomens van waarden van deze EIGENSCHAP bij een zaak van het ZAAKTYPE.", "maxLength": 3}),
    waardenverzameling: Type.Optional(Type.Array(Type.String({"maxLength": 100}), {"description": "Waarden die deze EIGENSCHAP kan hebben."})),
  }));
export type EigenschapSpecificatie = Static<typeof EigenschapSpecificatie>;

export const Eigenschap = named('Eigenschap', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    naam: Type.String({"description": "De naam van de EIGENSCHAP", "maxLength": 20}),
    catalogus: Type.String({"readOnly": true, "format": "uri"}),
    definitie: Type.String({"description": "De beschrijving van de betekenis van deze EIGENSCHAP", "maxLength": 255}),
    specificatie: EigenschapSpecificatie,
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op deze EIGENSCHAP en het belang hiervan voor zaken van dit ZAAKTYPE.", "maxLength": 1000})),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE van de ZAAKen waarvoor deze EIGENSCHAP van belang is.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    statustype: Type.Optional(Nullable(Type.String({"description": "Status type moet (onder andere) deze EIGENSCHAP hebben, voordat een STATUS van het STATUSTYPE kan worden gezet.", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de EIGENSCHAP is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de EIGENSCHAP is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
  }));
export type Eigenschap = Static<typeof Eigenschap>;

export const EigenschapExpanded = named('EigenschapExpanded', Type.Object({ ...Eigenschap.properties, _expand: Type.Optional(Lazy((): TSchema => EigenschapEmbedded)) }));
export type EigenschapExpanded = Static<typeof EigenschapExpanded>;

export const StatusType = named('StatusType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    omschrijving: Type.String({"description": "Een korte, voor de initiator van de zaak relevante, omschrijving van de aard van de STATUS van zaken van een ZAAKTYPE.", "maxLength": 80}),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van STATUSsen van het STATUSTYPE", "maxLength": 80})),
    statustekst: Type.Optional(Type.String({"description": "De tekst die wordt gebruikt om de Initiator te informeren over het bereiken van een STATUS van dit STATUSTYPE bij het desbetreffende ZAAKTYPE.", "maxLength": 1000})),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE van ZAAKen waarin STATUSsen van dit STATUSTYPE bereikt kunnen worden.", "format": "uri"}),
    catalogus: Type.String({"readOnly": true, "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    volgnummer: Type.Integer({"description": "Een volgnummer voor statussen van het STATUSTYPE binnen een zaak.", "minimum": 1, "maximum": 9999}),
    isEindstatus: Type.Boolean({"description": "Geeft aan dat dit STATUSTYPE een eindstatus betreft. Dit gegeven is afgeleid uit alle STATUSTYPEn van dit ZAAKTYPE met het hoogste volgnummer.", "readOnly": true}),
    informeren: Type.Optional(Type.Boolean({"description": "Aanduiding die aangeeft of na het zetten van een STATUS van dit STATUSTYPE de Initiator moet worden geïnformeerd over de statusovergang."})),
    doorlooptijd: Type.Optional(Nullable(Type.String({"description": "De door de zaakbehandelende organisatie(s) gestelde norm voor de doorlooptijd voor het bereiken van STATUSsen van dit STATUSTYPE bij het desbetreffende ZAAKTYPE.", "format": "duration"}))),
    toelichting: Type.Optional(Nullable(Type.String({"description": "Een eventuele toelichting op dit STATUSTYPE.", "maxLength": 1000}))),
    checklistitemStatustype: Type.Optional(Type.Array(CheckListItem)),
    eigenschappen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"description": "de EIGENSCHAPpen die verplicht een waarde moeten hebben gekregen, voordat een STATUS van dit STATUSTYPE kan worden gezet.", "uniqueItems": true})),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
  }));
export type StatusType = Static<typeof StatusType>;

export const StatusTypeExpanded = named('StatusTypeExpanded', Type.Object({ ...StatusType.properties, _expand: Type.Optional(Lazy((): TSchema => StatusTypeEmbedded)) }));
export type StatusTypeExpanded = Static<typeof StatusTypeExpanded>;

export const EigenschapEmbedded = named('EigenschapEmbedded', Type.Object({
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    zaaktype: Type.Optional(Type.Union([ZaakTypeExpanded, EmptyObject])),
    statustype: Type.Optional(Type.Union([StatusTypeExpanded, EmptyObject])),
  }));
export type EigenschapEmbedded = Static<typeof EigenschapEmbedded>;

export const InformatieObjectTypeEmbedded = named('InformatieObjectTypeEmbedded', Type.Object({
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    zaaktypen: Type.Optional(Type.Array(ZaakTypeExpanded)),
    besluittypen: Type.Optional(Type.Array(BesluitTypeExpanded)),
  }));
export type InformatieObjectTypeEmbedded = Static<typeof InformatieObjectTypeEmbedded>;

export const PatchedEigenschap = named('PatchedEigenschap', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    naam: Type.Optional(Type.String({"description": "De naam van de EIGENSCHAP", "maxLength": 20})),
    catalogus: Type.Optional(Type.String({"readOnly": true, "format": "uri"})),
    definitie: Type.Optional(Type.String({"description": "De beschrijving van de betekenis van deze EIGENSCHAP", "maxLength": 255})),
    specificatie: Type.Optional(EigenschapSpecificatie),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op deze EIGENSCHAP en het belang hiervan voor zaken van dit ZAAKTYPE.", "maxLength": 1000})),
    zaaktype: Type.Optional(Type.String({"description": "URL-referentie naar het ZAAKTYPE van de ZAAKen waarvoor deze EIGENSCHAP van belang is.", "format": "uri"})),
    zaaktypeIdentificatie: Type.Optional(Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true})),
    statustype: Type.Optional(Nullable(Type.String({"description": "Status type moet (onder andere) deze EIGENSCHAP hebben, voordat een STATUS van het STATUSTYPE kan worden gezet.", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de EIGENSCHAP is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de EIGENSCHAP is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
  }));
export type PatchedEigenschap = Static<typeof PatchedEigenschap>;

export const PatchedResultaatType = named('PatchedResultaatType', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    zaaktype: Type.Optional(Type.String({"description": "URL-referentie naar het ZAAKTYPE van ZAAKen waarin resultaten van dit RESULTAATTYPE bereikt kunnen worden.", "format": "uri"})),
    zaaktypeIdentificatie: Type.Optional(Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true})),
    omschrijving: Type.Optional(Type.String({"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "maxLength": 30})),
    resultaattypeomschrijving: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van resultaten van het RESULTAATTYPE. Dit moet een URL-referentie zijn naar de referenlijst van generieke resultaattypeomschrijvingen. Im ImZTC heet dit 'omschrijving generiek'", "format": "uri", "maxLength": 1000})),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Waarde van de omschrijving-generiek referentie (attribuut `omschrijving`)", "readOnly": true})),
    selectielijstklasse: Type.Optional(Type.String({"description": "URL-referentie naar de, voor het archiefregime bij het RESULTAATTYPE relevante, categorie in de Selectielijst Archiefbescheiden (RESULTAAT in de Selectielijst API) van de voor het ZAAKTYPE verantwoordelijke overheidsorganisatie.", "format": "uri", "maxLength": 1000})),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op dit RESULTAATTYPE en het belang hiervan voor ZAAKen waarin een resultaat van dit RESULTAATTYPE wordt geselecteerd."})),
    archiefnominatie: Type.Optional(Enum(["blijvend_bewaren", "vernietigen", ""], {"description": "Aanduiding die aangeeft of ZAAKen met een resultaat van dit RESULTAATTYPE blijvend moeten worden bewaard of (op termijn) moeten worden vernietigd. Indien niet expliciet opgegeven wordt dit gevuld vanuit de selectielijst.\n\nUitleg bij mogelijke waarden:\n\n* `blijvend_bewaren` - Het zaakdossier moet bewaard blijven en op de Archiefactiedatum overgedragen worden naar een archiefbewaarplaats.\n* `vernietigen` - Het zaakdossier moet op of na de Archiefactiedatum vernietigd worden."})),
    archiefactietermijn: Type.Optional(Nullable(Type.String({"description": "De termijn, na het vervallen van het bedrjfsvoeringsbelang, waarna het zaakdossier (de ZAAK met alle bijbehorende INFORMATIEOBJECTen) van een ZAAK met een resultaat van dit RESULTAATTYPE vernietigd of overgebracht (naar een archiefbewaarplaats) moet worden. Voor te vernietigen dossiers betreft het de in die Selectielijst genoemde bewaartermjn. Voor blijvend te bewaren zaakdossiers betreft het de termijn vanaf afronding van de zaak tot overbrenging (de procestermijn is dan nihil).", "format": "duration"}))),
    brondatumArchiefprocedure: Type.Optional(Nullable(BrondatumArchiefprocedure)),
    procesobjectaard: Type.Optional(Nullable(Type.String({"description": "Omschrijving van het object, subject of gebeurtenis waarop, vanuit archiveringsoptiek, het resultaattype bij zaken van dit type betrekking heeft.", "maxLength": 200}))),
    catalogus: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit RESULTAATTYPE behoort. Let op, dit veld is verouderd, maar als het wordt meegegeven dan moet de url refereren naar dezelfde catalogus als dat van het zaaktype!", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    indicatieSpecifiek: Type.Optional(Nullable(Type.Boolean({"description": "Aanduiding of het, vanuit archiveringsoptiek, een resultaattype betreft dat specifiek is voor een bepaalde procesobjectaard."}))),
    procestermijn: Type.Optional(Nullable(Type.String({"description": "De periode dat het zaakdossier na afronding van de zaak actief gebruikt en/of geraadpleegd wordt ter ondersteuning van de taakuitoefening van de organisatie.", "format": "duration"}))),
    besluittypen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"uniqueItems": true})),
    besluittypeOmschrijving: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "readOnly": true, "uniqueItems": true})),
    informatieobjecttypen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"description": "De INFORMATIEOBJECTTYPEn die verplicht aanwezig moeten zijn in het zaakdossier van ZAAKen van dit ZAAKTYPE voordat een resultaat van dit RESULTAATTYPE kan worden gezet.", "uniqueItems": true})),
    informatieobjecttypeOmschrijving: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true})),
  }, {"description": "Set gegevensgroepdata from validated nested data.\n\nUsage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type PatchedResultaatType = Static<typeof PatchedResultaatType>;

export const PatchedRolType = named('PatchedRolType', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    zaaktype: Type.Optional(Type.String({"description": "URL-referentie naar het ZAAKTYPE waar deze ROLTYPEn betrokken kunnen zijn.", "format": "uri"})),
    zaaktypeIdentificatie: Type.Optional(Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true})),
    omschrijving: Type.Optional(Type.String({"description": "Omschrijving van de aard van de ROL.", "maxLength": 100})),
    omschrijvingGeneriek: Type.Optional(Enum(["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator"], {"description": "Algemeen gehanteerde omschrijving van de aard van de ROL.\n\nUitleg bij mogelijke waarden:\n\n* `adviseur` - (Adviseur) Kennis in dienst stellen van de behandeling van (een deel van) een zaak.\n* `behandelaar` - (Behandelaar) De vakinhoudelijke behandeling doen van (een deel van) een zaak.\n* `belanghebbende` - (Belanghebbende) Vanuit eigen en objectief belang rechtstreeks betrokken zijn bij de behandeling en/of de uitkomst van een zaak.\n* `beslisser` - (Beslisser) Nemen van besluiten die voor de uitkomst van een zaak noodzakelijk zijn.\n* `initiator` - (Initiator) Aanleiding geven tot de start van een zaak ..\n* `klantcontacter` - (Klantcontacter) Het eerste aanspreekpunt zijn voor vragen van burgers en bedrijven ..\n* `zaakcoordinator` - (Zaakcoördinator) Er voor zorg dragen dat de behandeling van de zaak in samenhang uitgevoerd wordt conform de daarover gemaakte afspraken.\n* `mede_initiator` - Mede-initiator"})),
    catalogus: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ROLTYPE behoort. Let op, dit veld is verouderd, maar als het wordt meegegeven dan moet de url refereren naar dezelfde catalogus als dat van het zaaktype!", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
  }, {"description": "Adds nested create feature"}));
export type PatchedRolType = Static<typeof PatchedRolType>;

export const PatchedStatusType = named('PatchedStatusType', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    omschrijving: Type.Optional(Type.String({"description": "Een korte, voor de initiator van de zaak relevante, omschrijving van de aard van de STATUS van zaken van een ZAAKTYPE.", "maxLength": 80})),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van STATUSsen van het STATUSTYPE", "maxLength": 80})),
    statustekst: Type.Optional(Type.String({"description": "De tekst die wordt gebruikt om de Initiator te informeren over het bereiken van een STATUS van dit STATUSTYPE bij het desbetreffende ZAAKTYPE.", "maxLength": 1000})),
    zaaktype: Type.Optional(Type.String({"description": "URL-referentie naar het ZAAKTYPE van ZAAKen waarin STATUSsen van dit STATUSTYPE bereikt kunnen worden.", "format": "uri"})),
    catalogus: Type.Optional(Type.String({"readOnly": true, "format": "uri"})),
    zaaktypeIdentificatie: Type.Optional(Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true})),
    volgnummer: Type.Optional(Type.Integer({"description": "Een volgnummer voor statussen van het STATUSTYPE binnen een zaak.", "minimum": 1, "maximum": 9999})),
    isEindstatus: Type.Optional(Type.Boolean({"description": "Geeft aan dat dit STATUSTYPE een eindstatus betreft. Dit gegeven is afgeleid uit alle STATUSTYPEn van dit ZAAKTYPE met het hoogste volgnummer.", "readOnly": true})),
    informeren: Type.Optional(Type.Boolean({"description": "Aanduiding die aangeeft of na het zetten van een STATUS van dit STATUSTYPE de Initiator moet worden geïnformeerd over de statusovergang."})),
    doorlooptijd: Type.Optional(Nullable(Type.String({"description": "De door de zaakbehandelende organisatie(s) gestelde norm voor de doorlooptijd voor het bereiken van STATUSsen van dit STATUSTYPE bij het desbetreffende ZAAKTYPE.", "format": "duration"}))),
    toelichting: Type.Optional(Nullable(Type.String({"description": "Een eventuele toelichting op dit STATUSTYPE.", "maxLength": 1000}))),
    checklistitemStatustype: Type.Optional(Type.Array(CheckListItem)),
    eigenschappen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"description": "de EIGENSCHAPpen die verplicht een waarde moeten hebben gekregen, voordat een STATUS van dit STATUSTYPE kan worden gezet.", "uniqueItems": true})),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
  }));
export type PatchedStatusType = Static<typeof PatchedStatusType>;

export const PatchedZaakObjectType = named('PatchedZaakObjectType', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    anderObjecttype: Type.Optional(Type.Boolean({"description": "Aanduiding waarmee wordt aangegeven of het ZAAKOBJECTTYPE een ander, niet in RSGB en RGBZ voorkomend, objecttype betreft."})),
    beginGeldigheid: Type.Optional(Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"})),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    objecttype: Type.Optional(Type.String({"description": "URL-referentie naar de OBJECTTYPE waartoe dit ZAAKOBJECTTYPE behoort.", "format": "uri", "maxLength": 200})),
    relatieOmschrijving: Type.Optional(Type.String({"description": "Omschrijving van de betrekking van het Objecttype op zaken van het gerelateerde ZAAKTYPE.", "maxLength": 80})),
    zaaktype: Type.Optional(Type.String({"description": "URL-referentie naar de ZAAKTYPE waartoe dit ZAAKOBJECTTYPE behoort.", "format": "uri"})),
    zaaktypeIdentificatie: Type.Optional(Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true})),
    resultaattypen: Type.Optional(Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de RESULTAATTYPEN.", "readOnly": true, "uniqueItems": true})),
    statustypen: Type.Optional(Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de STATUSTYPEN.", "readOnly": true, "uniqueItems": true})),
    catalogus: Type.Optional(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ZAAKOBJECTTYPE behoort.", "format": "uri"})),
  }));
export type PatchedZaakObjectType = Static<typeof PatchedZaakObjectType>;

export const PatchedZaakTypeInformatieObjectType = named('PatchedZaakTypeInformatieObjectType', Type.Object({
    url: Type.Optional(Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1})),
    zaaktype: Type.Optional(Type.String({"description": "URL-referentie naar het ZAAKTYPE.", "format": "uri"})),
    zaaktypeIdentificatie: Type.Optional(Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true})),
    catalogus: Type.Optional(Type.String({"readOnly": true, "format": "uri"})),
    informatieobjecttype: Type.Optional(Type.String({"maxLength": 100})),
    volgnummer: Type.Optional(Type.Integer({"description": "Uniek volgnummer van het ZAAK-INFORMATIEOBJECTTYPE binnen het ZAAKTYPE.", "minimum": 1, "maximum": 999})),
    richting: Type.Optional(Enum(["inkomend", "intern", "uitgaand"], {"description": "Aanduiding van de richting van informatieobjecten van het gerelateerde INFORMATIEOBJECTTYPE bij zaken van het gerelateerde ZAAKTYPE.\n\nUitleg bij mogelijke waarden:\n\n* `inkomend` - Inkomend\n* `intern` - Intern\n* `uitgaand` - Uitgaand"})),
    statustype: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar het STATUSTYPE waarbij deze INFORMATIEOBJECTTYPEn verplicht aanwezig moeten zijn.", "format": "uri"}))),
  }, {"description": "Represent a ZaakTypeInformatieObjectType.\n\nRelatie met informatieobjecttype dat relevant is voor zaaktype."}));
export type PatchedZaakTypeInformatieObjectType = Static<typeof PatchedZaakTypeInformatieObjectType>;

export const ResultaatTypeEmbedded = named('ResultaatTypeEmbedded', Type.Object({
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    zaaktype: Type.Optional(Type.Union([ZaakTypeExpanded, EmptyObject])),
    besluittypen: Type.Optional(Type.Array(BesluitTypeExpanded)),
    informatieobjecttypen: Type.Optional(Type.Array(InformatieObjectTypeExpanded)),
  }));
export type ResultaatTypeEmbedded = Static<typeof ResultaatTypeEmbedded>;

export const ResultaatTypeCreate = named('ResultaatTypeCreate', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE van ZAAKen waarin resultaten van dit RESULTAATTYPE bereikt kunnen worden.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "maxLength": 30}),
    resultaattypeomschrijving: Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van resultaten van het RESULTAATTYPE. Dit moet een URL-referentie zijn naar de referenlijst van generieke resultaattypeomschrijvingen. Im ImZTC heet dit 'omschrijving generiek'", "format": "uri", "maxLength": 1000}),
    omschrijvingGeneriek: Type.String({"description": "Waarde van de omschrijving-generiek referentie (attribuut `omschrijving`)", "readOnly": true}),
    selectielijstklasse: Type.String({"description": "URL-referentie naar de, voor het archiefregime bij het RESULTAATTYPE relevante, categorie in de Selectielijst Archiefbescheiden (RESULTAAT in de Selectielijst API) van de voor het ZAAKTYPE verantwoordelijke overheidsorganisatie.", "format": "uri", "maxLength": 1000}),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op dit RESULTAATTYPE en het belang hiervan voor ZAAKen waarin een resultaat van dit RESULTAATTYPE wordt geselecteerd."})),
    archiefnominatie: Type.Optional(Enum(["blijvend_bewaren", "vernietigen", ""], {"description": "Aanduiding die aangeeft of ZAAKen met een resultaat van dit RESULTAATTYPE blijvend moeten worden bewaard of (op termijn) moeten worden vernietigd. Indien niet expliciet opgegeven wordt dit gevuld vanuit de selectielijst.\n\nUitleg bij mogelijke waarden:\n\n* `blijvend_bewaren` - Het zaakdossier moet bewaard blijven en op de Archiefactiedatum overgedragen worden naar een archiefbewaarplaats.\n* `vernietigen` - Het zaakdossier moet op of na de Archiefactiedatum vernietigd worden."})),
    archiefactietermijn: Type.Optional(Nullable(Type.String({"description": "De termijn, na het vervallen van het bedrjfsvoeringsbelang, waarna het zaakdossier (de ZAAK met alle bijbehorende INFORMATIEOBJECTen) van een ZAAK met een resultaat van dit RESULTAATTYPE vernietigd of overgebracht (naar een archiefbewaarplaats) moet worden. Voor te vernietigen dossiers betreft het de in die Selectielijst genoemde bewaartermjn. Voor blijvend te bewaren zaakdossiers betreft het de termijn vanaf afronding van de zaak tot overbrenging (de procestermijn is dan nihil).", "format": "duration"}))),
    brondatumArchiefprocedure: Type.Optional(Nullable(BrondatumArchiefprocedure)),
    procesobjectaard: Type.Optional(Nullable(Type.String({"description": "Omschrijving van het object, subject of gebeurtenis waarop, vanuit archiveringsoptiek, het resultaattype bij zaken van dit type betrekking heeft.", "maxLength": 200}))),
    catalogus: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit RESULTAATTYPE behoort. Let op, dit veld is verouderd, maar als het wordt meegegeven dan moet de url refereren naar dezelfde catalogus als dat van het zaaktype!", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    indicatieSpecifiek: Type.Optional(Nullable(Type.Boolean({"description": "Aanduiding of het, vanuit archiveringsoptiek, een resultaattype betreft dat specifiek is voor een bepaalde procesobjectaard."}))),
    procestermijn: Type.Optional(Nullable(Type.String({"description": "De periode dat het zaakdossier na afronding van de zaak actief gebruikt en/of geraadpleegd wordt ter ondersteuning van de taakuitoefening van de organisatie.", "format": "duration"}))),
    besluittypen: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijvingen van de besluittypen die de resultaten van dit resultaattype als gevolg kunnen hebben.", "uniqueItems": true})),
    besluittypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijvingen van de besluittypen die de resultaten van dit resultaattype als gevolg kunnen hebben.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypen: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijvingen van de  INFORMATIEOBJECTTYPEn die verplicht aanwezig moeten zijn in het zaakdossier van ZAAKen van dit ZAAKTYPE voordat een resultaat van dit RESULTAATTYPE kan worden gezet.", "uniqueItems": true})),
    informatieobjecttypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
  }, {"description": "Set gegevensgroepdata from validated nested data. Usage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type ResultaatTypeCreate = Static<typeof ResultaatTypeCreate>;

export const ResultaatTypeUpdate = named('ResultaatTypeUpdate', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE van ZAAKen waarin resultaten van dit RESULTAATTYPE bereikt kunnen worden.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van resultaten van het RESULTAATTYPE.", "maxLength": 30}),
    resultaattypeomschrijving: Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van resultaten van het RESULTAATTYPE. Dit moet een URL-referentie zijn naar de referenlijst van generieke resultaattypeomschrijvingen. Im ImZTC heet dit 'omschrijving generiek'", "format": "uri", "maxLength": 1000}),
    omschrijvingGeneriek: Type.String({"description": "Waarde van de omschrijving-generiek referentie (attribuut `omschrijving`)", "readOnly": true}),
    selectielijstklasse: Type.String({"description": "URL-referentie naar de, voor het archiefregime bij het RESULTAATTYPE relevante, categorie in de Selectielijst Archiefbescheiden (RESULTAAT in de Selectielijst API) van de voor het ZAAKTYPE verantwoordelijke overheidsorganisatie.", "format": "uri", "maxLength": 1000}),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op dit RESULTAATTYPE en het belang hiervan voor ZAAKen waarin een resultaat van dit RESULTAATTYPE wordt geselecteerd."})),
    archiefnominatie: Type.Optional(Enum(["blijvend_bewaren", "vernietigen", ""], {"description": "Aanduiding die aangeeft of ZAAKen met een resultaat van dit RESULTAATTYPE blijvend moeten worden bewaard of (op termijn) moeten worden vernietigd. Indien niet expliciet opgegeven wordt dit gevuld vanuit de selectielijst.\n\nUitleg bij mogelijke waarden:\n\n* `blijvend_bewaren` - Het zaakdossier moet bewaard blijven en op de Archiefactiedatum overgedragen worden naar een archiefbewaarplaats.\n* `vernietigen` - Het zaakdossier moet op of na de Archiefactiedatum vernietigd worden."})),
    archiefactietermijn: Type.Optional(Nullable(Type.String({"description": "De termijn, na het vervallen van het bedrjfsvoeringsbelang, waarna het zaakdossier (de ZAAK met alle bijbehorende INFORMATIEOBJECTen) van een ZAAK met een resultaat van dit RESULTAATTYPE vernietigd of overgebracht (naar een archiefbewaarplaats) moet worden. Voor te vernietigen dossiers betreft het de in die Selectielijst genoemde bewaartermjn. Voor blijvend te bewaren zaakdossiers betreft het de termijn vanaf afronding van de zaak tot overbrenging (de procestermijn is dan nihil).", "format": "duration"}))),
    brondatumArchiefprocedure: Type.Optional(Nullable(BrondatumArchiefprocedure)),
    procesobjectaard: Type.Optional(Nullable(Type.String({"description": "Omschrijving van het object, subject of gebeurtenis waarop, vanuit archiveringsoptiek, het resultaattype bij zaken van dit type betrekking heeft.", "maxLength": 200}))),
    catalogus: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit RESULTAATTYPE behoort.", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop de RESULTAATTYPE is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    indicatieSpecifiek: Type.Optional(Nullable(Type.Boolean({"description": "Aanduiding of het, vanuit archiveringsoptiek, een resultaattype betreft dat specifiek is voor een bepaalde procesobjectaard."}))),
    procestermijn: Type.Optional(Nullable(Type.String({"description": "De periode dat het zaakdossier na afronding van de zaak actief gebruikt en/of geraadpleegd wordt ter ondersteuning van de taakuitoefening van de organisatie.", "format": "duration"}))),
    besluittypen: Type.Array(Type.String()),
    besluittypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van BESLUITen van het BESLUITTYPE.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypen: Type.Optional(Type.Array(Nullable(Type.String({"format": "uri"})), {"description": "De INFORMATIEOBJECTTYPEn die verplicht aanwezig moeten zijn in het zaakdossier van ZAAKen van dit ZAAKTYPE voordat een resultaat van dit RESULTAATTYPE kan worden gezet.", "uniqueItems": true})),
    informatieobjecttypeOmschrijving: Type.Array(Type.String(), {"description": "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.", "readOnly": true, "uniqueItems": true}),
  }, {"description": "Set gegevensgroepdata from validated nested data.\n\nUsage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type ResultaatTypeUpdate = Static<typeof ResultaatTypeUpdate>;

export const RolType = named('RolType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE waar deze ROLTYPEn betrokken kunnen zijn.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van de ROL.", "maxLength": 100}),
    omschrijvingGeneriek: Enum(["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator"], {"description": "Algemeen gehanteerde omschrijving van de aard van de ROL.\n\nUitleg bij mogelijke waarden:\n\n* `adviseur` - (Adviseur) Kennis in dienst stellen van de behandeling van (een deel van) een zaak.\n* `behandelaar` - (Behandelaar) De vakinhoudelijke behandeling doen van (een deel van) een zaak.\n* `belanghebbende` - (Belanghebbende) Vanuit eigen en objectief belang rechtstreeks betrokken zijn bij de behandeling en/of de uitkomst van een zaak.\n* `beslisser` - (Beslisser) Nemen van besluiten die voor de uitkomst van een zaak noodzakelijk zijn.\n* `initiator` - (Initiator) Aanleiding geven tot de start van een zaak ..\n* `klantcontacter` - (Klantcontacter) Het eerste aanspreekpunt zijn voor vragen van burgers en bedrijven ..\n* `zaakcoordinator` - (Zaakcoördinator) Er voor zorg dragen dat de behandeling van de zaak in samenhang uitgevoerd wordt conform de daarover gemaakte afspraken.\n* `mede_initiator` - Mede-initiator"}),
    catalogus: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ROLTYPE behoort. Let op, dit veld is verouderd, maar als je het meegeeft dan moet er naar dezelfde catalogus worden verwezen als die van het zaaktype.", "format": "uri"}))),
    beginGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}))),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
  }, {"description": "Adds nested create feature"}));
export type RolType = Static<typeof RolType>;

export const RolTypeExpanded = named('RolTypeExpanded', Type.Object({ ...RolType.properties, _expand: Type.Optional(Lazy((): TSchema => RolTypeEmbedded)) }));
export type RolTypeExpanded = Static<typeof RolTypeExpanded>;

export const RolTypeEmbedded = named('RolTypeEmbedded', Type.Object({
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    zaaktype: Type.Optional(Type.Union([ZaakTypeExpanded, EmptyObject])),
  }));
export type RolTypeEmbedded = Static<typeof RolTypeEmbedded>;

export const StatusTypeEmbedded = named('StatusTypeEmbedded', Type.Object({
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    zaaktype: Type.Optional(Type.Union([ZaakTypeExpanded, EmptyObject])),
    eigenschappen: Type.Optional(Type.Array(EigenschapExpanded)),
  }));
export type StatusTypeEmbedded = Static<typeof StatusTypeEmbedded>;

export const ZaakObjectType = named('ZaakObjectType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    anderObjecttype: Type.Boolean({"description": "Aanduiding waarmee wordt aangegeven of het ZAAKOBJECTTYPE een ander, niet in RSGB en RGBZ voorkomend, objecttype betreft."}),
    beginGeldigheid: Type.Optional(Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"})),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    objecttype: Type.String({"description": "URL-referentie naar de OBJECTTYPE waartoe dit ZAAKOBJECTTYPE behoort.", "format": "uri", "maxLength": 200}),
    relatieOmschrijving: Type.String({"description": "Omschrijving van de betrekking van het Objecttype op zaken van het gerelateerde ZAAKTYPE.", "maxLength": 80}),
    zaaktype: Type.String({"description": "URL-referentie naar de ZAAKTYPE waartoe dit ZAAKOBJECTTYPE behoort.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de RESULTAATTYPEN.", "readOnly": true, "uniqueItems": true}),
    resultaattypeOmschrijving: Type.Optional(Type.Array(Type.String(), {"description": "Omschrijving van de aard van RESULTAATen van het RESULTAATTYPE.", "readOnly": true, "uniqueItems": true})),
    statustypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de STATUSTYPEN.", "readOnly": true, "uniqueItems": true}),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ZAAKOBJECTTYPE behoort.", "format": "uri"}),
  }));
export type ZaakObjectType = Static<typeof ZaakObjectType>;

export const ZaakObjectTypeExpanded = named('ZaakObjectTypeExpanded', Type.Object({ ...ZaakObjectType.properties, _expand: Type.Optional(Lazy((): TSchema => ZaakObjectTypeEmbedded)) }));
export type ZaakObjectTypeExpanded = Static<typeof ZaakObjectTypeExpanded>;

export const ZaakObjectTypeEmbedded = named('ZaakObjectTypeEmbedded', Type.Object({
    zaaktype: Type.Optional(Type.Union([ZaakTypeExpanded, EmptyObject])),
    resultaattypen: Type.Optional(Type.Array(ResultaatTypeExpanded)),
    statustypen: Type.Optional(Type.Array(StatusTypeExpanded)),
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
  }));
export type ZaakObjectTypeEmbedded = Static<typeof ZaakObjectTypeEmbedded>;

export const ZaakTypeEmbedded = named('ZaakTypeEmbedded', Type.Object({
    zaakobjecttypen: Type.Optional(Type.Array(ZaakObjectTypeExpanded)),
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    statustypen: Type.Optional(Type.Array(StatusTypeExpanded)),
    resultaattypen: Type.Optional(Type.Array(ResultaatTypeExpanded)),
    eigenschappen: Type.Optional(Type.Array(EigenschapExpanded)),
    informatieobjecttypen: Type.Optional(Type.Array(InformatieObjectTypeExpanded)),
    roltypen: Type.Optional(Type.Array(RolTypeExpanded)),
    besluittypen: Type.Optional(Type.Array(BesluitTypeExpanded)),
    deelzaaktypen: Type.Optional(Type.Array(ZaakTypeExpanded)),
    gerelateerdeZaaktypen: Type.Optional(Type.Array(ZaakTypeExpanded)),
  }));
export type ZaakTypeEmbedded = Static<typeof ZaakTypeEmbedded>;

export const ZaakTypenRelatieCreate = named('ZaakTypenRelatieCreate', Type.Object({
    zaaktype: Type.String({"description": "`zaaktype.identificatie` naar het ZAAKTYPE."}),
    aardRelatie: Enum(["vervolg", "bijdrage", "onderwerp"], {"description": "Omschrijving van de aard van de relatie van zaken van het ZAAKTYPE tot zaken van het andere ZAAKTYPE\n\nUitleg bij mogelijke waarden:\n\n* `vervolg` - Vervolg\n* `bijdrage` - Bijdrage\n* `onderwerp` - Onderwerp"}),
    toelichting: Type.Optional(Type.String({"description": "Een toelichting op de aard van de relatie tussen beide ZAAKTYPEN.", "maxLength": 255})),
  }));
export type ZaakTypenRelatieCreate = Static<typeof ZaakTypenRelatieCreate>;

export const ZaakTypeCreate = named('ZaakTypeCreate', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    identificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "maxLength": 50}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van ZAAKen van het ZAAKTYPE.", "maxLength": 80}),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van ZAAKen van het ZAAKTYPE", "maxLength": 80})),
    vertrouwelijkheidaanduiding: Enum(["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"], {"description": "Aanduiding van de mate waarin zaakdossiers van ZAAKen van dit ZAAKTYPE voor de openbaarheid bestemd zijn. Indien de zaak bij het aanmaken geen vertrouwelijkheidaanduiding krijgt, dan wordt deze waarde gezet.\n\nUitleg bij mogelijke waarden:\n\n* `openbaar` - Openbaar\n* `beperkt_openbaar` - Beperkt openbaar\n* `intern` - Intern\n* `zaakvertrouwelijk` - Zaakvertrouwelijk\n* `vertrouwelijk` - Vertrouwelijk\n* `confidentieel` - Confidentieel\n* `geheim` - Geheim\n* `zeer_geheim` - Zeer geheim"}),
    doel: Type.String({"description": "Een omschrijving van hetgeen beoogd is te bereiken met een zaak van dit zaaktype."}),
    aanleiding: Type.String({"description": "Een omschrijving van de gebeurtenis die leidt tot het starten van een ZAAK van dit ZAAKTYPE."}),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit zaaktype, zoals een beschrijving van het procesverloop op de hoofdlijnen."})),
    indicatieInternOfExtern: Enum(["intern", "extern"], {"description": "Een aanduiding waarmee onderscheid wordt gemaakt tussen ZAAKTYPEn die Intern respectievelijk Extern geïnitieerd worden. Indien van beide sprake kan zijn, dan prevaleert de externe initiatie."}),
    handelingInitiator: Type.String({"description": "Werkwoord dat hoort bij de handeling die de initiator verricht bij dit zaaktype. Meestal 'aanvragen', 'indienen' of 'melden'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.handeling_initiator", "maxLength": 20}),
    onderwerp: Type.String({"description": "Het onderwerp van ZAAKen van dit ZAAKTYPE. In veel gevallen nauw gerelateerd aan de product- of dienstnaam uit de Producten- en Dienstencatalogus (PDC). Bijvoorbeeld: 'Evenementenvergunning', 'Geboorte', 'Klacht'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.onderwerp", "maxLength": 80}),
    handelingBehandelaar: Type.String({"description": "Werkwoord dat hoort bij de handeling die de behandelaar verricht bij het afdoen van ZAAKen van dit ZAAKTYPE. Meestal 'behandelen', 'uitvoeren', 'vaststellen' of 'onderhouden'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.handeling_behandelaar", "maxLength": 20}),
    doorlooptijd: Type.String({"description": "De periode waarbinnen volgens wet- en regelgeving een ZAAK van het ZAAKTYPE afgerond dient te zijn, in kalenderdagen.", "format": "duration"}),
    servicenorm: Type.Optional(Nullable(Type.String({"description": "De periode waarbinnen verwacht wordt dat een ZAAK van het ZAAKTYPE afgerond wordt conform de geldende servicenormen van de zaakbehandelende organisatie(s).", "format": "duration"}))),
    opschortingEnAanhoudingMogelijk: Type.Boolean({"description": "Aanduiding die aangeeft of ZAAKen van dit mogelijk ZAAKTYPE kunnen worden opgeschort en/of aangehouden."}),
    verlengingMogelijk: Type.Boolean({"description": "Aanduiding die aangeeft of de Doorlooptijd behandeling van ZAAKen van dit ZAAKTYPE kan worden verlengd."}),
    verlengingstermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat waarmee de Doorlooptijd behandeling van ZAAKen van dit ZAAKTYPE kan worden verlengd. Mag alleen een waarde bevatten als verlenging mogelijk is.", "format": "duration"}))),
    trefwoorden: Type.Optional(Type.Array(Type.String({"maxLength": 30}), {"description": "Een trefwoord waarmee ZAAKen van het ZAAKTYPE kunnen worden gekarakteriseerd."})),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of (het starten van) een ZAAK dit ZAAKTYPE gepubliceerd moet worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van ZAAKen van dit ZAAKTYPE."})),
    verantwoordingsrelatie: Type.Optional(Type.Array(Type.String({"maxLength": 40}), {"description": "De relatie tussen ZAAKen van dit ZAAKTYPE en de beleidsmatige en/of financiële verantwoording."})),
    productenOfDiensten: Type.Array(Type.String({"format": "uri", "maxLength": 1000}), {"description": "Het product of de dienst die door ZAAKen van dit ZAAKTYPE wordt voortgebracht."}),
    selectielijstProcestype: Type.Optional(Type.String({"description": "URL-referentie naar een vanuit archiveringsoptiek onderkende groep processen met dezelfde kenmerken (PROCESTYPE in de Selectielijst API).", "format": "uri", "maxLength": 200})),
    referentieproces: ReferentieProces,
    verantwoordelijke: Type.String({"description": "De (soort) organisatorische eenheid of (functie van) medewerker die verantwoordelijk is voor de uitvoering van zaken van het ZAAKTYPE.", "maxLength": 50}),
    zaakobjecttypen: Type.Array(Type.String({"format": "uri"}), {"readOnly": true, "uniqueItems": true}),
    broncatalogus: Type.Optional(BronCatalogus),
    bronzaaktype: Type.Optional(BronZaaktype),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ZAAKTYPE behoort.", "format": "uri"}),
    statustypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de STATUSTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de RESULTAATTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    eigenschappen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de EIGENSCHAPPEN die aanwezig moeten zijn in ZAKEN van dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypen: Type.String({"readOnly": true}),
    roltypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de ROLTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    besluittypen: Type.Array(Type.String(), {"description": "`Omschrijvingen` van BESLUITTYPEN die mogelijk zijn binnen dit ZAAKTYPE."}),
    deelzaaktypen: Type.Optional(Type.Array(Type.String(), {"description": "De `zaaktypen.identificaties` waaronder ZAAKen als deelzaak kunnen voorkomen bij ZAAKen van dit ZAAKTYPE."})),
    gerelateerdeZaaktypen: Type.Array(ZaakTypenRelatieCreate, {"description": "De ZAAKTYPEn van zaken die relevant zijn voor zaken van dit ZAAKTYPE."}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    versiedatum: Type.Optional(Type.String({"description": "De datum waarop de (gewijzigde) kenmerken van het ZAAKTYPE geldig zijn geworden", "format": "date"})),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
  }, {"description": "Set gegevensgroepdata from validated nested data.\n\nUsage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type ZaakTypeCreate = Static<typeof ZaakTypeCreate>;

export const ZaakTypeInformatieObjectType = named('ZaakTypeInformatieObjectType', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    zaaktype: Type.String({"description": "URL-referentie naar het ZAAKTYPE.", "format": "uri"}),
    zaaktypeIdentificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "readOnly": true}),
    catalogus: Type.String({"readOnly": true, "format": "uri"}),
    informatieobjecttype: Type.String({"description": "De waarde van het attribuut \"omschrijving\" van het INFORMATIEOBJECTTYPE. Deze waarde wordt gebruikt om het informatieobjecttype te identificeren conform het historiemodel. Let op, dit veld is GEEN URL-referentie!", "maxLength": 100}),
    volgnummer: Type.Integer({"description": "Uniek volgnummer van het ZAAK-INFORMATIEOBJECTTYPE binnen het ZAAKTYPE.", "minimum": 1, "maximum": 999}),
    richting: Enum(["inkomend", "intern", "uitgaand"], {"description": "Aanduiding van de richting van informatieobjecten van het gerelateerde INFORMATIEOBJECTTYPE bij zaken van het gerelateerde ZAAKTYPE.\n\nUitleg bij mogelijke waarden:\n\n* `inkomend` - Inkomend\n* `intern` - Intern\n* `uitgaand` - Uitgaand"}),
    statustype: Type.Optional(Nullable(Type.String({"description": "URL-referentie naar het STATUSTYPE waarbij deze INFORMATIEOBJECTTYPEn verplicht aanwezig moeten zijn.", "format": "uri"}))),
  }, {"description": "Represent a ZaakTypeInformatieObjectType.\n\nRelatie met informatieobjecttype dat relevant is voor zaaktype."}));
export type ZaakTypeInformatieObjectType = Static<typeof ZaakTypeInformatieObjectType>;

export const ZaakTypeInformatieObjectTypeExpanded = named('ZaakTypeInformatieObjectTypeExpanded', Type.Object({ ...ZaakTypeInformatieObjectType.properties, _expand: Type.Optional(Lazy((): TSchema => ZaakTypeInformatieObjectTypeEmbedded)) }));
export type ZaakTypeInformatieObjectTypeExpanded = Static<typeof ZaakTypeInformatieObjectTypeExpanded>;

export const ZaakTypeInformatieObjectTypeEmbedded = named('ZaakTypeInformatieObjectTypeEmbedded', Type.Object({
    zaaktype: Type.Optional(Type.Union([ZaakTypeExpanded, EmptyObject])),
    catalogus: Type.Optional(Type.Union([CatalogusExpanded, EmptyObject])),
    informatieobjecttype: Type.Optional(Type.Union([InformatieObjectTypeExpanded, EmptyObject])),
    statustype: Type.Optional(Type.Union([StatusTypeExpanded, EmptyObject])),
  }));
export type ZaakTypeInformatieObjectTypeEmbedded = Static<typeof ZaakTypeInformatieObjectTypeEmbedded>;

export const ZaakTypeUpdate = named('ZaakTypeUpdate', Type.Object({
    url: Type.String({"description": "URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.", "readOnly": true, "format": "uri", "maxLength": 1000, "minLength": 1}),
    identificatie: Type.String({"description": "Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.", "maxLength": 50}),
    omschrijving: Type.String({"description": "Omschrijving van de aard van ZAAKen van het ZAAKTYPE.", "maxLength": 80}),
    omschrijvingGeneriek: Type.Optional(Type.String({"description": "Algemeen gehanteerde omschrijving van de aard van ZAAKen van het ZAAKTYPE", "maxLength": 80})),
    vertrouwelijkheidaanduiding: Enum(["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"], {"description": "Aanduiding van de mate waarin zaakdossiers van ZAAKen van dit ZAAKTYPE voor de openbaarheid bestemd zijn. Indien de zaak bij het aanmaken geen vertrouwelijkheidaanduiding krijgt, dan wordt deze waarde gezet.\n\nUitleg bij mogelijke waarden:\n\n* `openbaar` - Openbaar\n* `beperkt_openbaar` - Beperkt openbaar\n* `intern` - Intern\n* `zaakvertrouwelijk` - Zaakvertrouwelijk\n* `vertrouwelijk` - Vertrouwelijk\n* `confidentieel` - Confidentieel\n* `geheim` - Geheim\n* `zeer_geheim` - Zeer geheim"}),
    doel: Type.String({"description": "Een omschrijving van hetgeen beoogd is te bereiken met een zaak van dit zaaktype."}),
    aanleiding: Type.String({"description": "Een omschrijving van de gebeurtenis die leidt tot het starten van een ZAAK van dit ZAAKTYPE."}),
    toelichting: Type.Optional(Type.String({"description": "Een eventuele toelichting op dit zaaktype, zoals een beschrijving van het procesverloop op de hoofdlijnen."})),
    indicatieInternOfExtern: Enum(["intern", "extern"], {"description": "Een aanduiding waarmee onderscheid wordt gemaakt tussen ZAAKTYPEn die Intern respectievelijk Extern geïnitieerd worden. Indien van beide sprake kan zijn, dan prevaleert de externe initiatie."}),
    handelingInitiator: Type.String({"description": "Werkwoord dat hoort bij de handeling die de initiator verricht bij dit zaaktype. Meestal 'aanvragen', 'indienen' of 'melden'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.handeling_initiator", "maxLength": 20}),
    onderwerp: Type.String({"description": "Het onderwerp van ZAAKen van dit ZAAKTYPE. In veel gevallen nauw gerelateerd aan de product- of dienstnaam uit de Producten- en Dienstencatalogus (PDC). Bijvoorbeeld: 'Evenementenvergunning', 'Geboorte', 'Klacht'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.onderwerp", "maxLength": 80}),
    handelingBehandelaar: Type.String({"description": "Werkwoord dat hoort bij de handeling die de behandelaar verricht bij het afdoen van ZAAKen van dit ZAAKTYPE. Meestal 'behandelen', 'uitvoeren', 'vaststellen' of 'onderhouden'. Zie ook het IOB model op https://www.gemmaonline.nl/index.php/Imztc_2.1/doc/attribuutsoort/zaaktype.handeling_behandelaar", "maxLength": 20}),
    doorlooptijd: Type.String({"description": "De periode waarbinnen volgens wet- en regelgeving een ZAAK van het ZAAKTYPE afgerond dient te zijn, in kalenderdagen.", "format": "duration"}),
    servicenorm: Type.Optional(Nullable(Type.String({"description": "De periode waarbinnen verwacht wordt dat een ZAAK van het ZAAKTYPE afgerond wordt conform de geldende servicenormen van de zaakbehandelende organisatie(s).", "format": "duration"}))),
    opschortingEnAanhoudingMogelijk: Type.Boolean({"description": "Aanduiding die aangeeft of ZAAKen van dit mogelijk ZAAKTYPE kunnen worden opgeschort en/of aangehouden."}),
    verlengingMogelijk: Type.Boolean({"description": "Aanduiding die aangeeft of de Doorlooptijd behandeling van ZAAKen van dit ZAAKTYPE kan worden verlengd."}),
    verlengingstermijn: Type.Optional(Nullable(Type.String({"description": "Een tijdsduur in ISO 8601 formaat waarmee de Doorlooptijd behandeling van ZAAKen van dit ZAAKTYPE kan worden verlengd. Mag alleen een waarde bevatten als verlenging mogelijk is.", "format": "duration"}))),
    trefwoorden: Type.Optional(Type.Array(Type.String({"maxLength": 30}), {"description": "Een trefwoord waarmee ZAAKen van het ZAAKTYPE kunnen worden gekarakteriseerd."})),
    publicatieIndicatie: Type.Boolean({"description": "Aanduiding of (het starten van) een ZAAK dit ZAAKTYPE gepubliceerd moet worden."}),
    publicatietekst: Type.Optional(Type.String({"description": "De generieke tekst van de publicatie van ZAAKen van dit ZAAKTYPE."})),
    verantwoordingsrelatie: Type.Optional(Type.Array(Type.String({"maxLength": 40}), {"description": "De relatie tussen ZAAKen van dit ZAAKTYPE en de beleidsmatige en/of financiële verantwoording."})),
    productenOfDiensten: Type.Array(Type.String({"format": "uri", "maxLength": 1000}), {"description": "Het product of de dienst die door ZAAKen van dit ZAAKTYPE wordt voortgebracht."}),
    selectielijstProcestype: Type.Optional(Type.String({"description": "URL-referentie naar een vanuit archiveringsoptiek onderkende groep processen met dezelfde kenmerken (PROCESTYPE in de Selectielijst API).", "format": "uri", "maxLength": 200})),
    referentieproces: ReferentieProces,
    verantwoordelijke: Type.String({"description": "De (soort) organisatorische eenheid of (functie van) medewerker die verantwoordelijk is voor de uitvoering van zaken van het ZAAKTYPE.", "maxLength": 50}),
    zaakobjecttypen: Type.Array(Type.String({"format": "uri"}), {"readOnly": true, "uniqueItems": true}),
    broncatalogus: Type.Optional(BronCatalogus),
    bronzaaktype: Type.Optional(BronZaaktype),
    catalogus: Type.String({"description": "URL-referentie naar de CATALOGUS waartoe dit ZAAKTYPE behoort.", "format": "uri"}),
    statustypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de STATUSTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    resultaattypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de RESULTAATTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    eigenschappen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de EIGENSCHAPPEN die aanwezig moeten zijn in ZAKEN van dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    informatieobjecttypen: Type.String({"readOnly": true}),
    roltypen: Type.Array(Type.String({"format": "uri"}), {"description": "URL-referenties naar de ROLTYPEN die mogelijk zijn binnen dit ZAAKTYPE.", "readOnly": true, "uniqueItems": true}),
    besluittypen: Type.Array(Type.String(), {"description": "`Omschrijvingen` van BESLUITTYPEN die mogelijk zijn binnen dit ZAAKTYPE."}),
    deelzaaktypen: Type.Array(Type.String(), {"description": "De `zaaktypen.identificaties` waaronder ZAAKen als deelzaak kunnen voorkomen bij ZAAKen van dit ZAAKTYPE."}),
    gerelateerdeZaaktypen: Type.Array(ZaakTypenRelatieCreate, {"description": "De ZAAKTYPEn van zaken die relevant zijn voor zaken van dit ZAAKTYPE."}),
    beginGeldigheid: Type.String({"description": "De datum waarop het is ontstaan.", "format": "date"}),
    eindeGeldigheid: Type.Optional(Nullable(Type.String({"description": "De datum waarop het is opgeheven.", "format": "date"}))),
    beginObject: Type.Optional(Nullable(Type.String({"description": "De datum waarop de eerst versie van het object ontstaan is.", "format": "date"}))),
    eindeObject: Type.Optional(Nullable(Type.String({"description": "De datum van de aller laatste versie van het object.", "format": "date"}))),
    versiedatum: Type.Optional(Type.String({"description": "De datum waarop de (gewijzigde) kenmerken van het ZAAKTYPE geldig zijn geworden", "format": "date"})),
    concept: Type.Boolean({"description": "Geeft aan of het object een concept betreft. Concepten zijn niet-definitieve versies en zouden niet gebruikt moeten worden buiten deze API.", "readOnly": true}),
  }, {"description": "Set gegevensgroepdata from validated nested data.\n\nUsage: include the mixin on the ModelSerializer that has gegevensgroepen."}));
export type ZaakTypeUpdate = Static<typeof ZaakTypeUpdate>;


/** The list envelope as this standard documents it (`Paginated…List`): nothing marked required, all four always sent. */
export function PaginatedList<T extends TSchema>(name: string, item: T) {
  return named(
    name,
    Type.Object({
      count: Type.Optional(Type.Integer()),
      next: Type.Optional(Nullable(Type.String({ format: 'uri' }))),
      previous: Type.Optional(Nullable(Type.String({ format: 'uri' }))),
      results: Type.Optional(Type.Array(item)),
    }),
  );
}
