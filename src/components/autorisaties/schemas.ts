import { Enum, named, SelfUrl, Type, Url, VERTROUWELIJKHEIDAANDUIDINGEN, type Static } from '../../platform/http/schema.ts';

export const COMPONENTS = ['ac', 'nrc', 'zrc', 'ztc', 'drc', 'brc'] as const;

export const COMPONENT_WEERGAVE: Record<(typeof COMPONENTS)[number], string> = {
  ac: 'Autorisaties API',
  nrc: 'Notificaties API',
  zrc: 'Zaken API',
  ztc: 'Catalogi API',
  drc: 'Documenten API',
  brc: 'Besluiten API',
};

const maxVertrouwelijkheidaanduiding = Enum(VERTROUWELIJKHEIDAANDUIDINGEN, {
  title: 'Max vertrouwelijkheidaanduiding',
  description: 'Maximaal toegelaten vertrouwelijkheidaanduiding (inclusief).',
});

/**
 * One autorisatie. The standard describes it as a base with a sub-schema per component
 * (discriminator `component`); the union of their properties is one flat object, where
 * `zaaktype` belongs to zrc, `informatieobjecttype` to drc, `besluittype` to brc.
 */
export const Autorisatie = named(
  'Autorisatie',
  Type.Object({
    component: Enum(COMPONENTS, {
      title: 'Component',
      description:
        'Component waarop autorisatie van toepassing is.\n\nUitleg bij mogelijke waarden:\n\n* `ac` - Autorisaties API\n* `nrc` - Notificaties API\n* `zrc` - Zaken API\n* `ztc` - Catalogi API\n* `drc` - Documenten API\n* `brc` - Besluiten API',
    }),
    componentWeergave: Type.Optional(Type.String({ title: 'Component weergave', description: 'Omschrijving van `component`.', readOnly: true, minLength: 1 })),
    scopes: Type.Array(Type.String({ title: 'Scopes', maxLength: 100, minLength: 1 }), {
      description: 'Lijst van scope labels. Elke scope geeft toegang tot een set van acties/operaties, zoals gedocumenteerd bij de betreffende component.',
    }),
    zaaktype: Type.Optional(Url({ title: 'Zaaktype', description: 'URL naar het zaaktype waarop de autorisatie van toepassing is.' })),
    informatieobjecttype: Type.Optional(
      Url({ title: 'Informatieobjecttype', description: 'URL naar het informatieobjecttype waarop de autorisatie van toepassing is.' }),
    ),
    besluittype: Type.Optional(Url({ title: 'Besluittype', description: 'URL naar het besluittype waarop de autorisatie van toepassing is.' })),
    maxVertrouwelijkheidaanduiding: Type.Optional(maxVertrouwelijkheidaanduiding),
  }),
);
export type Autorisatie = Static<typeof Autorisatie>;

export const Applicatie = named(
  'Applicatie',
  Type.Object({
    url: Type.Optional(SelfUrl()),
    clientIds: Type.Array(Type.String({ title: 'Client ids', maxLength: 50, minLength: 1 }), {
      description: "Lijst van consumer identifiers (hun 'client_id'). Een `client_id` mag slechts bij één applicatie-object voorkomen.",
    }),
    label: Type.String({ title: 'Label', description: 'Een leesbare representatie van de applicatie, voor eindgebruikers.', maxLength: 100, minLength: 1 }),
    heeftAlleAutorisaties: Type.Optional(
      Type.Boolean({
        title: 'Heeft alle autorisaties',
        description:
          'Indien alle autorisaties gegeven zijn, dan hoeven deze niet individueel opgegeven te worden. Gebruik dit alleen als je de consumer helemaal vertrouwt.',
      }),
    ),
    autorisaties: Type.Optional(Type.Array(Autorisatie)),
  }),
);
export type Applicatie = Static<typeof Applicatie>;
