/**
 * The local calendar of the begraafplaatsen: Europe/Amsterdam, with its summer time. Slots
 * are computed here from the opening hours (local times) and answered as ISO date-times with
 * their offset, e.g. `2026-12-02T09:00:00+01:00`. Intl has the time zone rules, so the
 * database needs none.
 */
export const TIJDZONE = 'Europe/Amsterdam';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIJDZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});
const WEEKDAGEN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface LokaleTijd {
  /** YYYY-MM-DD */
  datum: string;
  /** HH:MM:SS */
  tijd: string;
  /** ISO weekday, 1 = maandag. */
  weekdag: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** An instant on the Amsterdam clock. */
export function lokaal(instant: Date): LokaleTijd {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((x) => [x.type, x.value]));
  const datum = `${p.year}-${p.month}-${p.day}`;
  const tijd = `${p.hour}:${p.minute}:${p.second}`;
  const asUtc = Date.parse(`${datum}T${tijd}Z`);
  const offset = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  return { datum, tijd, weekdag: WEEKDAGEN.indexOf(p.weekday!) + 1, offset };
}

/**
 * The instant a local date and time (HH:MM[:SS]) is in Amsterdam. A time that does not exist
 * (the hour skipped in March) comes out an hour later, one that exists twice (October) as
 * its first occurrence; opening hours are in daytime, where neither happens.
 */
export function instant(datum: string, tijd: string): Date {
  const asUtc = Date.parse(`${datum}T${tijd.length === 5 ? `${tijd}:00` : tijd}Z`);
  let guess = asUtc - lokaal(new Date(asUtc)).offset * 60_000;
  guess = asUtc - lokaal(new Date(guess)).offset * 60_000;
  return new Date(guess);
}

/** ISO 8601 with the Amsterdam offset: `2026-12-02T09:00:00+01:00`. */
export function isoLokaal(at: Date): string {
  const { datum, tijd, offset } = lokaal(at);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${datum}T${tijd}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The ISO weekday of a calendar date (no time zone involved). */
export function weekdagVan(datum: string): number {
  const day = new Date(`${datum}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether `datum` is a real calendar date in YYYY-MM-DD. */
export function isDatum(datum: string): boolean {
  const parsed = new Date(`${datum}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === datum;
}

export interface Openingstijd {
  weekdag: number;
  /** HH:MM */
  van: string;
  /** HH:MM */
  tot: string;
}

/** The starts of a day's slots, in order: every `slotduur` minutes from `van`, ending by `tot`. */
export function slotStarts(datum: string, openingstijden: Openingstijd[], sluitingsdagen: string[], slotduur: number): Date[] {
  if (sluitingsdagen.includes(datum)) return [];
  const weekdag = weekdagVan(datum);
  const starts: Date[] = [];
  for (const o of openingstijden.filter((x) => x.weekdag === weekdag).sort((a, b) => a.van.localeCompare(b.van))) {
    const tot = instant(datum, o.tot).getTime();
    for (let t = instant(datum, o.van).getTime(); t + slotduur * 60_000 <= tot; t += slotduur * 60_000) starts.push(new Date(t));
  }
  return starts;
}
