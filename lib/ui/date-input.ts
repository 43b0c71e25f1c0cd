// The typed date fields: always day/month/year (dd/mm/yyyy), whatever the browser's
// language, and applied only once a whole, real date has been typed.
import { isCalendarDate } from "@/lib/calendar";

export type TypedDate = { kind: "empty" } | { kind: "partial" } | { kind: "invalid" } | { kind: "date"; iso: string };

/** `2025-08-01` → `01/08/2025`, the text the field shows. */
export function isoToTyped(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/**
 * What a field's text means: nothing, a date still being typed, a whole but impossible
 * date (31/02/2025), or a date. Accepts `1/8/2025`, `01/08/2025`, `01-08-2025`, `01082025`.
 */
export function parseTyped(text: string): TypedDate {
  const t = text.trim();
  if (t === "") return { kind: "empty" };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return /^[\d/.-]*$/.test(t) && !/\d{5}/.test(t) && t.length < 10 ? { kind: "partial" } : { kind: "invalid" };
  const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return isCalendarDate(iso) ? { kind: "date", iso } : { kind: "invalid" };
}

/**
 * The field's text after an edit: slashes are added as the digits are typed
 * (`01` → `01/`, `0108` → `01/08/`), and eight pasted digits become `01/08/2025`.
 * Deleting never re-adds a slash, so Backspace works as expected; a typed slash is not doubled.
 */
export function maskTyped(previous: string, typed: string): string {
  if (typed.length < previous.length) return typed;
  const next = typed.replace(/\/{2,}/g, "/"); // a slash typed after an added one
  if (/^\d{8}$/.test(next)) return `${next.slice(0, 2)}/${next.slice(2, 4)}/${next.slice(4)}`;
  if (/^\d{2}$/.test(next) || /^\d{1,2}\/\d{2}$/.test(next)) return `${next}/`;
  return next.slice(0, 10);
}
