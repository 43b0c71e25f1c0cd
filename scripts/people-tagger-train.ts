// Rebuilds data/people-tagger.json, the learned person tagger (lib/corpus/people-tagger.ts).
//   npx tsx scripts/people-tagger-train.ts [CORPUS_DIR] [--cache FILE] [--epochs N] [--out FILE]
// Silver labels come from the rules and the archive: a 2–4 word name a title introduces (or a
// well-known person) is a person; one right after a place or organisation word ("đường",
// "Công ty", "tờ", "hãng"…) or mostly used so across the archive is not; bare mentions take the
// sense of the same name elsewhere in their article. Those deciding words are not features, so
// the model learns what names look like and where they stand otherwise.
// Deterministic: same corpus, same model.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "./cli";
import { readCandidateCache } from "./people-eval";
import { readRawArticles } from "@/lib/corpus/load";
import { type Candidate, nameKey } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { candidateFeatures, TAGGER_FILE, type TaggerModel } from "@/lib/corpus/people-tagger";
import { prepareArticleWithDetail } from "@/lib/corpus/prepare";

const DEFAULT_CORPUS = path.resolve(__dirname, "../../shared/corpus");

/** Words before a name that make it a thing, beyond the rules' own place words (training only). */
const THING_BEFORE = new Set([
  "tờ",
  "báo",
  "tạp chí",
  "hãng tin",
  "kênh",
  "đài",
  "trang",
  "bang",
  "tiểu bang",
  "hạt",
  "thủ đô",
  "thị trấn",
  "tỉnh",
  "mẫu",
  "dòng",
  "mẫu xe",
  "dòng xe",
  "siêu xe",
  "xe",
  "máy bay",
  "tàu",
  "phiên bản",
  "game",
  "trò chơi",
  "album",
  "nhóm nhạc",
  "ban nhạc",
  "nhóm",
  "đại học",
  "tổ chức",
  "đảng",
  "lực lượng",
  "sân vận động",
  "khách sạn",
  "nhà hàng",
  "sự kiện",
  "lễ hội",
  "triển lãm",
  "giải",
  "đội",
  "đội bóng",
  "clb",
  "câu lạc bộ",
  "hãng",
  "công ty",
  "tập đoàn",
  "ngân hàng",
]);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of each word's uses in lower case (bucket 0–4), for words written capitalised mid-sentence 3+ times. */
function lowerShares(bodies: string[]): Record<string, number> {
  const cap = new Map<string, number>();
  const low = new Map<string, number>();
  for (const body of bodies) {
    for (const m of body.matchAll(/([.!?:;"“…\n]\s*)?(?<![\p{L}\p{M}])([\p{L}][\p{L}\p{M}]*)/gu)) {
      const word = m[2];
      const lw = word.toLowerCase();
      if (word === lw) low.set(lw, (low.get(lw) ?? 0) + 1);
      else if (!m[1] && m.index !== 0) cap.set(lw, (cap.get(lw) ?? 0) + 1);
    }
  }
  const out: Record<string, number> = {};
  for (const [w, c] of cap) {
    if (c < 3) continue;
    const l = low.get(w) ?? 0;
    out[w] = Math.round((4 * l) / (l + c));
  }
  return out;
}

async function main() {
  const { values, positionals } = cliArgs(__filename, {
    allowPositionals: true,
    options: {
      cache: { type: "string" },
      epochs: { type: "string", default: "6" },
      out: { type: "string", default: TAGGER_FILE },
    },
  });
  const dir = positionals[0] ?? DEFAULT_CORPUS;
  const epochs = Number(values.epochs);
  const cache = values.cache;
  const { raws } = await readRawArticles(dir);
  let byArticle: [string, Candidate[]][];
  if (cache && existsSync(cache)) byArticle = readCandidateCache(cache);
  else {
    const seen = new Set<string>();
    byArticle = [];
    for (const raw of raws) {
      if (seen.has(raw.id)) continue;
      seen.add(raw.id);
      try {
        byArticle.push([raw.id, prepareArticleWithDetail(raw).detail.candidates]);
      } catch {
        // not indexed either
      }
    }
    if (cache) writeFileSync(cache, JSON.stringify(byArticle));
  }
  console.log(`articles ${byArticle.length}`);
  const lowerShare = lowerShares(raws.map((r) => `${r.title ?? ""}\n${r.body}`));
  console.log(`vocabulary ${Object.keys(lowerShare).length}`);
  const evidence = new PeopleEvidence();
  for (const [, c] of byArticle) evidence.add(c);

  // Silver examples, at most 4 per name and label so frequent names do not dominate.
  const examples: { f: string[]; y: 1 | -1 }[] = [];
  const perName = new Map<string, number>();
  for (const [, candidates] of byArticle) {
    // One sense per article: the bare mentions of a name titled here are people, those of a
    // name that stands after a place or thing word here are not. They teach the model what
    // such names look like where no deciding word stands next to them.
    const titledHere = new Set<string>();
    const placedHere = new Set<string>();
    for (const m of candidates) {
      if (m.titled) titledHere.add(nameKey(m.words));
      else if (m.placed && !m.credit && !m.inOrg) placedHere.add(nameKey(m.words));
    }
    for (const m of candidates) {
      if (m.words.length < 2 || m.words.length > 4) continue;
      const key = nameKey(m.words);
      const before1 = m.before.split(" ").at(-1) ?? "";
      let y: 1 | -1 | 0 = 0;
      if (m.titled || m.known) y = 1;
      else if (m.placed || THING_BEFORE.has(m.before) || THING_BEFORE.has(before1) || evidence.placeName(key)) y = -1;
      else if (titledHere.has(key) && !placedHere.has(key)) y = 1;
      else if (placedHere.has(key)) y = -1;
      if (!y) continue;
      const slot = `${y}:${key}`;
      const n = perName.get(slot) ?? 0;
      if (n >= 4) continue;
      perName.set(slot, n + 1);
      examples.push({ f: candidateFeatures(m, { lowerShare }, evidence), y });
    }
  }
  const positives = examples.filter((e) => e.y > 0).length;
  console.log(`silver examples ${examples.length} (${positives} people, ${examples.length - positives} not)`);

  // Averaged perceptron (weights averaged over every step, the usual lazy-update trick).
  const w = new Map<string, number>();
  const u = new Map<string, number>();
  let c = 1;
  const rnd = mulberry32(20261125);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const i of order) {
      const { f, y } = examples[i];
      let s = 0;
      for (const x of f) s += w.get(x) ?? 0;
      if (y * s <= 0) {
        errors++;
        for (const x of f) {
          w.set(x, (w.get(x) ?? 0) + y);
          u.set(x, (u.get(x) ?? 0) + y * c);
        }
      }
      c++;
    }
    console.log(`epoch ${epoch + 1}: ${errors} errors`);
  }
  const weights: Record<string, number> = {};
  for (const [x, wx] of w) {
    const avg = wx - (u.get(x) ?? 0) / c;
    if (Math.abs(avg) >= 0.05) weights[x] = Math.round(avg * 100) / 100;
  }
  const out = values.out!;
  // The thresholds are set on the tuning sets (people-eval --threshold), so a retrain keeps them.
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as TaggerModel) : undefined;
  const model: TaggerModel = { version: 1, weights, lowerShare, threshold: previous?.threshold ?? 1 };
  if (previous?.doubtBelow !== undefined) model.doubtBelow = previous.doubtBelow;
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`${Object.keys(weights).length} weights, threshold ${model.threshold} → ${out}`);
}

void main();
