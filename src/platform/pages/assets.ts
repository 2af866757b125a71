/**
 * Serves the NL Design System stylesheets the pages link to: the Utrecht component library
 * CSS and the Utrecht design tokens (the municipal theme), from the installed packages, so
 * the pages work offline and behind a strict content security policy.
 */
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FILES: Record<string, string> = {
  'design-tokens.css': require.resolve('@utrecht/design-tokens/dist/index.css'),
  'component-library.css': require.resolve('@utrecht/component-library-css/dist/index.css'),
};

const PREFIX = '/assets/nlds/';

/** The stylesheets every page links to, tokens first. */
export const NLDS_STYLESHEETS = Object.keys(FILES).map((name) => PREFIX + name);

/** Registers the stylesheet routes once per app, whichever page module asks first. */
export function registerPageAssets(app: FastifyInstance): void {
  if (app.hasRoute({ method: 'GET', url: `${PREFIX}:name` })) return;
  const contents = new Map(Object.entries(FILES).map(([name, file]) => [name, fs.readFileSync(file)]));
  app.get<{ Params: { name: string } }>(`${PREFIX}:name`, async (request, reply) => {
    const body = contents.get(request.params.name);
    if (!body) return reply.code(404).type('text/plain; charset=utf-8').send('Niet gevonden');
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(body);
  });
}
