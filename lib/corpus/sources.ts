// Cited sources: the agencies an article quotes ("Theo Reuters", "hãng tin AP", "Ảnh: TASS").
// Only the article's own text and captions are read, never dropped lists of other stories.
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
const ALIAS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...BY_ALIAS.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
/** A cue before the name, with up to two words between ("hãng tin Nga Zvezda", "đài truyền hình NBC"). */
const CUE_BEFORE =
  /(?:theo|hãng tin|hãng thông tấn|thông tấn xã|thông tấn|hãng|đài|kênh|báo|tờ|trang|tạp chí|mạng|nói với|trả lời|phỏng vấn|với|ảnh|nguồn|dẫn)\s*:?\s*(?:[\p{L}-]+\s+){0,2}$/iu;
const CUE_AFTER = /^\s*(?:dẫn lời|đưa tin|cho biết|cho hay|dẫn nguồn|trích lời|trích dẫn|đăng tải|tiết lộ|ghi nhận|nhận định|:)/iu;

/** The cited sources in the given texts, in order of first mention. */
export function findSources(texts: string[]): Entity[] {
  const found = new Map<string, Entity>();
  for (const text of texts) {
    for (const m of text.matchAll(ALIAS_RE)) {
      const def = BY_ALIAS.get(m[1]);
      if (!def || found.has(def.id)) continue;
      const at = m.index ?? 0;
      if (def.needsCue) {
        const before = text.slice(Math.max(0, at - 40), at);
        const after = text.slice(at + m[0].length, at + m[0].length + 20);
        if (!CUE_BEFORE.test(before) && !CUE_AFTER.test(after)) continue;
      }
      found.set(def.id, { id: def.id, name: def.name });
    }
  }
  return [...found.values()];
}
