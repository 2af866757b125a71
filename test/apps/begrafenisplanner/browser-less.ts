/**
 * Using the app's pages as a browser without JavaScript would: GET pages, POST forms
 * (urlencoded or multipart), follow the 303 after a POST, and read radio choices from the HTML.
 */
export interface PageResult {
  status: number;
  url: string;
  html: string;
}

export class Visitor {
  constructor(readonly base: string) {}

  async get(path: string): Promise<PageResult> {
    const r = await fetch(new URL(path, this.base));
    return { status: r.status, url: r.url, html: await r.text() };
  }

  /** POSTs a form; a 303 is followed like a browser does. */
  async post(path: string, fields: Record<string, string | string[]> | FormData): Promise<PageResult> {
    let body: string | FormData;
    const headers: Record<string, string> = {};
    if (fields instanceof FormData) body = fields;
    else {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) params.append(k, value);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const r = await fetch(new URL(path, this.base), { method: 'POST', body, headers, redirect: 'manual' });
    if (r.status === 303) return this.get(r.headers.get('location')!);
    return { status: r.status, url: path, html: await r.text() };
  }
}

/** The radio/checkbox choices named `name` on a page: label → value, disabled ones left out. */
export function choices(html: string, name: string): Map<string, string> {
  const found = new Map<string, string>();
  const re = new RegExp(`<input[^>]*id="([^"]+)" name="${name}" value="([^"]*)"([^>]*)>`, 'g');
  for (const m of html.matchAll(re)) {
    if (/\bdisabled\b/.test(m[3]!)) continue;
    const label = new RegExp(`<label[^>]*for="${m[1]}">([^<]*)</label>`).exec(html)?.[1] ?? '';
    found.set(decode(label), decode(m[2]!));
  }
  return found;
}

export function decode(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** The text of the page's alerts. */
export function alerts(html: string): string[] {
  return [...html.matchAll(/class="utrecht-alert utrecht-alert--(\w+)"[^]*?<p class="utrecht-paragraph">([^]*?)<\/p>/g)].map((m) => `${m[1]}: ${decode(m[2]!.replace(/<[^>]+>/g, ''))}`);
}

/** The link hrefs on a page whose text matches. */
export function links(html: string, text: RegExp): string[] {
  return [...html.matchAll(/<a class="utrecht-link" href="([^"]+)">([^<]*)<\/a>/g)].filter((m) => text.test(decode(m[2]!))).map((m) => decode(m[1]!));
}
