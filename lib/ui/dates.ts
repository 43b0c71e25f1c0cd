// Date-range logic for the date facet: month bars, quick ranges and the from/to inputs.
// Dates are calendar days (`YYYY-MM-DD`), so date-fns works on local midnights and the
// result is formatted back the same way: no time zone can shift a day.
import { addDays, endOfMonth, format, isValid, parseISO, subDays, subMonths } from "date-fns";
import { formatDateVi, formatMonthVi } from "@/lib/format";

export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface QuickRange extends DateRange {
  key: "7d" | "30d" | "12m" | "all";
  label: string;
}

const day = (d: Date) => format(d, "yyyy-MM-dd");

/** `2025-08` → the first and last day of that month. */
export function monthRange(month: string): DateRange {
  const first = parseISO(`${month}-01`);
  return { from: day(first), to: day(endOfMonth(first)) };
}

/** Whether the range is exactly one calendar month, and which. */
export function monthOf(range: DateRange): string | null {
  if (!range.from || !range.to) return null;
  const month = range.from.slice(0, 7);
  const m = monthRange(month);
  return m.from === range.from && m.to === range.to ? month : null;
}

/**
 * Ranges ending on `end`: today for a live, recent archive, else its newest article (a
 * static corpus would otherwise show nothing for "7 ngày"); the API says which
 * (`rangeEnd`). Both ends are written into the URL, so a shared link keeps meaning the same days.
 */
export function quickRanges(newestDate: string | null): QuickRange[] {
  const all: QuickRange = { key: "all", label: "Tất cả", from: null, to: null };
  const newest = newestDate ? parseISO(newestDate) : null;
  if (!newest || !isValid(newest)) return [all];
  const to = day(newest);
  return [
    { key: "7d", label: "7 ngày", from: day(subDays(newest, 6)), to },
    { key: "30d", label: "30 ngày", from: day(subDays(newest, 29)), to },
    { key: "12m", label: "12 tháng", from: day(addDays(subMonths(newest, 12), 1)), to },
    all,
  ];
}

/** The quick range the current range equals, if any. */
export function activeQuickRange(ranges: QuickRange[], range: DateRange): QuickRange["key"] | null {
  return ranges.find((r) => r.from === range.from && r.to === range.to)?.key ?? null;
}

/** A from/to pair the API accepts: a reversed range is swapped rather than rejected. */
export function orderedRange(from: string | null, to: string | null): DateRange {
  return from && to && from > to ? { from: to, to: from } : { from, to };
}

/** Month counts with the empty months between them filled in, so bars sit on a true time axis. */
export function fillMonths(dates: readonly { month: string; count: number }[]): { month: string; count: number }[] {
  if (dates.length === 0) return [];
  const counts = new Map(dates.map((d) => [d.month, d.count]));
  const sorted = [...counts.keys()].sort();
  const out: { month: string; count: number }[] = [];
  for (let m = sorted[0]; m <= sorted[sorted.length - 1]; m = nextMonth(m)) out.push({ month: m, count: counts.get(m) ?? 0 });
  return out;
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** A facet bar as the API returns it (`facets.dateBuckets`). */
export interface BucketLike {
  from: string;
  to: string;
  unit: "day" | "week" | "month" | "year";
}

/** The one date style (lib/format.ts): `4/12/2025`. */
const shortDay = formatDateVi;

/** What a bar stands for, read out and shown on hover: "tháng 8 năm 2025", "năm 2017". */
export function bucketLabel(b: BucketLike): string {
  if (b.unit === "day") return formatDateVi(b.from);
  if (b.unit === "week") return `tuần ${shortDay(b.from)} – ${shortDay(b.to)}`;
  if (b.unit === "month") return formatMonthVi(b.from.slice(0, 7));
  return b.from.slice(0, 4) === b.to.slice(0, 4) ? `năm ${b.from.slice(0, 4)}` : `năm ${b.from.slice(0, 4)}–${b.to.slice(0, 4)}`;
}

/** The short mark under a bar: the day, the week's first day, the month or the year. */
export function bucketTick(b: BucketLike): string {
  if (b.unit === "day") return String(Number(b.from.slice(8, 10)));
  if (b.unit === "week") return `${Number(b.from.slice(8, 10))}/${Number(b.from.slice(5, 7))}`;
  if (b.unit === "month") return String(Number(b.from.slice(5, 7)));
  return b.from.slice(0, 4);
}

/** One step out from a zoomed range: a day or week to its month, a month to its year, a year to all. */
export function parentRange(range: DateRange): (DateRange & { label: string }) | null {
  if (!range.from || !range.to) return null;
  const month = range.from.slice(0, 7);
  const year = range.from.slice(0, 4);
  const yearRange = { from: `${year}-01-01`, to: `${year}-12-31` };
  if (range.from === yearRange.from && range.to === yearRange.to) return { from: null, to: null, label: "Mọi năm" };
  if (monthOf(range)) return { ...yearRange, label: `Cả năm ${year}` };
  if (range.to.slice(0, 7) === month || Date.parse(range.to) - Date.parse(range.from) <= 6 * 86_400_000) {
    return { ...monthRange(month), label: `Cả ${formatMonthVi(month)}` };
  }
  return null;
}

/** `4/12/2025`: the day quick ranges count back from. */
export function rangeEndLabel(end: { date: string; basis: "today" | "newest" }): string {
  return shortDay(end.date);
}
