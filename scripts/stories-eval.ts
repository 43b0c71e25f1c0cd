// Measures story grouping on a corpus (docs/stories.md):
//   npx tsx scripts/stories-eval.ts [--corpus DIR] [--index DIR] [--sample data/eval/stories-sample.json] [--write-sample] [--runs 5]
// - how many stories the live archive forms (of several articles, of copies only), from the
//   saved index, brought up to date (built first when there is none: minutes on 35k);
// - how long regrouping the whole archive takes (median of --runs);
// - the hand-checked sample: the 50 stories of several articles with the lowest hash of
//   their first report's id, scored against the verdicts judged by hand in the sample file
//   ("right": every member reports the same event, copies the same text; "wrong": some
//   member does not). --write-sample rewrites the file for the current stories, keeping
//   the verdicts of stories whose members did not change, so only new ones need judging.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "./cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { groupArchive } from "@/lib/stories/archive-stories";
import { StoryIndex } from "@/lib/stories/story-index";
import { EMPTY_QUERY } from "@/lib/url/search-params";

interface SampleMember {
  id: string;
  date: string | null;
  title: string;
  /** The id of the article this one is a copy of, when it is one. */
  copyOf?: string;
  lead: string;
}

interface SampleEntry {
  story: string;
  size: number;
  members: SampleMember[];
  verdict?: "right" | "wrong";
  note?: string;
}

const { values } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: "/work/shared/corpus" },
    index: { type: "string", default: "/tmp/timtin-stories-index" },
    sample: { type: "string", default: "data/eval/stories-sample.json" },
    "write-sample": { type: "boolean", default: false },
    size: { type: "string", default: "50" },
    runs: { type: "string", default: "5" },
  },
});

/** FNV-1a: a fixed, reproducible draw. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

async function main() {
  const started = performance.now();
  // The saved index, brought up to date with the corpus (built first when there is none).
  const index = await LiveIndex.open({ corpusDir: path.resolve(values.corpus), indexDir: path.resolve(values.index) });
  console.log(`corpus ${values.corpus}: ${index.archive.live} articles, opened in ${Math.round(performance.now() - started)} ms`);

  const times: number[] = [];
  // Grouped afresh each run: a restart adopts the saved grouping, which is not what is timed here.
  for (let r = 0; r < Number(values.runs); r++) times.push(groupArchive(index.archive).ms);
  const stories = new StoryIndex();
  stories.sync(index.archive);
  times.sort((a, b) => a - b);
  console.log(
    `regrouping the archive: median ${times[times.length >> 1].toFixed(0)} ms of ${times.length} runs (${times.map((t) => t.toFixed(0)).join(", ")})`,
  );

  // What grouping adds to a query: the same searches grouped and not, median of --runs each.
  const engine = new SearchEngine(index.archive);
  const QUERIES = ["", "Hà Nội", "giá vàng", "tai nạn giao thông", "ma túy", "Formosa", "Thủ tướng Nguyễn Xuân Phúc", "Trump"];
  const timed = (group: boolean) =>
    QUERIES.map((q) => {
      const runs: number[] = [];
      for (let r = 0; r < Number(values.runs); r++) {
        const t = performance.now();
        engine.search({ ...EMPTY_QUERY, q, sort: q ? "relevance" : "newest", group });
        runs.push(performance.now() - t);
      }
      return runs.sort((a, b) => a - b)[runs.length >> 1];
    });
  engine.search({ ...EMPTY_QUERY, group: true }); // regroups once, outside the timing
  const plain = timed(false);
  const grouped = timed(true);
  console.log("query time, ms (median of runs): query | ungrouped | grouped");
  QUERIES.forEach((q, i) => console.log(`  ${JSON.stringify(q).padEnd(30)} ${plain[i].toFixed(1).padStart(7)} ${grouped[i].toFixed(1).padStart(7)}`));
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  console.log(`  total ${sum(plain).toFixed(1)} ms ungrouped, ${sum(grouped).toFixed(1)} ms grouped`);

  // Every story of several articles, with its members.
  const groups = new Map<number, { seg: (typeof index.archive.segments)[number]; d: number }[]>();
  for (const seg of index.archive.segments) {
    for (let d = 0; d < seg.rank.n; d++) {
      if (seg.rank.deleted?.[d]) continue;
      const info = stories.info({ seg, d });
      if (!info.story) continue;
      const key = hash(info.story.id);
      const list = groups.get(key) ?? [];
      list.push({ seg, d });
      groups.set(key, list);
    }
  }
  const sizes = [...groups.values()].map((g) => g.length);
  const copyOnly = [...groups.values()].filter((g) => stories.info(g[0]).story!.others.length === 0).length;
  const inGroups = sizes.reduce((a, b) => a + b, 0);
  console.log(`stories: ${stories.count} (articles ${index.archive.live}); of several articles: ${groups.size}, holding ${inGroups} articles`);
  console.log(`  of copies of one text only: ${copyOnly}; reporting one event in several texts: ${groups.size - copyOnly}`);
  const hist = new Map<number, number>();
  for (const s of sizes) hist.set(Math.min(s, 10), (hist.get(Math.min(s, 10)) ?? 0) + 1);
  console.log(
    `  sizes: ${[...hist]
      .sort((a, b) => a[0] - b[0])
      .map(([s, c]) => `${s === 10 ? "10+" : s}: ${c}`)
      .join(", ")}`,
  );

  // The largest stories, for a look at what grows biggest.
  const largest = [...groups.values()].sort((a, b) => b.length - a.length).slice(0, 3);
  for (const g of largest) {
    const first = stories.membersOf(g[0])[0].loc;
    console.log(`  largest: ${g.length} articles, first report "${first.seg.store.get(first.d).title}" (${first.seg.rank.ids[first.d]})`);
  }

  const file = path.resolve(values.sample);
  const previous: SampleEntry[] = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  const judged = new Map(previous.map((e) => [e.members.map((m) => m.id).join(" "), e]));
  const drawn = [...groups.entries()].sort((a, b) => a[0] - b[0]).slice(0, Number(values.size));
  const sample: SampleEntry[] = drawn.map(([, locs]) => {
    const info = stories.info(locs[0]).story!;
    const entry: SampleEntry = {
      story: info.id,
      size: info.size,
      members: stories.membersOf(locs[0]).map(({ loc, original }) => {
        const a = loc.seg.store.get(loc.d);
        const copyOf = original.seg.rank.ids[original.d];
        return { id: a.id, date: a.date, title: a.title, ...(copyOf !== a.id ? { copyOf } : {}), lead: a.paragraphs.join(" ").slice(0, 300) };
      }),
    };
    const old = judged.get(entry.members.map((m) => m.id).join(" "));
    if (old?.verdict) entry.verdict = old.verdict;
    if (old?.note) entry.note = old.note;
    return entry;
  });
  const right = sample.filter((e) => e.verdict === "right").length;
  const wrong = sample.filter((e) => e.verdict === "wrong").length;
  console.log(
    `sample: ${sample.length} stories; judged ${right + wrong}: right ${right}, wrong ${wrong}; precision ${(right / Math.max(1, right + wrong)).toFixed(3)}`,
  );
  if (values["write-sample"]) {
    writeFileSync(file, JSON.stringify(sample, null, 2) + "\n");
    console.log(`wrote ${file}`);
  }
  await index.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
