// The date facet's bars: buckets that follow the span of the current results. The unit is
// the finest of day, week, month and year that fits the span in at most MAX_BARS bars (and
// several years per bar beyond that), so any span draws a readable histogram. Weeks serve
// only spans of up to WEEK_BARS weeks (two to four months), where months would be too few. Every bucket
// carries the inclusive date range it covers: clicking it filters to that range, where
// the next finer unit takes over (a year shows its months, a month its days).

export type BucketUnit = "day" | "week" | "month" | "year";

export interface DateBucket {
  /** First and last day the bucket covers, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  unit: BucketUnit;
  /** Years per bar when unit is "year" and the span is very long; else 1. */
  step: number;
  count: number;
}

export const MAX_BARS = 60;
export const WEEK_BARS = 16;

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** `YYYYMMDD` as a number (the engine's day key) → `YYYY-MM-DD`. */
export function dayKeyToIso(key: number): string {
  const s = String(key);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** The Monday on or before `d`. */
function weekStart(d: string): string {
  const t = ms(d);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return iso(t - dow * DAY);
}

function monthIndex(d: string): number {
  return Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
}

function monthStart(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function monthEnd(index: number): string {
  return iso(ms(monthStart(index + 1)) - DAY);
}

/** How many bars `unit` needs for [lo, hi]. */
function barsFor(unit: Exclude<BucketUnit, "year">, lo: string, hi: string): number {
  if (unit === "day") return Math.round((ms(hi) - ms(lo)) / DAY) + 1;
  if (unit === "week") return Math.round((ms(weekStart(hi)) - ms(weekStart(lo))) / (7 * DAY)) + 1;
  return monthIndex(hi) - monthIndex(lo) + 1;
}

/**
 * Buckets over [from ?? first date, to ?? last date], clipped to the dates present, with
 * empty buckets between filled in so bars sit on a true time axis. `counts` maps a
 * `YYYY-MM-DD` day to its number of articles; [] when there is none in the range.
 */
export function dateBuckets(
  counts: ReadonlyMap<string, number>,
  range: { from: string | null; to: string | null } = { from: null, to: null },
  maxBars = MAX_BARS,
): DateBucket[] {
  const days = [...counts.keys()].filter((d) => (!range.from || d >= range.from) && (!range.to || d <= range.to)).sort();
  if (days.length === 0) return [];
  const lo = days[0];
  const hi = days[days.length - 1];
  const limit = { day: maxBars, week: Math.min(WEEK_BARS, maxBars), month: maxBars };
  const unit = (["day", "week", "month"] as const).find((u) => barsFor(u, lo, hi) <= limit[u]) ?? "year";

  const buckets: DateBucket[] = [];
  if (unit === "day") {
    for (let t = ms(lo); t <= ms(hi); t += DAY) buckets.push({ from: iso(t), to: iso(t), unit, step: 1, count: 0 });
  } else if (unit === "week") {
    for (let t = ms(weekStart(lo)); t <= ms(hi); t += 7 * DAY) buckets.push({ from: iso(t), to: iso(t + 6 * DAY), unit, step: 1, count: 0 });
  } else if (unit === "month") {
    for (let m = monthIndex(lo); m <= monthIndex(hi); m++) buckets.push({ from: monthStart(m), to: monthEnd(m), unit, step: 1, count: 0 });
  } else {
    const first = Number(lo.slice(0, 4));
    const last = Number(hi.slice(0, 4));
    const step = Math.ceil((last - first + 1) / maxBars);
    for (let y = first; y <= last; y += step) buckets.push({ from: `${y}-01-01`, to: `${Math.min(y + step - 1, last)}-12-31`, unit, step, count: 0 });
  }
  // Buckets are in order and contiguous: walk the sorted days once.
  let b = 0;
  for (const d of days) {
    while (d > buckets[b].to) b++;
    buckets[b].count += counts.get(d)!;
  }
  return buckets;
}

/** The day quick ranges end on: today for a live, recent archive, else its newest date. */
export interface RangeEnd {
  date: string;
  basis: "today" | "newest";
}

/** An archive whose newest article is at most this many days old counts from today. */
export const RECENT_DAYS = 7;

export function quickRangeEnd(newestDate: string | null, today: string): RangeEnd | null {
  if (!newestDate) return null;
  if (newestDate >= iso(ms(today) - RECENT_DAYS * DAY)) return { date: today, basis: "today" };
  return { date: newestDate, basis: "newest" };
}
