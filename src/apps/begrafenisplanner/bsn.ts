/**
 * The elfproef of a burgerservicenummer, so a typing error is caught before the BRP is asked.
 * (The BRP component has its own; an app imports nothing from a component.)
 */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const sum = [...bsn].reduce((s, d, i) => s + Number(d) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}
