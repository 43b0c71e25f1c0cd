// findCandidates of two source trees, A/B in one process: the person rules' per-article pass
// (lib/corpus/people.ts) over the cleaned texts of a corpus file, old and new alternating.
//   npx tsx scripts/people-candidates-bench.ts --a TREE_A --b TREE_B --corpus FILE.jsonl[.gz] [--runs 5] [--part resolve|signature]
// Each tree's person modules are bundled with esbuild (tsx's own compiler) with keepNames
// on, as tsx runs the index build, so that what tsx adds to the code is measured too. The texts
// are cleaned once with tree B's prepareArticle. Prints whether both trees find the same
// candidates (as JSON), then each run's CPU seconds (user + system) and the medians.
// `--part resolve` times instead what a build does when a segment is written: every article's
// `resolvePeople` with the whole file's evidence and the tagger (each tree's own candidates,
// evidence, code and models: its data/people-tagger.json and people-judge.json), and checks
// both trees decide the same people. On the whole corpus
// (--corpus ../shared/corpus/baomoi-2017.jsonl.gz: the whole corpus's evidence, as a one-segment
// 35k build has it) it checks that a change to the person pass keeps every article's people.
// `--part signature` times the other per-article pass of the build's analysis threads that
// grows with the text, the story signature (lib/stories/signature.ts), and checks both trees
// sign every article alike. `--part prepare` times each tree's whole preparation of the raw
// articles as the build's analysis threads run it (cleaning, dates, sources, name candidates:
// `prepareArticleWithDetail` with people "candidates"), and checks the articles and candidates
// are the same. `--heap` (under `node --expose-gc --import tsx`) also prints the heap each tree's
// results hold after a full collection (for `candidates`: every article's candidates kept, as
// the build's analysis threads keep them until a segment is written).
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { benchArticles, TODAY } from "./bench-articles";
import { cliArgs } from "./cli";
import { median } from "./eval/metrics";
import type { Candidate, PeopleHelpers } from "@/lib/corpus/people";
import type { CandidateScorer } from "@/lib/corpus/people-evidence";
import type { Article, Entity, RawArticle } from "@/lib/corpus/types";

const { values } = cliArgs(__filename, {
  options: {
    a: { type: "string" },
    b: { type: "string" },
    corpus: { type: "string" },
    runs: { type: "string", default: "5" },
    part: { type: "string", default: "candidates" },
    heap: { type: "boolean", default: false },
  },
});

/** What the benchmark needs of one tree's person modules. */
interface People {
  findCandidates: (texts: string[]) => Candidate[];
  candidatesToResolve: (candidates: readonly Candidate[]) => Candidate[];
  resolvePeople: (candidates: readonly Candidate[], helpers: PeopleHelpers) => Entity[];
  PeopleEvidence: new () => { add(candidates: readonly Candidate[]): void; helpers(scorer?: CandidateScorer): PeopleHelpers };
  loadTagger: (file?: string, judge?: boolean | string) => CandidateScorer | undefined;
  storySignature: (article: Pick<Article, "title" | "paragraphs">) => Uint16Array;
  prepareArticleWithDetail: (raw: RawArticle, today: string, opts: { people: "candidates" }) => { article: Article; detail: { candidates: Candidate[] } };
}

/** Tree `dir`'s person modules, bundled apart from this process's own modules. */
function bundled(dir: string, name: string): People {
  const outfile = path.join(tmpdir(), `people-candidates-${process.pid}-${name}.cjs`);
  buildSync({
    stdin: {
      contents: [
        `export { findCandidates, candidatesToResolve, resolvePeople } from "./lib/corpus/people";`,
        `export { PeopleEvidence } from "./lib/corpus/people-evidence";`,
        `export { loadTagger } from "./lib/corpus/people-tagger";`,
        `export { storySignature } from "./lib/stories/signature";`,
        `export { prepareArticleWithDetail } from "./lib/corpus/prepare";`,
      ].join("\n"),
      resolveDir: dir,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    keepNames: true,
    tsconfig: path.join(dir, "tsconfig.json"),
    outfile,
    logLevel: "warning",
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as People;
}

/**
 * One tree's timed pass over the articles: the candidates, the people of every article decided
 * with the file's evidence, or the story signatures.
 */
function pass(people: People, dir: string, raws: RawArticle[], articles: Article[], texts: string[][], part: string): () => unknown[] {
  if (part === "candidates") return () => texts.map(people.findCandidates);
  if (part === "signature") return () => articles.map((a) => people.storySignature(a));
  if (part === "prepare") return () => raws.map((r) => people.prepareArticleWithDetail(r, TODAY, { people: "candidates" }));
  if (part !== "resolve") throw new Error("--part: candidates, resolve, signature or prepare");
  const evidence = new people.PeopleEvidence();
  const candidates = texts.map((t) => {
    const c = people.findCandidates(t);
    evidence.add(c);
    return people.candidatesToResolve(c);
  });
  return () => {
    // Each tree's own models (the default path is the working directory's, the same for both).
    const helpers = evidence.helpers(people.loadTagger(path.join(dir, "data", "people-tagger.json"), path.join(dir, "data", "people-judge.json")));
    return candidates.map((c) => people.resolvePeople(c, helpers));
  };
}

/** Megabytes of heap that `run`'s results hold after a full collection (needs `node --expose-gc`). */
function heldMb(run: () => unknown[]): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("--heap needs node --expose-gc");
  gc();
  const before = process.memoryUsage().heapUsed;
  const results = run();
  gc();
  const held = process.memoryUsage().heapUsed - before;
  // Still referenced here, so the collection above could not free them.
  if (!results.length) return 0;
  return held / 1e6;
}

function main() {
  if (!values.a || !values.b || !values.corpus) throw new Error("--a, --b and --corpus are required (see --help)");
  const trees = [
    { name: "A", dir: path.resolve(values.a), people: bundled(path.resolve(values.a), "a"), run: () => [] as unknown[], cpu: [] as number[] },
    { name: "B", dir: path.resolve(values.b), people: bundled(path.resolve(values.b), "b"), run: () => [] as unknown[], cpu: [] as number[] },
  ];
  const { raws, articles, texts } = benchArticles(values.corpus);
  for (const t of trees) t.run = pass(t.people, t.dir, raws, articles, texts, values.part);
  const same = JSON.stringify(trees[0].run()) === JSON.stringify(trees[1].run());
  const what = { resolve: "people", signature: "signatures", prepare: "articles and candidates" }[values.part] ?? "candidates";
  console.log(`${texts.length} texts; ${what} identical: ${same}`);
  if (values.heap) for (const t of trees) console.log(`${t.name}: its results hold ${heldMb(t.run).toFixed(1)} MB of heap`);
  for (let r = 0; r < Number(values.runs); r++) {
    // Alternate which tree runs first.
    for (const t of r % 2 ? [...trees].reverse() : trees) {
      const c0 = process.cpuUsage();
      t.run();
      const c = process.cpuUsage(c0);
      t.cpu.push((c.user + c.system) / 1e6);
    }
  }
  for (const t of trees) console.log(`${t.name}: ${t.cpu.map((x) => x.toFixed(2)).join(" ")} s CPU, median ${median(t.cpu).toFixed(2)}`);
  console.log(
    `node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
}

main();
