// People named in an article: rules over capitalised word runs and the titles that introduce
// people, plus a small list of well-known people (data/people.json). Mentions are merged
// within the article: "ông Trump" → Donald Trump, "HLV Bảo Quân" → Nguyễn Bảo Quân.
import outletsJson from "@/data/outlets.json";
import peopleJson from "@/data/people.json";
import { CAN, CHI, NON_PERSON_WORDS, NOT_PEOPLE, PERSON_TITLES, PLACES, SENTENCE_WORDS, VN_SURNAMES } from "@/lib/corpus/names";
import { foldMarks, slugify } from "@/lib/corpus/text";
import type { Entity } from "@/lib/corpus/types";

interface KnownPerson {
  name: string;
  variants: string[];
  /** One-word forms that identify the person on their own ("Putin"). */
  short: string[];
}

const KNOWN: KnownPerson[] = peopleJson;
const WORD = "(?:(?:al|el)-)?\\p{Lu}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*";
// Lowercase particles inside foreign names: "Mohammed bin Abdulrahman", "Ludwig van Beethoven".
const RUN = new RegExp(`(?<![\\p{L}\\p{N}.])${WORD}(?: (?:(?:bin|ibn|van|von|de|da|di|del|der|dos) )?${WORD})*(?![\\p{L}\\p{N}])`, "gu");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const TITLE_SET = new Set(PERSON_TITLES);
const HONORIFICS = new Set(["ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy", "ngài"]);
/** Outlet names ("phóng viên Dân Việt") are never people. */
const OUTLET_NAMES = new Set(Object.values(outletsJson).map((o) => foldMarks(o.name)));
const TRAILING_TITLES = new Set(["ông", "bà", "chị", "cô", "cụ", "chú", "bác", "ngài", "thầy", "hlv", "blv", "gs", "ts", "ths", "bs", "mc", "sheikh"]);
const IN_RUN_TITLES = new Set(["sheikh", "emir", "hoàng thân", "thái tử", "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy", "ngài", "hlv", "blv", "gs", "ts", "ths", "bs", "mc", "nsnd", "nsưt", "vđv", "hs", "bầu", "tướng"]);
/** Words before a run that make it a place or a thing named after a person: "đường Nguyễn Trãi". */
const PLACE_BEFORE_SET = new Set([
  "thành phố", "tp", "tp.", "tỉnh", "huyện", "quận", "phường", "xã", "thị xã", "thị trấn", "đường", "phố", "ngõ", "hẻm",
  "trường", "thpt", "thcs", "chuyên", "cầu", "chợ", "sân", "lăng", "đền", "chùa", "bến", "ga", "công viên", "tượng đài",
  "sông", "núi", "đảo", "làng", "thôn", "ấp", "khu", "tư tưởng", "giải", "cúp", "quỹ", "trung tâm", "bệnh viện",
  "học viện", "nhà thờ", "bảo tàng", "vùng", "miền", "phim", "cuốn", "bài hát", "ca khúc", "chương trình", "cuộc thi",
  "dự án", "công ty", "tập đoàn", "đội bóng", "đội tuyển", "clb", "câu lạc bộ", "tàu", "hãng", "nhãn hiệu",
  "thương hiệu", "mạng xã hội", "ứng dụng", "đại lộ",
]);

