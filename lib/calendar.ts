/**
 * Whether `iso` is a real calendar day written `YYYY-MM-DD` (no `2025-02-30`). Shared by
 * the corpus loader, the date inference and the URL schema, so all three agree.
 */
/** A date written `YYYY-MM-DD` (whether the day exists is `isCalendarDate`'s question). */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
