/**
 * The wait before the next attempt after `attempts` failed ones: exponential (base, 2×base,
 * 4×base, … up to max) with jitter, half of it random, so that the deliveries that failed
 * together when a subscriber went down do not all come back at the same moment.
 */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return exponential / 2 + (random() * exponential) / 2;
}
