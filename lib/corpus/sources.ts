// Cited sources: the agencies an article quotes ("Theo Reuters", "hãng tin AP"). A photo
// credit ("(Ảnh: Reuters)") says who took a picture, not where the text comes from: it is
// kept apart, as a credit. Only the article's own text and captions are read, never dropped
// lists of other stories.
import sourcesJson from "@/data/sources.json";
import type { Entity } from "@/lib/corpus/types";
import { matchesNotAfter } from "@/lib/text/match-not-after";

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
// No letter or digit before a name: checked by `matchesNotAfter`, not by a lookbehind.
const ALIAS_RE = new RegExp(
  `(${[...BY_ALIAS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
/** What may not stand right before an agency's name. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

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
    for (const m of matchesNotAfter(ALIAS_RE, text, WORD_CHAR)) {
      const [, alias] = m;
      const at = m.index;
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
