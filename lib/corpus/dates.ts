// Publication dates: read from metadata, or estimated from Vietnamese date expressions.
// Rule (docs/cleaning.md): the latest valid date mentioned in the text, with a missing year
// taken from the text's own full dates or years; null when the text gives no year at all.
import { isCalendarDate } from "@/lib/calendar";

export interface DateResult {
  date: string | null;
  estimated: boolean;
  how: "metadata" | "text" | "none";
  /** The expression the date was read from, for `npm run ingest`. */
  evidence: string | null;
}

/**
 * `YYYY-MM-DD` when (y, m, d) is a real calendar day, else null. Dates written in the text
 * are already Vietnam's calendar days, so there is no time zone to convert.
 */
export function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : null;
}

interface Mention {
  day: number;
  month: number;
  year: number | null;
  text: string;
}

const DAY_WORDS = "(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|khuya|chủ nhật|thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7]))";
// 25/4/2025, 25-4-2025, 25.4.2025 (year required), optionally after a day word.
const FULL = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/-]|\.\d)/gu;
// "ngày 25 tháng 4 năm 2025", "ngày 25 tháng 4".
const WORDED = /\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+((?:19|20)\d{2}))?/giu;
// "ngày 25/4", "hôm 24/4", "ngày 6-8", "sáng 22-5", "(22-6)".
const SHORT_CUED = new RegExp(`(?:${DAY_WORDS}\\s+)(\\d{1,2})([/.-])(\\d{1,2})(?![\\d/-]|\\.\\d|\\s*(?:%|tuổi|người|giờ|h\\b|km|triệu|tỷ))`, "giu");
// A bare "3/12": slash only, not a fraction, score or ratio.
const SHORT_BARE = /(?<![\d\p{L}/.,-])(\d{1,2})\/(\d{1,2})(?![\d/]|[.,]\d|\s*(?:%|số|điểm|bàn|ván|phần))/gu;
// "tháng 1/2025", "tháng 1-2025", "tháng 1 năm 2025", "năm 2025".
const MONTH_YEAR = /tháng\s+(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)((?:19|20)\d{2})\b/giu;
const YEAR = /(?<![\d/.-])năm\s+((?:19|20)\d{2})\b/giu;
// A bare year ("SEA Games 2017", "MWC 2017"), not an amount ("2000 người", "1.975 tỷ").
const BARE_YEAR = /(?<![\d.,/-])((?:19[5-9]|20[0-4])\d)(?![\d.,/%-]|\s*(?:tỷ|triệu|nghìn|ngàn|usd|đồng|người|km|m\b|kg|tấn|ha\b|con|chiếc|lượt|điểm|mét|cm|mm|ca\b|vụ))/giu;
// Years that look forward (targets, plans) say little about when the article was written.
const FUTURE_CUE = /(?:đến|tới|trước|tầm nhìn|giai đoạn|kế hoạch|mục tiêu|dự kiến)\s+(?:năm\s+)?$/iu;
// Birth years ("sinh năm 1995", "SN 1977") say nothing about when the article was written.
const BIRTH_CUE = /(?:sinh|sn|năm sinh|born|đời)\s*(?:năm\s+)?$/iu;

/** "ngày 16/2 tới": an announced future date, not a clue to when the article was written. */
const FOLLOWED_BY_FUTURE = /^\s*(?:tới|sắp tới|tới đây)\b/u;

function isFuture(text: string, m: RegExpMatchArray): boolean {
  const after = (m.index ?? 0) + m[0].length;
  return FOLLOWED_BY_FUTURE.test(text.slice(after, after + 12));
}

function collect(text: string) {
  const full: Mention[] = [];
  const partial: Mention[] = [];
  const years: number[] = [];
  for (const m of text.matchAll(FULL)) if (!isFuture(text, m)) full.push({ day: +m[1], month: +m[3], year: +m[4], text: m[0] });
  for (const m of text.matchAll(WORDED)) {
    if (isFuture(text, m)) continue;
    const item = { day: +m[1], month: +m[2], year: m[3] ? +m[3] : null, text: m[0] };
    (item.year ? full : partial).push(item);
  }
  const fullSpans = new Set<number>();
  for (const m of text.matchAll(FULL)) fullSpans.add(m.index ?? -1);
  for (const m of text.matchAll(SHORT_CUED)) {
    const at = (m.index ?? 0) + m[0].length - m[1].length - m[2].length - m[3].length;
    if (fullSpans.has(at) || isFuture(text, m)) continue;
    partial.push({ day: +m[1], month: +m[3], year: null, text: m[0].trim() });
  }
  if (partial.length === 0) {
    for (const m of text.matchAll(SHORT_BARE)) if (!isFuture(text, m)) partial.push({ day: +m[1], month: +m[2], year: null, text: m[0] });
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    if (!FUTURE_CUE.test(text.slice(Math.max(0, (m.index ?? 0) - 20), m.index))) years.push(+m[2]);
  }
  for (const re of [YEAR, BARE_YEAR]) {
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index);
      if (!FUTURE_CUE.test(before) && !BIRTH_CUE.test(before)) years.push(+m[1]);
    }
  }
  return { full, partial, years };
}

/**
 * Estimate the date of an article from its text (title first, then paragraphs).
 * 1. Full dates (day, month, year) are taken as they are.
 * 2. Day-month dates take the year of the latest full date; without one, the latest year
 *    mentioned ("tháng 1/2025", "năm 2025") that is not a target ("đến năm 2030").
 * 3. The estimate is the latest valid date among them; null when no year can be found.
 */
export function estimateDate(text: string): DateResult {
  const { full, partial, years } = collect(text);
  const dated: { iso: string; text: string }[] = [];
  for (const m of full) {
    const iso = calendarDate(m.year ?? 0, m.month, m.day);
    if (iso) dated.push({ iso, text: m.text });
  }
  const latestFull = dated.reduce<string | null>((a, d) => (a && a > d.iso ? a : d.iso), null);
  const year = latestFull ? +latestFull.slice(0, 4) : years.length ? Math.max(...years) : null;
  if (year) {
    for (const m of partial) {
      const iso = calendarDate(year, m.month, m.day);
      if (iso) dated.push({ iso, text: m.text });
    }
  }
  if (dated.length === 0) return { date: null, estimated: false, how: "none", evidence: null };
  const best = dated.reduce((a, d) => (d.iso > a.iso ? d : a));
  return { date: best.iso, estimated: true, how: "text", evidence: best.text };
}

export function articleDate(metadataDate: string | null, text: string): DateResult {
  if (metadataDate) return { date: metadataDate, estimated: false, how: "metadata", evidence: null };
  return estimateDate(text);
}

