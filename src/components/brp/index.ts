/**
 * BRP Personen API 2.7.0 (Haal Centraal) at /haalcentraal/api/brp/personen: persons from our
 * own store, loaded from GBA-V persoonslijsten (`opengrond brp import FILE`), or forwarded to
 * an upstream BRP API (proxy mode), with per-application authorisation and the Logboek
 * dataverwerkingen either way. See docs/brp.md.
 */
import type { Component } from '../component.ts';
import { registerBrpRoutes } from './routes.ts';

export const brp: Component = {
  name: 'brp',
  migrations: { owner: 'brp', dir: new URL('./migrations/', import.meta.url) },
  // No ZGW-shaped API: the BRP API has its own path and error format (routes.ts).
  api: () => ({ name: 'brp', title: 'BRP Personen', version: '2.7.0', description: '', operations: [] }),
  routes: (app, context) => {
    const mode = context.options?.brp?.mode ?? 'source';
    if (mode === 'proxy' && !context.options?.brp?.upstream) throw new Error('BRP in proxy-modus heeft --brp-upstream URL nodig.');
    registerBrpRoutes(app, { database: context.database, authenticator: context.authenticator, logboek: context.logboek, mode, upstream: context.options?.brp?.upstream, now: context.options?.brp?.now });
  },
};
