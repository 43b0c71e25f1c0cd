// Separates an article's own text from the page around it: chrome (font-size widgets,
// "Tin liên quan", "Xem thêm"), lists of other stories, photo captions and bylines.
// General rules over line shapes, never per-file cases: see docs/cleaning.md.
import { endsLikeSentence, lineSimilarity, tidy, wordCount } from "@/lib/corpus/text";

export type DropReason = "chrome" | "related-header" | "related-link" | "related-list" | "caption" | "repeated-title" | "byline";

export interface DroppedParagraph {
  text: string;
  reason: DropReason;
}

export interface CleanedBody {
  /** The page's own title, when the page starts with one (see `isPageTitleLine`). */
  pageTitle: string | null;
  paragraphs: string[];
  dropped: DroppedParagraph[];
  /** Caption paragraphs and credit lines: evidence for cited sources, never indexed. */
  credits: string[];
  /** Pieces cut from inside kept paragraphs (inline link lists, trailing bylines). */
  trimmed: string[];
  /** The page's own date/time lines, dropped from the text: the best evidence for its date. */
  datelines: string[];
}

/** Whole-line page chrome. */
const CHROME =
  /^(?:nhỏ\s+bình thường\s+lớn|cỡ chữ|chia sẻ|bình luận|in bài|gửi bài|lưu bài|quay lại|về trang chủ|trở về|xem clip|xem video|video|theo dõi .{1,40} trên google news|nguồn (?:video|clip)\s*:.{0,60}|ảnh minh họa|ảnh internet)\s*:?$/iu;
/** Headers that announce a list of other stories. */
const RELATED_HEADER =
  /^(?:tin liên quan|bài liên quan|tin cùng chuyên mục|tin mới hơn|tin cũ hơn|tin khác|các tin khác|xem thêm|đọc thêm|có thể bạn quan tâm|tin nổi bật|đọc nhiều|mới nhất)\s*:?$/iu;
/** A daily round-up link: "Tin thế giới ngày 11/4: …", "Điểm tin sáng 7/2: …". */
const ROUNDUP = /^(?:tin|bản tin|điểm tin|tin tức)\b[^:.]{0,40}?\b(?:ngày|sáng|trưa|chiều|tối|đêm)\s+\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\s*:/iu;
/** A photo caption: text ending with a credit, `Ảnh: X`, `(Ảnh: Reuters).`, `(Nguồn: TASS)`. */
const CAPTION_CREDIT = /(?:^|[\s.(–-])\(?\s*(?:ảnh|nguồn ảnh|nguồn|photo|video|clip|đồ họa)\s*:\s*([^():]{1,60}?)\s*\)?\s*\.?$/iu;
/** A paragraph that is only a credit or a byline: "Theo VTC14", "(Theo Công an TP.HCM)". */
const CREDIT_LINE = /^\(?\s*(?:theo|nguồn)\s*:?\s+[^.!?]{1,60}\)?\.?$/iu;
/** An inline list of other stories glued to the end of a paragraph. */
const INLINE_RELATED = /\s(?:Tin liên quan|TIN LIÊN QUAN|Bài liên quan|BÀI LIÊN QUAN|Xem thêm:|XEM THÊM:|Tin cùng chuyên mục|Đọc thêm:)\s/u;

/** "X X": the same headline twice on one line (link text + image alt), or a doubled prefix "P P rest". */
export function isDoubledHeadline(line: string): boolean {
  // Long lines first: most lines of an article are paragraphs, not split into words for nothing.
  if (line.length > 400) return false;
  const words = line.split(" ");
  if (words.length < 2) return false;
  // Exact double, with odd or even word counts.
  if (words.length % 2 === 0) {
    const half = words.length / 2;
    if (words.slice(0, half).join(" ") === words.slice(half).join(" ") && half >= 2) return true;
  }
  // A doubled prefix: the link text was cut at a quote ("Nga Nga 'sẵn sàng…'").
  for (let k = Math.min(Math.floor(words.length / 2), 12); k >= 1; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = words[i] === words[k + i];
    if (!same) continue;
    if (k >= 2) return !endsLikeSentence(line) || k * 2 === words.length;
    // One repeated word only counts when it is capitalised and the line is headline-shaped.
    return /^\p{Lu}/u.test(words[0]) && !endsLikeSentence(line) && line.length <= 200;
  }
  return false;
}

export function isTeaser(line: string): boolean {
  return /(?:\.\.\.|…)$/u.test(line) && line.length <= 400;
}

/** The credit in a caption-shaped paragraph, or null. Long paragraphs are text, not captions. */
export function captionCredit(line: string): string | null {
  if (line.length > 350) return null;
  const m = CAPTION_CREDIT.exec(line);
  return m ? m[1].trim() : null;
}

/**
 * A page title line: short, headline-shaped (no final period), followed by a longer paragraph
 * that reads as text. A lead paragraph ends with a period and is usually longer.
 */
export function isPageTitleLine(line: string, next: string | undefined): boolean {
  if (!next) return false;
  const words = wordCount(line);
  if (words < 3 || words > 35 || line.length > 220) return false;
  if (/[.:;,…]$/u.test(line) || isTeaser(line) || captionCredit(line)) return false;
  return next.length > line.length || endsLikeSentence(next);
}

type Kind = "text" | "chrome" | "header" | "link" | "teaser" | "caption" | "dateline";

/** A page's date/time line: "Thứ Hai, 07/08/2025 10:30 (GMT+7)", "14:45 01/07/2017". */
const DATELINE =
  /^(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\s*,?\s*)?(?:ngày\s+)?(?:\d{1,2}:\d{2}\s*(?:[-|,]\s*)?)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:\(?gmt\s*\+\s*7\)?|sa|ch|am|pm))?)?\s*(?:\(gmt\s*\+\s*7\))?$/iu;
