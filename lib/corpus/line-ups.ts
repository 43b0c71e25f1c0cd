// Line-ups, squad lists and scorer lists in match reports, found by their shape, never by team:
//   "Đội hình thi đấu Macedonia: Dimitrievski; Toshevski (Trajkovski 74'), Shikov, …"
//   "Everton (4-3-3): Robles; Holgate, Jagielka, A. Williams, Baines; …"
//   "Ghi bàn: Thụy Điển: Durmaz (43'); Toivonen (90'+3) Pháp: Giroud (37')"
//   "Thủ môn: Petr Cech Hậu vệ phải: Bellerin Trung vệ: Koscielny …"
// A header ends with a colon; the list after it is capitalised items between separators,
// minutes, shirt numbers and team or position labels (a name and a colon). The items are
// players, whose names such lists print bare (surnames, given names); the labels are not.

/**
 * What opens a list: a line-up's, a position's or a match event's word, or a formation, then a
 * colon; or a preview's "<team> Dự kiến:" (expected line-up), capitalised and right before its
 * colon ("Giá dự kiến: khoảng 700 USD" is a price). Its lookbehind comes after the literal, so the
 * scan still rejects most positions by their first character.
 */
const HEADER =
  /(?:Đội hình|Ghi bàn|Bàn thắng|Thay người|Dự bị|Thẻ vàng|Thẻ đỏ|Thủ môn|Hậu vệ|Trung vệ|Tiền vệ|Tiền đạo)[^.:;!?()"“”\n]{0,60}:|Dự kiến(?<=\p{Lu}[\p{L}\p{M}\d]* Dự kiến)\s*(?:\(\s*\d(?:\s*[-–]\s*\d){2,3}\s*\)\s*)?:|\(\s*\d(?:\s*[-–]\s*\d){2,3}\s*\)\s*:/gu;

/** A position's or an event's label inside a list ("Hậu vệ phải:", "HLV trưởng:", "Dự bị:"), also glued after a name. */
const POSITION_LABEL =
  /(?:Thủ môn|Hậu vệ(?: phải| trái| cánh)?|Trung vệ|Tiền vệ(?: [\p{Ll}]+){0,2}|Tiền đạo(?: cắm)?|Dự bị|Thay người|Ghi bàn|Bàn thắng|Thẻ vàng|Thẻ đỏ|HLV(?: trưởng)?|Huấn luyện viên|Trợ lý|Cầu thủ|Đội hình(?: [\p{Ll}]+){0,3})\s*:/uy;

/** A formation after a team's name, before its colon: "Everton (4-3-3):". */
const FORMATION_LABEL = /\s*\(\s*\d(?:\s*[-–]\s*\d){2,3}\s*\)\s*:/uy;

/** One word of an item: letters, marks, initials' dots, apostrophes and hyphens ("S.Roberto", "N'Dy", "En-Nesyri"). */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\d.'’-]*/uy;

/** Lower-case particles inside foreign names ("van Persie", "de Gea"), and "và" between the last two items. */
const PARTICLES = new Set(["de", "da", "di", "del", "der", "den", "dos", "das", "van", "von", "ter", "bin", "al", "el", "la", "le", "y"]);

/** Minutes, scores and shirt numbers: "74'", "90'+3", "45+1", "3-1", "22". */
const NUMBER = /\d+(?:\s*[’'′]?\s*\+\s*\d+)?\s*[’'′]?/uy;

/** A substitute or scorer in brackets: a name, then its minute ("(Trajkovski 74')", "(Schinker, 33')"). */
const BRACKETED_PLAYER = /^\s*(\p{Lu}[^()\d]*?)[\s,]*\d{1,3}(?:\s*[’'′]?\s*\+\s*\d+)?\s*[’'′]?\s*$/u;

const SEPARATORS = new Set([",", ";", "–", "—", "-", "&"]);

/** Fewer items than this after a header make no list ("Đội hình dự kiến: Barcelona đang …"). */
const MIN_ITEMS = 3;
/** A list is never longer than this many characters (a runaway scan stops). */
const MAX_LIST = 3000;
/** A bracket longer than this is prose, not a substitute. */
const MAX_BRACKET = 40;

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

/**
 * The items of every list in `text`, as [start, end) character offsets in one flat array
 * (start, end, start, end…). An item is a run of capitalised words ("Dimitrievski",
 * "A. Williams", "Tiến Dũng"); a bracketed substitute with its minute is an item too.
 */
export function lineUpItems(text: string): number[] {
  const out: number[] = [];
  // Most texts have no colon, so no list; most with one have no header.
  if (text.indexOf(":") < 0) return out;
  HEADER.lastIndex = 0;
  for (let h = HEADER.exec(text); h; h = HEADER.exec(text)) {
    const end = scanList(text, HEADER.lastIndex, out);
    if (end > HEADER.lastIndex) HEADER.lastIndex = end;
  }
  return out;
}

/** Reads one list from `from`; pushes its items to `out` when it has enough; returns where it stopped. */
function scanList(text: string, from: number, out: number[]): number {
  const items: number[] = [];
  const limit = Math.min(text.length, from + MAX_LIST);
  let p = from;
  // Where the last item ended, to drop it when prose follows it directly ("…, En-Nesyri dính án").
  let lastEnd = -1;
  while (p < limit) {
    const c = text[p];
    if (c === " " || c === "\t" || c === ":" || SEPARATORS.has(c)) {
      p++;
      continue;
    }
    if (c >= "0" && c <= "9") {
      NUMBER.lastIndex = p;
      p = NUMBER.test(text) ? NUMBER.lastIndex : p + 1;
      continue;
    }
    if (c === "(") {
      const close = text.indexOf(")", p);
      if (close < 0 || close - p > MAX_BRACKET || text.slice(p + 1, close).includes("(")) break;
      const inner = BRACKETED_PLAYER.exec(text.slice(p + 1, close));
      if (inner) {
        const start = p + 1 + inner.index + inner[0].indexOf(inner[1]);
        items.push(start, start + inner[1].trimEnd().length);
      }
      p = close + 1;
      continue;
    }
    if (c === ".") {
      // A full stop ends the list unless another team's label follows ("…; Kombarov. Bồ Đào Nha: Patricio")
      // or the list goes on, a stop typed for a semicolon ("…; Camacho. Recio, Fornals, …").
      const next = p + 1 < text.length && text[p + 1] === " " ? p + 2 : -1;
      if (next < 0 || (labelEnd(text, next) < 0 && !listGoesOn(text, next))) break;
      p = next;
      continue;
    }
    WORD.lastIndex = p;
    if (!WORD.test(text)) break;
    const wordEnd = WORD.lastIndex;
    if (!isUpper(c)) {
      const w = text.slice(p, wordEnd);
      if (w === "và" || (PARTICLES.has(w) && text[wordEnd] === " " && isUpper(text[wordEnd + 1] ?? ""))) {
        p = wordEnd;
        continue;
      }
      // Prose resumes: the item right before it is its subject, not a list member.
      if (lastEnd >= 0 && text.slice(lastEnd, p).trim() === "") items.splice(-2, 2);
      break;
    }
    const label = labelEnd(text, p);
    if (label >= 0) {
      p = label;
      continue;
    }
    const end = itemEnd(text, p);
    items.push(p, end);
    lastEnd = end;
    p = end;
  }
  if (items.length / 2 >= MIN_ITEMS) out.push(...items);
  return p;
}

/** Where a label starting at `p` ends (after its colon), or -1: a position's label, or capitalised words and a colon ("Tây Ban Nha:", "Everton (4-3-3):"). */
function labelEnd(text: string, p: number): number {
  POSITION_LABEL.lastIndex = p;
  if (POSITION_LABEL.test(text)) return POSITION_LABEL.lastIndex;
  let q = p;
  for (;;) {
    WORD.lastIndex = q;
    if (!isUpper(text[q] ?? "") && !(text[q] >= "0" && text[q] <= "9")) return -1;
    // "U23 Malaysia:", "U21 Tây Ban Nha:".
    const m = /^[\p{L}\p{M}\d][\p{L}\p{M}\d.'’-]*/u.exec(text.slice(q, q + 40));
    // A sentence's last word is no part of a label ("…, Suarez. ATLETICO MADRID (4-4-2):").
    if (!m || (m[0].endsWith(".") && m[0].length > 2)) return -1;
    q += m[0].length;
    if (text[q] === ":") return q + 1;
    FORMATION_LABEL.lastIndex = q;
    if (FORMATION_LABEL.test(text)) return FORMATION_LABEL.lastIndex;
    if (text[q] !== " " || q - p > 40) return -1;
    q++;
  }
}

/** Whether an item starts at `p` and a list's separator follows it. */
function listGoesOn(text: string, p: number): boolean {
  if (!isUpper(text[p] ?? "")) return false;
  const end = itemEnd(text, p);
  return text[end] === "," || text[end] === ";";
}

/** Where an item starting at `p` ends: capitalised words and particles, up to a separator or a glued position label ("Petr Cech Hậu vệ phải:"). */
function itemEnd(text: string, p: number): number {
  let end = p;
  for (let q = p; ;) {
    WORD.lastIndex = q;
    if (!WORD.test(text)) return end;
    const w = text.slice(q, WORD.lastIndex);
    if (!isUpper(w[0]) && !PARTICLES.has(w)) return end;
    if (q > p) {
      POSITION_LABEL.lastIndex = q;
      if (POSITION_LABEL.test(text)) return end;
    }
    // A word's trailing full stop ends the sentence, not the name ("…, Sandro. Real Madrid"), unless it is an initial.
    end = w.endsWith(".") && w.length > 2 ? WORD.lastIndex - 1 : WORD.lastIndex;
    if (end < WORD.lastIndex || text[end] !== " ") return end;
    q = end + 1;
  }
}
