/**
 * Building blocks for Open Grond's server-rendered pages (the demo resident page, the FSC
 * admin page, the apps): escaping, the NL Design System page layout and form handling.
 * Pages use the Utrecht component library's CSS classes with its design tokens as the
 * municipal theme, so every page looks like a Dutch municipality's site and passes the same
 * accessibility checks. No client-side JavaScript is needed for any of it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NLDS_STYLESHEETS } from './assets.ts';

/** Escapes text for HTML element content and attribute values. */
export function escape(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageOptions {
  /** The page's own title; the document title becomes "title – site". */
  title: string;
  /** The site name in the header, e.g. "Gemeente Oefenstad" or "Open Grond – FSC beheer". */
  site: string;
  /** Inner HTML of <main>, already escaped where needed. */
  body: string;
  /** Navigation links in the header: [href, label]; the current page gets aria-current. */
  nav?: [string, string][];
  current?: string;
  footer?: string;
}

/** A whole HTML document in the NL Design System layout: skip link, header, main, footer. */
export function page(options: PageOptions): string {
  const nav = options.nav?.length
    ? `<nav aria-label="Hoofdmenu"><ul class="utrecht-link-list utrecht-link-list--horizontal">${options.nav
        .map(([href, label]) => `<li class="utrecht-link-list__item"><a class="utrecht-link" href="${escape(href)}"${href === options.current ? ' aria-current="page"' : ''}>${escape(label)}</a></li>`)
        .join('')}</ul></nav>`
    : '';
  return `<!doctype html>
<html lang="nl" class="utrecht-theme utrecht-root">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(options.title)} – ${escape(options.site)}</title>
${NLDS_STYLESHEETS.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
</head>
<body class="utrecht-body">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
<div class="utrecht-page">
<header class="utrecht-page-header"><p class="utrecht-paragraph"><strong>${escape(options.site)}</strong></p>${nav}</header>
<main class="utrecht-page-content" id="inhoud">
<h1 class="utrecht-heading-1">${escape(options.title)}</h1>
${options.body}
</main>
<footer class="utrecht-page-footer"><p class="utrecht-paragraph">${options.footer ?? 'Open Grond – Common Ground voor gemeenten'}</p></footer>
</div>
</body>
</html>`;
}

/** An NL Design System alert: `info` for notices, `ok` for success, `error` for what went wrong (role=alert). */
export function alert(kind: 'info' | 'ok' | 'warning' | 'error', html: string, id?: string): string {
  const role = kind === 'error' ? 'alert' : 'status';
  return `<div class="utrecht-alert utrecht-alert--${kind}" role="${role}"${id ? ` id="${escape(id)}"` : ''}><div class="utrecht-alert__content"><div class="utrecht-alert__message"><p class="utrecht-paragraph">${html}</p></div></div></div>`;
}

/** Sends a page: HTML, never cached (pages show personal or live data). */
export function sendPage(reply: FastifyReply, status: number, options: PageOptions) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(options));
}

/**
 * Lets a plugin scope read HTML form posts (application/x-www-form-urlencoded) as a plain
 * object; repeated names keep the last value, except the names in `lists` (checkbox groups),
 * which always become an array of every value.
 */
export function acceptForms(scope: FastifyInstance, lists: string[] = []): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const params = new URLSearchParams(String(body));
    const parsed: Record<string, string | string[]> = Object.fromEntries(params);
    for (const name of lists) parsed[name] = params.getAll(name);
    done(null, parsed);
  });
}
