// The archive check for estimated dates. An archive is published in order: articles of
// one source with neighbouring ids (or file order) were written around the same days. An
// estimate far from the dates around it is a date the article talks about, not its own,
// and is dropped; a day-month without a year ("Ngày 3-7, …") takes the year that puts it
// among its neighbours, or stays unknown. Pure: the index build calls it over all articles.
import { addDays } from "@/lib/corpus/dates";

export interface DateCheckItem {
  id: string;
  /** Position in the order the corpus was read (file order, then line order). */
  order: number;
  /** Articles are compared only within one source: a jsonl file, or a directory of pages. */
  source: string;
  /** The date as the article has it: read from metadata, or estimated from its text. */
  date: string | null;
  /** True for a date read from metadata: trusted, and dropped only when after `today`. */
  metadata: boolean;
  /** A day-month the text gives without a year (`MM-DD`) and the days to add after it. */
  clue?: { monthDay: string; shift: number; years?: readonly number[] } | null;
}

export interface DateCheckOptions {
  /** No date after this day (`YYYY-MM-DD`): the moment the corpus was read. */
  today: string;
  /** Dated neighbours looked at on each side (default 10). */
  neighbours?: number;
  /**
   * The least distance, in days, an estimate may be from its neighbours' median in an
   * archive in publication order (default 2: a lead's date is the day it was written or the
   * day before; one a few days earlier is an event recounted, one later a date announced).
   */
  minSlackDays?: number;
  /** The same for a small or unordered collection, added to its neighbours' range (default 15). */
  looseSlackDays?: number;
}

/** Why an estimate was kept or dropped, for reports. */
export type DateCheckVerdict = "metadata" | "agrees" | "unchecked" | "year-from-neighbours" | "far-from-neighbours" | "no-neighbours" | "future";

export interface DateCheckResult {
  /** The date to keep (`null`: unknown). */
  date: string | null;
  verdict: DateCheckVerdict | null;
}

const DAY = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDays = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** Fewer dated neighbours than this: the archive says nothing about an article. */
const MIN_NEIGHBOURS = 2;

/**
 * Which estimates to keep, by id. Metadata dates are kept as they are, unless after today
 * (an impossible date, which would open "Mới nhất").
 * 1. A clue (a day-month without a year) takes the year that brings it nearest the month most
 *    full dates around it fall in (a mode, not a median: about half the full dates a lead
 *    gives are history or documents, scattered over many years, and they cannot move a mode).
 * 2. Every estimate, full or from a clue, is then checked against the dates around it: kept
 *    when within the tolerance of their median. The tolerance is three median deviations of
 *    the neighbours (an archive in publication order is checked tightly), and at least
 *    `minSlackDays`; with fewer dated neighbours than `neighbours`, it is their whole range
 *    plus `looseSlackDays` (a small unordered collection says little), and a clue is then kept only when the
 *    article's own text names the year it was given (`clue.years`). With no dated neighbour at all, a full
 *    estimate is kept unchecked and a clue stays unknown. Nothing is kept after `today`.
 */