/** Whether the text right before a name ends with one of the phrases (1–4 words, case-insensitive). */
function endsWithPhrase(before: string, phrases: Set<string>): boolean {
  if (!/\s$/.test(before)) return false;
  // Walk back over the last four words without splitting the whole slice.
  let end = before.length;
  while (end > 0 && before[end - 1] === " ") end--;
  let phrase = "";
  for (let n = 0; n < 4 && end > 0; n++) {
    const start = before.lastIndexOf(" ", end - 1) + 1;
    let word = before.slice(start, end).toLowerCase().replace(/^[("“'‘]+/, "");
    if (n === 0) word = word.replace(/\.$/, "");
    phrase = phrase ? `${word} ${phrase}` : word;
    if (phrases.has(phrase)) return true;
    end = start - 1;
    while (end > 0 && before[end - 1] === " ") end--;
  }
  return false;
}
/** What people do right after their name is mentioned. */
const PERSON_AFTER =
  /^(?:\s*\(\s*\d{1,3}\s*tuổi|\s*,\s*\d{1,3}\s*tuổi|\s+(?:cho biết|cho hay|nói|chia sẻ|khẳng định|tuyên bố|thủ vai|đảm nhận|thừa nhận|nhấn mạnh|bày tỏ|sinh năm|từng|viết))/iu;
/** Capitalised words glued after a name by a missing full stop ("Juan Martinez Chẳng phải…"); never given names. */
const TRAILING_NON_NAME = new Set(["một", "các", "những", "này", "đó", "khi", "và", "theo", "cho", "là", "chẳng", "không", "cũng", "đã", "sẽ", "đang", "được", "bị", "với", "tại", "trong", "sau", "trước", "nhưng", "ngày", "năm", "tháng", "hôm", "video", "ảnh", "clip", "bàn", "người", "nếu", "vì", "do", "để", "từ", "đến", "ở", "về", "có", "còn", "rồi", "thì", "mà", "lại", "tên", "ngay", "bí", "chánh", "luật", "phó", "chủ", "tổng", "giám", "thủ", "trưởng", "bộ", "cục", "cựu", "nguyên", "tân"]);
/** "Rachel Thomas, thư ký báo chí của…": a name followed by the person's role. */
const TITLE_AFTER = new RegExp(`^\\s*,\\s*(?:${[...PERSON_TITLES].sort((a, b) => b.length - a.length).map(escape).join("|")})\\s`, "iu");
/** Places by their first word, longest first, so a lookup costs a few comparisons. */
const PLACES_BY_FIRST = new Map<string, string[][]>();
for (const p of PLACES) {
  const words = p.split(" ");
  const list = PLACES_BY_FIRST.get(words[0]) ?? [];
  list.push(words);
  list.sort((x, y) => y.length - x.length);
  PLACES_BY_FIRST.set(words[0], list);
}
const VN_ONLY = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const VN_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}(?:ng|nh|ch|[cmnpt])?$/iu;

interface Mention {
  words: string[];
  titled: boolean;
  known: KnownPerson | null;
  /** Accepted on its own (title, known, Vietnamese surname, place qualifier) or only with support. */
  strong: boolean;
  text: number;
  start: number;
  end: number;
}

const knownByKey = new Map<string, KnownPerson>();
const knownByShort = new Map<string, KnownPerson>();
for (const k of KNOWN) {
  for (const v of [k.name, ...k.variants]) knownByKey.set(nameKey(v.split(/\s+/)), k);
  for (const s of k.short) knownByShort.set(nameKey([s]), k);
}

/** Comparison key: folded, hyphens as spaces, and for foreign names y/i spelling merged (Yury/Yuri, Sergey/Sergei). */
export function nameKey(words: string[]): string {
  const joined = words.join(" ");
  let key = foldMarks(joined).replace(/[-'’]/g, " ").replace(/\s+/g, " ").trim();
  if (/^[\x00-\x7f]*$/.test(joined)) key = key.replace(/yy/g, "y").replace(/y\b/g, "i");
  return key;
}

function isVietnameseName(words: string[]): boolean {
  return words.every((w) => VN_SYLLABLE.test(w) && /^\p{Lu}\p{Ll}*$/u.test(w));
}

function lower(w: string): string {
  return w.toLowerCase();
}

/** How many words of a known place start at `at` (0 when none). */
function placeLength(words: string[], at: number): number {
  for (const p of PLACES_BY_FIRST.get(words[at]) ?? []) {
    if (p.every((w, i) => words[at + i] === w)) return p.length;
  }
  return 0;
}

/** Split a capitalised run into candidate name segments, recording why each is a name. */
function mentionsInRun(text: string, runStart: number, runWords: string[], textIndex: number, out: Mention[]) {
  // Split at words that make a run an organisation or a thing: "Trường THPT Bùi Thị Xuân".
  let segStart = 0;
  const offsets: number[] = [];
  let pos = runStart;
  for (const w of runWords) {
    offsets.push(pos);
    pos += w.length + 1;
  }
  let afterPlace = false;
  let afterOrg = false;
  for (let i = 0; i <= runWords.length; ) {
    // A place splits a run only in qualifier position, before the name ("Nga Vladimir Putin"),
    // never at its end ("Cao Toàn Mỹ", "Trương Hồ Phương Nga").
    const place = i < runWords.length && i === segStart ? placeLength(runWords, i) : 0;
    const w = runWords[i] ?? "";
    const nonPerson = NON_PERSON_WORDS.has(lower(w)) || (/^\p{Lu}{2,}$/u.test(w) && !IN_RUN_TITLES.has(lower(w)));
    if (i < runWords.length && !place && !nonPerson) {
      i++;
      continue;
    }
    if (i > segStart) segment(text, offsets, runWords, segStart, i, afterPlace, afterOrg, textIndex, out);
    // A place right before a name qualifies it ("Nga Vladimir Putin"); an organisation word makes
    // what follows part of its name ("Bộ Công Thương", "BV Bạch Mai") unless a title says otherwise.
    afterPlace = place > 0;
    // Acronyms (LĐTB&XH, UBND) usually end an organisation's name, so they do not count here.
    afterOrg = place === 0 && i < runWords.length && NON_PERSON_WORDS.has(lower(w));
    i += place > 0 ? place : 1;
    segStart = i;
  }
}

function segment(
  text: string,
  offsets: number[],
  runWords: string[],
  from: number,
  to: number,
  afterPlace: boolean,
  afterOrg: boolean,
  textIndex: number,
  out: Mention[],
) {
  let a = from;
  let b = to;
  const atSentenceStart = !afterPlace && a === 0 && isSentenceStart(text, offsets[a]);
  let titled = false;
  // Leading words: sentence-initial common words, in-run honorifics ("Ông Trump"), places ("Nga Vladimir Putin").
  const placeQualified = afterPlace;
  for (let changed = true; changed && a < b; ) {
    changed = false;
    const w = lower(runWords[a]);
    if (IN_RUN_TITLES.has(w) && b - a > 1) {
      titled = true;
      a++;
      changed = true;
    } else if (atSentenceStart && SENTENCE_WORDS.has(w) && !titled) {
      a++;
      changed = true;
    }
  }
  // "Anh", "Em" end many given names (Hoàng Anh, Tuấn Anh): only unambiguous titles are cut.
  while (b > a && (TRAILING_NON_NAME.has(lower(runWords[b - 1])) || TRAILING_TITLES.has(lower(runWords[b - 1])))) b--;
  // "Lindsey Pelas Pelas": a scraped caption glued to the text repeats a word (but "Phạm Băng Băng").
  if (b - a >= 3 && runWords[b - 1] === runWords[b - 2] && !isVietnameseName(runWords.slice(a, b))) b--;
  if (a >= b) return;
  let words = runWords.slice(a, b);
  // The title may stand before the whole run: "Thư ký Báo chí Nhà Trắng Karoline Leavitt".
  const runStart = afterPlace ? runStartOf(offsets, from, runWords) : offsets[from];
  const prefix = text.slice(Math.max(0, runStart - 60), runStart);
  if (!titled) titled = endsWithPhrase(prefix, TITLE_SET) && (a === from || placeQualified);
  if (!titled && endsWithPhrase(text.slice(Math.max(0, offsets[a] - 40), offsets[a]), PLACE_BEFORE_SET)) return;
  let splitInside = false;
  if (words.length > 4) {
    // "Quảng Nam Đinh Văn Thu": keep the part that starts with a family name.
    const i = words.findIndex((w, k) => k > 0 && VN_SURNAMES.has(lower(w)) && words.length - k <= 4);
    if (i < 0) return;
    if (IN_RUN_TITLES.has(lower(words[i - 1]))) titled = true;
    splitInside = true;
    a += i;
    words = words.slice(i);
  }
  // Teams are named after provinces ("Sanna Khánh Hòa", "Hoàng Anh Gia Lai"); people with an
  // honorific are not ("ông Phan Thái Bình").
  const honorific = HONORIFICS.has(lower(runWords[from])) || endsWithPhrase(prefix, HONORIFICS);
  if (!honorific) for (let k = 2; k < words.length; k++) if (placeLength(words, words.length - k) === k) return;
  if (OUTLET_NAMES.has(foldMarks(words.join(" ")))) return;
  if (afterOrg && !titled && !splitInside) return;
  if (placeLength(words, 0) === words.length) return;
  // "Văn", "Thị" are middle names: a name cannot end with one ("Nguyễn Văn" is a cut name).
  if (words.length >= 2 && /^(?:văn|thị)$/.test(lower(words[words.length - 1]))) return;
  if (words.length >= 2 && CAN.has(lower(words[0])) && CHI.has(lower(words[1]))) return;
  if (NOT_PEOPLE.has(words.join(" ").toLowerCase())) return;
  const known = knownByKey.get(nameKey(words)) ?? (words.length === 1 ? knownByShort.get(nameKey(words)) ?? null : null);
  const vnSurname = words.length >= 2 && VN_SURNAMES.has(lower(words[0])) && isVietnameseName(words);
  const strong = Boolean(known) || (titled && words.length >= 1) || vnSurname || (placeQualified && words.length >= 2);
  const end = offsets[a + words.length - 1] + words[words.length - 1].length;
  out.push({ words, titled, known: known ?? null, strong, text: textIndex, start: offsets[a], end });
}

/** Whether position `at` starts a sentence (or a paragraph, a quote, a dash-separated clause). */
function isSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === " ") i--;
  if (i < 0) return true;
  const c = text[i];
  return ".!?:;\"“”…".includes(c) || ((c === "-" || c === "–") && i < at - 1 && text[i - 1] === " ");
}

/** Offset where the places in front of a segment start, for reading the title before them. */
function runStartOf(offsets: number[], from: number, runWords: string[]): number {
  let i = from;
  while (i > 0) {
    let found = false;
    for (let n = 1; n <= 4 && i - n >= 0; n++) {
      if (placeLength(runWords, i - n) === n) {
        i -= n;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return offsets[i];
}

/** An untitled name that looks foreign ("Emily Blunt"): counted only with support. */
function isWeakCandidate(m: Mention): boolean {
  return (
    m.words.length >= 2 &&
    m.words.length <= 3 &&
    m.words.every((w) => /^[A-Za-z'’-]+$/.test(w) || /[ñüöäçëïßøå]/iu.test(w)) &&
    !m.words.some((w) => ENGLISH_FUNCTION_WORDS.has(lower(w))) &&
    !isVietnameseName(m.words)
  );
}

/** Capitalised English words in titles of films, books and events ("The Girl On The Train"). */
const ENGLISH_FUNCTION_WORDS = new Set(["on", "in", "of", "at", "to", "for", "with", "by", "from", "the", "a", "an", "and", "or", "my", "your", "our", "new", "is", "are", "be", "it", "this", "that", "all", "no", "not"]);

/** Glue "bin", "van"… to the next word so a run stays one word per name part. */
function joinParticles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (/^\p{Ll}/u.test(words[i]) && !/^(?:al|el)-/.test(words[i]) && i + 1 < words.length) {
      out.push(`${words[i]} ${words[i + 1]}`);
      i++;
    } else out.push(words[i]);
  }
  return out;
}

/** The people named in the article's title and paragraphs. */
export function findPeople(texts: string[]): Entity[] {
  const mentions: Mention[] = [];
  texts.forEach((text, i) => {
    for (const m of text.matchAll(RUN)) mentionsInRun(text, m.index ?? 0, joinParticles(m[0].split(" ")), i, mentions);
  });

  // Weak candidates (untitled foreign-looking names) need support: a person cue right after,
  // a word of the name used alone elsewhere, or a list shared with an accepted name.
  const singles = new Set(mentions.filter((m) => m.words.length === 1).map((m) => nameKey(m.words)));
  const accepted = new Set<Mention>();
  for (const m of mentions) {
    if (m.strong) accepted.add(m);
    else if (isWeakCandidate(m)) {
      const after = texts[m.text].slice(m.end, m.end + 30);
      const reused = singles.has(nameKey([m.words[m.words.length - 1]])) || singles.has(nameKey([m.words[0]]));
      if (PERSON_AFTER.test(after) || TITLE_AFTER.test(after) || reused) accepted.add(m);
    }
  }
  // Mentions are in text order, so list neighbours are adjacent in `mentions`.
  const LIST_GAP = /^\s*(?:,|và|,\s*và)\s*$/u;
  const listed = (x: Mention, y: Mention) =>
    x.text === y.text && y.words.length >= 2 && LIST_GAP.test(texts[x.text].slice(Math.min(x.end, y.end), Math.max(x.start, y.start)));
  for (let changed = true; changed; ) {
    changed = false;
    mentions.forEach((m, i) => {
      if (accepted.has(m) || !isWeakCandidate(m)) return;
      const prev = mentions[i - 1];
      const next = mentions[i + 1];
      if ((prev && accepted.has(prev) && listed(m, prev)) || (next && accepted.has(next) && listed(m, next))) {
        accepted.add(m);
        changed = true;
      }
    });
  }

  // Full names first; shorter mentions resolve to the one full name they are part of.
  const people = new Map<string, { name: string; words: string[]; count: number; known: KnownPerson | null }>();
  const ordered = [...accepted].sort((x, y) => y.words.length - x.words.length || x.text - y.text || x.start - y.start);
  for (const m of ordered) {
    const key = m.known ? nameKey(m.known.name.split(" ")) : nameKey(m.words);
    const existing = people.get(key);
    if (existing) {
      existing.count++;
      continue;
    }
    const parts = key.split(" ");
    const containing = [...people.entries()].filter(([k]) => {
      const kw = k.split(" ");
      if (kw.length <= parts.length) return false;
      const suffix = kw.slice(kw.length - parts.length).join(" ") === key;
      const prefix = parts.length === 1 && kw[0] === key;
      return suffix || prefix;
    });
    if (containing.length === 1) {
      containing[0][1].count++;
      continue;
    }
    if (containing.length > 1) continue;
    if (m.known) {
      people.set(key, { name: m.known.name, words: m.known.name.split(" "), count: 1, known: m.known });
    } else if (m.words.length >= 2) {
      people.set(key, { name: m.words.join(" "), words: m.words, count: 1, known: null });
    }
    // A one-word name that matches nobody is not enough to name a person.
  }
  return [...people.entries()].map(([key, p]) => ({
    id: p.known ? slugify(p.known.name) : VN_ONLY.test(p.name) ? slugify(p.name) : slugify(key),
    name: p.name,
  }));
}