/** A breadcrumb: "Thế giới > Châu Âu", "Thời sự » Chính trị". */
const BREADCRUMB = /^[\p{L}\s&,.-]{2,40}(?:\s*[>»›|]\s*[\p{L}\s&,.-]{2,40}){1,4}$/u;

function classify(line: string): Kind {
  if (RELATED_HEADER.test(line)) return "header";
  if (CHROME.test(line) || BREADCRUMB.test(line)) return "chrome";
  if (line.length <= 80 && DATELINE.test(line)) return "dateline";
  if (isDoubledHeadline(line)) return "link";
  // A round-up link is one headline; the round-up article's own lead has sentences in it.
  if (ROUNDUP.test(line) && !/[.]$/.test(line) && !/[.!?]\s/.test(line) && line.length <= 250) return "link";
  if (captionCredit(line)) return "caption";
  if (isTeaser(line)) return "teaser";
  return "text";
}

/**
 * Where the trailing list of other stories starts, or -1. From a link line on, the rest is
 * list when it is made of links, headers, chrome, teasers ("…") and the one-line summary
 * printed under each linked headline, with at most a stray prose line here and there
 * (never two in a row, at most a fifth of the lines): two prose lines mean the article goes on.
 */
function listTailStart(lines: string[], kinds: Kind[]): number {
  // The list follows the article: some text must come before it.
  const firstText = kinds.indexOf("text");
  if (firstText < 0) return -1;
  const isListKind = (k: Kind) => k === "link" || k === "header" || k === "chrome" || k === "teaser" || k === "caption" || k === "dateline";
  // A summary sits under a linked headline; a "Tin liên quan" block lists headlines only.
  const isSummary = (j: number) => kinds[j] === "text" && kinds[j - 1] === "link" && kinds[j - 2] !== "header";
  let start = -1;
  let prose = 0;
  for (let j = lines.length - 1; j > firstText; j--) {
    if (!isListKind(kinds[j]) && !isSummary(j)) {
      if (kinds[j + 1] === "text" && !isSummary(j + 1)) break;
      prose++;
      continue;
    }
    if ((kinds[j] === "link" || kinds[j] === "header") && prose <= (lines.length - j) * 0.2) start = j;
  }
  return start;
}

/** Under a list header ("Tin liên quan", "Xem thêm"), headline-shaped lines are links until prose resumes. */
function markHeaderBlocks(lines: string[], kinds: Kind[]) {
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== "header") continue;
    for (let j = i + 1; j < lines.length; j++) {
      if (kinds[j] === "link" || kinds[j] === "teaser") continue;
      const headline = kinds[j] === "text" && lines[j].length <= 200 && wordCount(lines[j]) >= 3 && !/[.:;,]$/.test(lines[j]);
      if (!headline) break;
      kinds[j] = "link";
    }
  }
}

/** Mark consecutive identical lines (a headline printed twice) as links. */
function markRepeatedPairs(lines: string[], kinds: Kind[]) {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i] === lines[i + 1] && !endsLikeSentence(lines[i])) {
      kinds[i] = "link";
      kinds[i + 1] = "link";
    }
  }
}

