/**
 * Referentielijsten API 0.6.0 ("vrl"): the Gemeentelijke Selectielijst (procestypen and
 * resultaten) and national reference lists (generieke resultaattypeomschrijvingen,
 * communicatiekanalen). Read-only and public. The data lives in memory, read at start from
 * the built-in demo set (`./data/`) or from `--referentielijsten-data DIR`; see `store.ts`
 * and docs/referentielijsten.md. No tables, so no migrations.
 */
import type { Component } from '../component.ts';
import { referentielijstenOperations } from './routes.ts';
import { loadReferentielijsten } from './store.ts';

export const referentielijsten: Component = {
  name: 'referentielijsten',
  api: ({ options }) => ({
    name: 'referentielijsten',
    // No component code: every operation is public.
    title: 'Referentielijsten API',
    version: '0.6.0',
    description:
      '\nEen API om referentielijstwaarden en de gemeentelijke selectielijst te\nbenaderen.\n\n## Selectielijst\n\nDe [Gemeentelijke Selectielijst](https://vng.nl/selectielijst) is relevant\nin het kader van archivering.\n\n**Zaakgericht werken**\n\nBij het configureren van zaaktypes (en resultaattypes) in de catalogus API\nrefereren een aantal resources naar resources binnen de Selectielijst API. Het\ngaat dan om de `ProcesType` en `Resultaat` resources.\n\n## Referentielijsten\n\nReferentielijsten bevat een standaardset aan waarden. Deze waarden zijn net té\ndynamisch om in een enum opgenomen te worden, maar er is wel behoefte om deze\nlandelijk te standaardiseren. Een voorbeeld hiervan is de set aan mogelijke\ncommunicatiekanalen.\n\n## Autorisatie\n\nDeze APIs zijn alleen-lezen, en behoeven geen autorisatie.\n\n## Inhoud\n\nDe inhoud wordt beheerd door VNG Realisatie. Om de inhoud van\nreferentielijsten bij te werken, contacteer dan VNG Realisatie via e-mail of\nop Github.\n\nDe inhoud van de Gemeentelijke Selectielijst wordt geïmporteerd vanuit de\ngepubliceerde Excel-bestanden.\n',
    operations: referentielijstenOperations(loadReferentielijsten(options?.referentielijstenData)),
  }),
};
