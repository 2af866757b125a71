/**
 * End to end in a real browser (playwright-core with Debian's chromium) on a running Open Grond
 * with the two FSC peers: the funeral director books, the gemeente confirms, the funeral
 * director sees the confirmation and the PDF. Every page is checked with axe-core (no serious
 * or critical violations) and photographed (into docs/screenshots/ for docs/begrafenisplanner.md
 * with UPDATE_SCREENSHOTS=1).
 * Parts are done with the keyboard only, to show the pages are keyboard-operable.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPlanner, nextWeekday, type PlannerServer } from './setup.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
// The pages are photographed on every run; into docs/screenshots/ (tracked) only when asked,
// so that a test run does not change the documentation's pictures by their dates alone.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const SHOTS = UPDATE ? new URL('../../../docs/screenshots/', import.meta.url) : pathToFileURL(`${fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-screenshots-'))}/`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let planner: PlannerServer;
let browser: Browser;

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  planner = await startPlanner();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  await planner?.close();
  if (!UPDATE) fs.rmSync(SHOTS, { recursive: true, force: true });
});

/** axe-core on the page: no serious or critical violation. */
async function accessible(page: Page): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${page.url()}: ${JSON.stringify(bad, null, 1)}`);
}

let shot = 0;
/** Checks the page and saves its screenshot as NN-name.png. */
async function step(page: Page, name: string): Promise<void> {
  await accessible(page);
  assert.doesNotMatch(await page.content(), /at [^\n]+\.ts:\d+:\d+/, 'no stack trace on a page');
  shot += 1;
  await page.screenshot({ path: new URL(`${String(shot).padStart(2, '0')}-${name}.png`, SHOTS).pathname, fullPage: true });
}

test('the funeral director books, the gemeente confirms, the funeral director sees the confirmation and the PDF', async () => {
  const context = await browser.newContext({ baseURL: planner.base, locale: 'nl-NL', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const day = nextWeekday(3);

  // The funeral director: their requests, and a new one.
  await page.goto('/begrafenisplanner/uitvaartonderneming');
  // Keyboard: the first Tab lands on the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent), 'Naar de inhoud');
  await step(page, 'uitvaart-mijn-aanvragen');
  await page.getByRole('button', { name: 'Nieuwe aanvraag' }).click();
  await page.waitForURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  await step(page, 'uitvaart-stappen');
  const draft = page.url();

  // Step 1: cemetery, grave type, grave.
  await page.getByRole('link', { name: 'Begraafplaats, grafsoort en graf' }).click();
  await page.getByLabel('Algemene Begraafplaats Oefenstad').check();
  await page.getByLabel('Particulier graf').check();
  await page.getByRole('button', { name: 'Graven tonen' }).click();
  await page.locator('input[name="graf"]').first().check();
  await step(page, 'uitvaart-begraafplaats-en-graf');
  await page.getByRole('button', { name: 'Graf kiezen' }).click();
  await page.waitForURL(draft);

  // Step 2: date and slot, held by a voorlopige reservering.
  await page.getByRole('link', { name: 'Datum en tijdslot' }).click();
  await page.getByLabel('Datum van de begrafenis').fill(day);
  await page.getByRole('button', { name: 'Tijdsloten tonen' }).click();
  await page.locator('input[name="start"]:not([disabled])').first().check();
  await step(page, 'uitvaart-tijdslot');
  await page.getByRole('button', { name: 'Tijdslot vasthouden' }).click();
  await page.waitForURL(draft);
  assert.match(await page.getByRole('status').first().innerText(), /voorlopig voor u gereserveerd/);
  await step(page, 'uitvaart-tijdslot-vastgehouden');

  // Step 3: the deceased — first a BSN the BRP does not know (keyboard only: type, Enter).
  await page.getByRole('link', { name: 'Overledene' }).click();
  await page.getByLabel('Burgerservicenummer').focus();
  await page.keyboard.type('999990020');
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  assert.match(await page.getByRole('alert').first().innerText(), /geen persoon met dit burgerservicenummer/);
  await step(page, 'uitvaart-bsn-niet-gevonden');
  await page.getByLabel('Burgerservicenummer').fill('999993653');
  await page.getByRole('button', { name: 'Opzoeken en bewaren' }).click();
  assert.match(await page.getByRole('status').first().innerText(), /Johannes Pieter de Vries/);
  await step(page, 'uitvaart-overledene');

  // Step 4: the rechthebbende.
  await page.goto(`${draft}/rechthebbende`);
  await page.getByLabel('Burgerservicenummer').fill('999990627');
  await page.getByRole('button', { name: 'Opzoeken en bewaren' }).click();
  assert.match(await page.getByRole('status').first().innerText(), /Maria Bakker/);
  await step(page, 'uitvaart-rechthebbende');

  // Step 5: extra products and services.
  await page.goto(`${draft}/extra`);
  await page.getByLabel('Gebruik van de aula').check();
  await page.getByLabel('Koffiekamer').check();
  await step(page, 'uitvaart-extra');
  await page.getByRole('button', { name: 'Bewaren' }).click();

  // Step 6: the verlof tot begraven.
  await page.goto(`${draft}/verlof`);
  await page.getByLabel('Verlof tot begraven').setInputFiles({ name: 'verlof-tot-begraven.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await step(page, 'uitvaart-verlof');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.waitForURL(draft);

  // Step 7: one other bijlage (checked by axe, no screenshot of its own: the check page shows it).
  await page.goto(`${draft}/bijlagen`);
  await page.getByLabel('Bijlagen').setInputFiles({ name: 'machtiging-rechthebbende.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.waitForURL(`${draft}/bijlagen`);
  assert.match(await page.locator('main').innerText(), /Bijlage: machtiging-rechthebbende\.pdf/);
  await accessible(page);
  await page.goto(draft);

  // Check and submit.
  await page.getByRole('link', { name: 'Controleren en indienen' }).click();
  assert.match(await page.locator('main').innerText(), /Johannes Pieter de Vries[^]*Maria Bakker[^]*Gebruik van de aula, Koffiekamer[^]*Bijlage: machtiging-rechthebbende\.pdf/);
  await step(page, 'uitvaart-controleren');
  await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
  await page.waitForURL(draft);
  const title = await page.locator('h1').innerText();
  assert.match(title, /^Aanvraag ZAAK-/);
  const identificatie = title.replace('Aanvraag ', '');
  await step(page, 'uitvaart-ingediend');

  // The gemeente: work list, detail (everything from the sources), confirm.
  const gemeente = await context.newPage();
  await gemeente.goto('/begrafenisplanner/gemeente');
  await step(gemeente, 'gemeente-werkvoorraad');
  await gemeente.getByRole('link', { name: identificatie }).click();
  assert.match(await gemeente.locator('main').innerText(), /Johannes Pieter de Vries, overleden[^]*Bijlage: machtiging-rechthebbende\.pdf/);
  await step(gemeente, 'gemeente-aanvraag');
  await gemeente.getByRole('button', { name: 'Bevestigen' }).click();
  assert.match(await gemeente.getByRole('status').first().innerText(), /bevestigd/);
  await step(gemeente, 'gemeente-bevestigd');
  await gemeente.getByRole('link', { name: 'Kalender' }).click();
  await gemeente.getByLabel('Week van').fill(day);
  await gemeente.getByRole('button', { name: 'Tonen' }).click();
  assert.match(await gemeente.locator('main').innerText(), /bevestigd/);
  await step(gemeente, 'gemeente-kalender');

  // The funeral director: the status arrives by notificatie (the page is reloaded, the app does not poll).
  const end = Date.now() + 30_000;
  for (;;) {
    await page.goto('/begrafenisplanner/uitvaartonderneming');
    if (/Begrafenis gepland|Ingepland|Bevestigd/.test(await page.locator('main').innerText())) break;
    assert.ok(Date.now() < end, 'the status did not arrive by notificatie');
    await page.waitForTimeout(500);
  }
  await step(page, 'uitvaart-status-bijgewerkt');
  await page.goto(draft);
  assert.match(await page.getByRole('status').first().innerText(), /De gemeente heeft de begrafenis bevestigd/);
  await step(page, 'uitvaart-bevestiging');
  const href = await page.getByRole('link', { name: /Bevestiging begrafenis/ }).getAttribute('href');
  const pdf = await page.request.get(href!);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  fs.writeFileSync(new URL('bevestiging-voorbeeld.pdf', SHOTS), bytes);
  await context.close();
});
