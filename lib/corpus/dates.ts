// Publication dates: read from metadata, or estimated from the text that dates the article
// itself: the page's dateline, a date in the title, or the date the lead opens its news
// with ("Sáng 6/2, …", "hôm nay (6/2)"). Dates the article talks about (history, birthdays,
// plans, ranges) are never taken, and neither is a day after the moment the file was read.
// A day-month without a year ("Ngày 3-7, …") is kept as a clue: the archive check
// (lib/corpus/date-check.ts) gives it the year its neighbouring articles have, or drops it.
import { isCalendarDate } from "@/lib/calendar";
import { matchesNotAfter } from "@/lib/text/match-not-after";

export interface DateResult {
  date: string | null;
  estimated: boolean;
  how: "metadata" | "text" | "none";
  /** The expression the date was read from, for `npm run ingest`. */
  evidence: string | null;
  /**
   * A date the text gives without a year: `MM-DD`, and how many days after it the article
   * was written ("hôm qua (5/2)" → 1). Only set when `date` is null.
   */
  clue: DateClue | null;
}

export interface DateClue {
  monthDay: string;
  shift: number;
  /** Years the whole text names: a loose archive check asks the text to name the year too. */
  years: number[];
}

/** Where a publication date may be read from; `lead` is the title and the first paragraphs. */
export interface DateSources {
  datelines: readonly string[];
  title: string | null;
  lead: readonly string[];
}

/** How many characters of the first paragraphs count as the lead. */
export const LEAD_CHARS = 600;

/**
 * `YYYY-MM-DD` when (y, m, d) is a real calendar day, else null. Dates written in the text
 * are already Vietnam's calendar days, so there is no time zone to convert.
 */
export function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : null;
}

/** Today's calendar day in Vietnam (UTC+7), the reference for "never in the future". */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

const NONE: DateResult = { date: null, estimated: false, how: "none", evidence: null, clue: null };

// A time-of-day word that introduces the news day: "Ngày 3-7,", "Rạng sáng 18-6", "chiều 9-5",
// "hôm nay (6/2)", "tối qua (5/2)", "Thứ Hai (6/2)".
const DAY_CUE =
  "(?:ngày|hôm nay|hôm qua|hôm|rạng sáng|sáng nay|sáng qua|sáng|trưa nay|trưa qua|trưa|chiều nay|chiều qua|chiều|tối nay|tối qua|tối|đêm nay|đêm qua|đêm|khuya|thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)";
// The cue, optionally a parenthesis, then d/m or d-m or d.m, optionally /yyyy.
// No letter before the cue: checked by `matchesNotAfter`, not by a lookbehind.
const CUED = new RegExp(
  `(${DAY_CUE})\\s*(?:,\\s*)?(\\()?\\s*(\\d{1,2})([/.-])(\\d{1,2})(?:\\4((?:19|20)\\d{2}))?(?![\\d]|[/.-]\\d|\\s*(?:%|tuổi|người|giờ|h\\b|km|triệu|tỷ))`,
  "giu",
);
const LETTER = /^\p{L}$/u;
// "ngày 25 tháng 4 năm 2025", "ngày 25 tháng 4".
const WORDED = /(?<![\p{L}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*((?:19|20)\d{2}))?/giu;
// A full date anywhere in a dateline or a title: 25/4/2025, 25-4-2025, 25.4.2025.
const FULL = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/-]|\.\d)/gu;

/** Just before a date: it belongs to a range ("từ ngày 27 đến 30-6", "ngày 7 và 8/2"). */
const RANGE_BEFORE =
  /(?:\d\s*(?:đến|tới|và|-|–|,)\s*(?:ngày\s*)?|(?<![\p{L}])(?:từ|đến|tới|trước|sau|kể từ|cho đến|hết|hạn chót|chậm nhất|muộn nhất)\s+(?:(?:[\p{L}]+|\d{1,2}(?:h\d{0,2}|:\d{2}|\s*giờ))\s+){0,2})$/iu;
/** Just after a date: a range's first end ("ngày 27-6 đến 30-6"), or a future date ("ngày 16/2 tới"). */
const AFTER_EXCLUDES = /^\)?\s*(?:-|–|đến|tới|sắp tới|và\s+\d|,\s*\d{1,2}\s*(?:\/|-|và))/iu;
/** Earlier in the same sentence: a plan, a birthday, an anniversary, history, a recounted or earlier-reported event. */
const CONTEXT_EXCLUDES =
  /(?<![\p{L}])(?:sẽ|dự kiến|dự định|kế hoạch|chuẩn bị|sắp|mục tiêu|lên lịch|sinh ngày|sinh năm|ngày sinh|sn|kỷ niệm|giỗ|cách đây|năm xưa|lịch sử|hồi năm|trước đó|năm ngoái|năm trước|vào năm|kể|đã thông tin|đã đưa tin|đã phản ánh)(?![\p{L}])[^.!?;]*$/iu;
/** "hôm qua", "tối qua": the article was written the day after the date it gives. */
const YESTERDAY = /qua$/iu;

