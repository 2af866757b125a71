/**
 * Autorisaties API 1.0.0: which applications (by client id) may do what on which component.
 * Its store is also where the platform's authentication reads a client's rights.
 */
import type { Component } from '../component.ts';
import { autorisatiesOperations } from './routes.ts';

export const autorisaties: Component = {
  name: 'autorisaties',
  migrations: { owner: 'autorisaties', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, invalidateAuth }) => ({
    name: 'autorisaties',
    component: 'ac',
    title: 'Autorisaties API',
    version: '1.0.0',
    description:
      'Een API om een Autorisaties API (AC) te benaderen.\n\nDe `AUTORISATIE` is het kernobject in deze API. Autorisaties worden toegekend aan applicaties. Een applicatie is een representatie van een (web) app die communiceert met de API van (andere) componenten, zoals het ZRC, DRC, ZTC en BRC.\n\n### Notificaties\n\nDeze API publiceert notificaties op het kanaal `autorisaties`.\n\n**Main resource**\n\n`applicatie`\n\n**Resources en acties**\n\n- `applicatie`: create, update, destroy',
    operations: autorisatiesOperations({ database, onChange: invalidateAuth }),
  }),
};