export function checkDates(items: readonly DateCheckItem[], options: DateCheckOptions): Map<string, DateCheckResult> {
  const k = options.neighbours ?? 10;
  const minSlack = options.minSlackDays ?? 2;
  const looseSlack = options.looseSlackDays ?? 15;
  const today = toDays(options.today);
  const out = new Map<string, DateCheckResult>();
  for (const group of groupBySource(items)) {
    const sorted = sortByArchiveOrder(group);
    const full = sorted.flatMap((it, pos) => (it.date && (it.metadata || toDays(it.date) <= today) ? [{ pos, day: toDays(it.date) }] : []));
    // Candidate dates by position: full dates, and clues given a year.
    const candidates: { pos: number; day: number; iso: string; from: "metadata" | "full" | "clue"; years?: readonly number[] }[] = [];
    for (let pos = 0; pos < sorted.length; pos++) {
      const it = sorted[pos];
      if (it.date && toDays(it.date) > today) out.set(it.id, { date: null, verdict: "future" });
      else if (it.date && it.metadata) candidates.push({ pos, day: toDays(it.date), iso: it.date, from: "metadata" });
      else if (it.date) {
        candidates.push({ pos, day: toDays(it.date), iso: it.date, from: "full" });
      } else if (it.clue) {
        const around = nearest(full, pos, 3 * k).map((x) => x.day);
        const iso = around.length >= MIN_NEIGHBOURS ? clueDate(it.clue, modeMonthMiddle(around)) : null;
        if (!iso) out.set(it.id, { date: null, verdict: "no-neighbours" });
        else if (toDays(iso) > today) out.set(it.id, { date: null, verdict: "future" });
        else candidates.push({ pos, day: toDays(iso), iso, from: "clue", years: it.clue.years });
      } else out.set(it.id, { date: null, verdict: null });
    }
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      const id = sorted[c.pos].id;
      if (c.from === "metadata") {
        out.set(id, { date: c.iso, verdict: "metadata" });
        continue;
      }
      const around = window(candidates, i, k).map((x) => x.day);
      if (around.length < MIN_NEIGHBOURS) {
        out.set(id, c.from === "full" ? { date: c.iso, verdict: "unchecked" } : { date: null, verdict: "no-neighbours" });
        continue;
      }
      const loose = around.length < k;
      const ok =
        Math.abs(c.day - median(around)) <= tolerance(around, k, minSlack, looseSlack) &&
        (!loose || c.from !== "clue" || (c.years ?? []).includes(Number(c.iso.slice(0, 4))));
      const verdict = c.from === "full" ? "agrees" : "year-from-neighbours";
      out.set(id, ok ? { date: c.iso, verdict } : { date: null, verdict: "far-from-neighbours" });
    }
  }
  return out;
}

/** The clue's date in the year that brings it nearest `mid` (a day number). */
function clueDate(clue: { monthDay: string; shift: number }, mid: number): string | null {
  const year = Number(fromDays(Math.round(mid)).slice(0, 4));
  let best: { day: number; iso: string } | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const base = `${y}-${clue.monthDay}`;
    if (fromDays(toDays(base)) !== base) continue; // 29 February of a common year
    const iso = clue.shift ? addDays(base, clue.shift) : base;
    const day = toDays(iso);
    if (!best || Math.abs(day - mid) < Math.abs(best.day - mid)) best = { day, iso };
  }
  return best?.iso ?? null;
}

/** How far from the neighbours' median an estimate may be (see checkDates). */
function tolerance(days: number[], k: number, minSlack: number, looseSlack: number): number {
  if (days.length < k) return looseSlack + Math.max(...days) - Math.min(...days);
  const mid = median(days);
  return Math.max(minSlack, 2 * median(days.map((d) => Math.abs(d - mid))));
}

/** The middle (15th) of the month most of `days` fall in; ties go to the later month. */
function modeMonthMiddle(days: number[]): number {
  const counts = new Map<string, number>();
  for (const d of days) {
    const m = fromDays(d).slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0][0];
  return toDays(`${best}-15`);
}

function median(days: number[]): number {
  const s = [...days].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Up to k entries on each side of entry i (i itself left out). */
function window<T>(list: readonly T[], i: number, k: number): T[] {
  return [...list.slice(Math.max(0, i - k), i), ...list.slice(i + 1, i + 1 + k)];
}

/** Up to k entries of `list` (sorted by pos) before `pos` and k after it. */
function nearest<T extends { pos: number }>(list: readonly T[], pos: number, k: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return [...list.slice(Math.max(0, lo - k), lo), ...list.slice(lo, lo + k).filter((x) => x.pos !== pos)];
}

function groupBySource(items: readonly DateCheckItem[]): DateCheckItem[][] {
  const groups = new Map<string, DateCheckItem[]>();
  for (const it of items) {
    const g = groups.get(it.source);
    if (g) g.push(it);
    else groups.set(it.source, [it]);
  }
  return [...groups.values()];
}

/**
 * Numeric id order when every id of the group is one prefix and a number ("baomoi-21395276":
 * archives number articles as they publish them), else the order the corpus was read in.
 */
export function sortByArchiveOrder(group: readonly DateCheckItem[]): DateCheckItem[] {
  const parts = group.map((it) => /^(.*?)(\d+)$/.exec(it.id));
  const prefix = parts[0]?.[1];
  const numeric = parts.every((p) => p !== null && p[1] === prefix);
  const key = (it: DateCheckItem, i: number) => (numeric ? Number(parts[i]![2]) : it.order);
  return group
    .map((it, i) => ({ it, key: key(it, i) }))
    .sort((a, b) => a.key - b.key || a.it.order - b.it.order)
    .map((x) => x.it);
}