interface Found {
  day: number;
  month: number;
  year: number | null;
  shift: number;
  text: string;
}

/** "hôm nay (1/6)", "chiều nay (29/6)": the text says which day is today. */
const TODAY_CUE = /(?:hôm|sáng|trưa|chiều|tối|đêm) nay$/iu;

/**
 * The date the text opens its news with, or null: a date it calls today ("từ hôm nay (1/6)")
 * wherever it is in the lead, else the first date after a day word.
 */
function firstCued(text: string): Found | null {
  const found: { at: number; f: Found }[] = [];
  for (const m of matchesNotAfter(CUED, text, LETTER)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const cue = m[1].toLowerCase();
    if (TODAY_CUE.test(cue) && !AFTER_EXCLUDES.test(text.slice(end, end + 12))) {
      return { day: +m[3], month: +m[5], year: m[6] ? +m[6] : null, shift: 0, text: m[0].trim() };
    }
    if (excluded(text, at, end, m[1])) continue;
    found.push({ at, f: { day: +m[3], month: +m[5], year: m[6] ? +m[6] : null, shift: YESTERDAY.test(cue) ? 1 : 0, text: m[0].trim() } });
  }
  for (const m of text.matchAll(WORDED)) {
    const at = m.index ?? 0;
    if (excluded(text, at, at + m[0].length, "ngày")) continue;
    found.push({ at, f: { day: +m[1], month: +m[2], year: m[3] ? +m[3] : null, shift: 0, text: m[0] } });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.f ?? null;
}

/** Whether the date at [at, end) is a range, a future date, or in a sentence about something else. */
function excluded(text: string, at: number, end: number, cue: string): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  const sentence = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1) + cue;
  return RANGE_BEFORE.test(before) || AFTER_EXCLUDES.test(text.slice(end, end + 12)) || CONTEXT_EXCLUDES.test(sentence);
}

function firstFull(text: string): Found | null {
  for (const m of text.matchAll(FULL)) {
    const at = m.index ?? 0;
    if (RANGE_BEFORE.test(text.slice(Math.max(0, at - 40), at)) || AFTER_EXCLUDES.test(text.slice(at + m[0].length, at + m[0].length + 12))) continue;
    return { day: +m[1], month: +m[3], year: +m[4], shift: 0, text: m[0] };
  }
  return null;
}

const ANY_YEAR = /(?<!\d)(19\d\d|20\d\d)(?!\d)/g;

/** A found date as a result: a full date not after `today`, or a clue; null when impossible. */
function toResult(f: Found, today: string, sources: DateSources): DateResult | null {
  if (f.year === null) {
    // 29 February is a real day in some year: keep it, the check picks a year.
    if (!calendarDate(2000, f.month, f.day)) return null;
    const monthDay = `${String(f.month).padStart(2, "0")}-${String(f.day).padStart(2, "0")}`;
    const text = [sources.title ?? "", ...sources.lead].join("\n");
    const years = [...new Set([...text.matchAll(ANY_YEAR)].map((m) => Number(m[1])))].sort();
    return { ...NONE, evidence: f.text, clue: { monthDay, shift: f.shift, years } };
  }
  const iso = calendarDate(f.year, f.month, f.day);
  if (!iso) return null;
  const date = f.shift ? addDays(iso, f.shift) : iso;
  if (date > today) return null;
  return { date, estimated: true, how: "text", evidence: f.text, clue: null };
}

/** The lead: the first paragraphs, up to about LEAD_CHARS characters. */
export function leadOf(paragraphs: readonly string[]): string {
  let lead = "";
  for (const p of paragraphs) {
    if (lead.length >= LEAD_CHARS) break;
    lead += (lead ? "\n" : "") + p;
  }
  return lead.slice(0, LEAD_CHARS + 200);
}

/**
 * Estimate the publication date from the text that dates the article itself, in this order:
 * 1. the page's dateline ("Thứ Hai, 06/02/2017 10:30");
 * 2. a date in the title ("Kết quả xổ số ngày 6/2/2017", "Giá vàng hôm nay 6/2");
 * 3. the first date the lead opens its news with ("Ngày 3-7, tại Hà Nội…").
 * Never after `today`. A date without a year comes back as a `clue` for the archive check.
 */
export function estimateDate(sources: DateSources, today: string = todayInVietnam()): DateResult {
  for (const line of sources.datelines) {
    const f = firstFull(line);
    const r = f && toResult(f, today, sources);
    if (r) return r;
  }
  if (sources.title) {
    const f = firstCued(sources.title) ?? firstFull(sources.title);
    const r = f && toResult(f, today, sources);
    if (r) return r;
  }
  const lead = leadOf(sources.lead);
  const f = firstCued(lead);
  return (f && toResult(f, today, sources)) ?? NONE;
}

export function articleDate(metadataDate: string | null, sources: DateSources, today?: string): DateResult {
  if (metadataDate) return { date: metadataDate, estimated: false, how: "metadata", evidence: null, clue: null };
  return estimateDate(sources, today);
}

/** `iso` plus `n` days. */
export function addDays(iso: string, n: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
