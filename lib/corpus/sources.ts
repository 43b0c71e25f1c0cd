// Cited sources: the agencies an article quotes ("Theo Reuters", "hãng tin AP"). A photo
// credit ("(Ảnh: Reuters)") says who took a picture, not where the text comes from: it is
// kept apart, as a credit. Only the article's own text and captions are read, never dropped
// lists of other stories.
import sourcesJson from "@/data/sources.json";
import type { Entity } from "@/lib/corpus/types";

interface SourceDef {
  id: string;
  name: string;
  aliases: string[];
  /** Short or ambiguous aliases (AP, RT, CNN) only count next to a citing cue. */
  needsCue: boolean;
}

const SOURCES: SourceDef[] = sourcesJson;
const BY_ALIAS = new Map<string, SourceDef>();
for (const s of SOURCES) for (const a of s.aliases) BY_ALIAS.set(a, s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Case-sensitive: agency names are written capitalised; "ap" or "rt" inside words never match.
// The letter or digit that may not stand before a name is checked by `aliasMatches`, not by a
// lookbehind the regex would try at every position of the text (four times the time).
const ALIAS_RE = new RegExp(
  `(${[...BY_ALIAS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * The agency names in `text`, as `/(?<![\p{L}\p{N}])(alias|…)(?![\p{L}\p{N}])/gu` finds them:
 * a match after a letter or digit is dropped and the search goes on from the next position.
 */
export function* aliasMatches(text: string): Generator<{ alias: string; at: number }> {
  ALIAS_RE.lastIndex = 0;
  for (let m = ALIAS_RE.exec(text); m; m = ALIAS_RE.exec(text)) {
    const at = m.index;
    if (at > 0 && WORD_CHAR.test(codePointBefore(text, at))) {
      ALIAS_RE.lastIndex = at + 1;
      continue;
    }
    const next = ALIAS_RE.lastIndex;
    yield { alias: m[1], at };
    ALIAS_RE.lastIndex = next;
  }
}

/** The code point that ends at `at` (a surrogate pair as one). */
function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1];
}

/** A cue before the name, with up to two words between ("hãng tin Nga Zvezda", "đài truyền hình NBC"). */
const CUE_BEFORE =
  /(?:theo|hãng tin|hãng thông tấn|thông tấn xã|thông tấn|hãng|đài|kênh|báo|tờ|trang|tạp chí|mạng|nói với|trả lời|phỏng vấn|với|nguồn|dẫn)\s*:?\s*(?:[\p{L}-]+\s+){0,2}$/iu;
const CUE_AFTER = /^\s*(?:dẫn lời|đưa tin|cho biết|cho hay|dẫn nguồn|trích lời|trích dẫn|đăng tải|tiết lộ|ghi nhận|nhận định|:)/iu;

/** A photo credit just before the name: "Ảnh: Reuters", "(Ảnh: AFP/TTXVN", "Photo: AP". */
const PHOTO_CUE = /(?:ảnh|nguồn ảnh|photo|đồ họa|video|clip)\s*:\s*(?:[\p{L}-]+\s+){0,1}$/iu;

export interface Citations {
  /** Agencies the text cites, in order of first mention. */
  sources: Entity[];
  /** Agencies credited for a photo or video only (not also cited by the text). */
  photoCredits: Entity[];
}

/** The agencies named in the given texts: cited sources, and photo credits apart. */
export function findCitations(texts: string[]): Citations {
  const sources = new Map<string, Entity>();
  const credits = new Map<string, Entity>();
  for (const text of texts) {
    for (const { alias, at } of aliasMatches(text)) {
      const def = BY_ALIAS.get(alias);
      if (!def || sources.has(def.id)) continue;
      const before = text.slice(Math.max(0, at - 40), at);
      if (PHOTO_CUE.test(before)) {
        credits.set(def.id, { id: def.id, name: def.name });
        continue;
      }
      if (def.needsCue) {
        const after = text.slice(at + alias.length, at + alias.length + 20);
        if (!CUE_BEFORE.test(before) && !CUE_AFTER.test(after)) continue;
      }
      sources.set(def.id, { id: def.id, name: def.name });
    }
  }
  return { sources: [...sources.values()], photoCredits: [...credits.values()].filter((c) => !sources.has(c.id)) };
}

/** The cited sources in the given texts, in order of first mention (photo credits excluded). */
export function findSources(texts: string[]): Entity[] {
  return findCitations(texts).sources;
}