/** A trailing byline after the last sentence: "… tại Việt Nam. Dương Di", "… ./. Thành Lương/VOV". */
const TRAILING_BYLINE =
  /([.!?…"”’)])\s+((?:\p{Lu}[\p{L}.]*(?:[\s\-/&]+|$)){1,5}(?:\(\s*(?:[Tt]heo|[Nn]guồn|[Tt]\/[Hh]|[Tt]ổng hợp)[^)]*\))?(?:\s*[-|]\s*[\p{L}\s]{2,30})?(?:\s*\|\s*[\d:/ ]+)?)$/u;
const TRAILING_CREDIT = /([.!?…"”’)])\s+(\(?\s*(?:theo|nguồn)\s*:?\s+(?:[^.!?()]|\.(?=\S)){1,60}\)?\.?)$/iu;

export function splitTrailingByline(paragraph: string): { text: string; byline: string | null } {
  const m = TRAILING_CREDIT.exec(paragraph) ?? TRAILING_BYLINE.exec(paragraph);
  if (!m) return { text: paragraph, byline: null };
  const byline = m[2].trim();
  if (wordCount(byline) > 9) return { text: paragraph, byline: null };
  return { text: paragraph.slice(0, m.index + m[1].length).trim(), byline };
}

/** Clean a scraped body. `knownTitle` is the record's title, if any (its repeats are dropped). */
export function cleanBody(body: string, knownTitle: string | null): CleanedBody {
  const lines = body
    .split("\n")
    .map(tidy)
    .filter((l) => l.length > 0);
  const kinds = lines.map(classify);
  markRepeatedPairs(lines, kinds);
  markHeaderBlocks(lines, kinds);
  const dropped: DroppedParagraph[] = [];
  const credits: string[] = [];
  const trimmed: string[] = [];
  const datelines: string[] = [];
  const keep: string[] = [];
  const keptKinds: Kind[] = [];

  const tail = listTailStart(lines, kinds);
  const end = tail >= 0 ? tail : lines.length;
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    const kind = kinds[i];
    if (kind === "chrome") dropped.push({ text: line, reason: "chrome" });
    else if (kind === "dateline") {
      dropped.push({ text: line, reason: "chrome" });
      datelines.push(line);
    } else if (kind === "header") dropped.push({ text: line, reason: "related-header" });
    else if (kind === "link") dropped.push({ text: line, reason: "related-link" });
    else if (kind === "caption") {
      dropped.push({ text: line, reason: "caption" });
      credits.push(line);
    } else if (kind === "teaser" && (kinds[i - 1] === "link" || kinds[i - 1] === "header")) {
      dropped.push({ text: line, reason: "related-link" });
    } else {
      keep.push(line);
      keptKinds.push(kind);
    }
  }
  for (let i = end; i < lines.length; i++) dropped.push({ text: lines[i], reason: "related-list" });

  // The page title: the record's, or the first kept line when it is headline-shaped.
  let pageTitle: string | null = null;
  if (!knownTitle && keep.length > 1 && isPageTitleLine(keep[0], keep[1])) {
    pageTitle = keep.shift() ?? null;
    keptKinds.shift();
  }
  const title = knownTitle ?? pageTitle;

  const paragraphs: string[] = [];
  for (let i = 0; i < keep.length; i++) {
    let line = keep[i];
    if (title && isRepeatedTitle(line, title)) {
      dropped.push({ text: line, reason: "repeated-title" });
      continue;
    }
    if (CREDIT_LINE.test(line) || (i === keep.length - 1 && i > 0 && isBylineOnly(line))) {
      dropped.push({ text: line, reason: "byline" });
      credits.push(line);
      continue;
    }
    const inline = INLINE_RELATED.exec(line);
    if (inline && inline.index > line.length * 0.5) {
      trimmed.push(line.slice(inline.index).trim());
      line = line.slice(0, inline.index).trim();
    }
    if (i === keep.length - 1) {
      const { text, byline } = splitTrailingByline(line);
      if (byline) {
        trimmed.push(byline);
        credits.push(byline);
        line = text;
      }
    }
    paragraphs.push(line);
  }
  if (paragraphs.length === 0 && !pageTitle) {
    // Nothing looked like an article: keep every line that is not chrome rather than lose the page.
    const fallback = lines.filter((_, i) => kinds[i] !== "chrome" && kinds[i] !== "header" && kinds[i] !== "dateline");
    const kept = dropped.filter((d) => d.reason === "chrome" || d.reason === "related-header");
    return { pageTitle: null, paragraphs: fallback, dropped: kept, credits, trimmed: [], datelines };
  }
  return { pageTitle, paragraphs, dropped, credits, trimmed, datelines };
}

/** The title printed again (image alt text), possibly with a typo. */
export function isRepeatedTitle(line: string, title: string): boolean {
  if (line === title) return true;
  if (line.length > title.length * 1.3 + 10 || line.length < title.length * 0.7) return false;
  return lineSimilarity(line, title) >= 0.85;
}

/** A last paragraph that is only an author's name: "Quý Sáng", "Hoàng Như", "G.T". */
function isBylineOnly(line: string): boolean {
  if (line.length > 50 || endsLikeSentence(line) || wordCount(line) > 6) return false;
  return line
    .split(/[\s\-/]+/)
    .filter(Boolean)
    .every((w) => /^[\p{Lu}(]/u.test(w) || /^(?:và|t\/h)$/i.test(w));
}
