// findCandidates of two source trees, A/B in one process: the person rules' per-article pass
// (lib/corpus/people.ts) over the cleaned texts of a corpus file, old and new alternating.
//   npx tsx scripts/people-candidates-bench.ts --a TREE_A --b TREE_B --corpus FILE.jsonl [--runs 5]
// Each tree's lib/corpus/people.ts is bundled with esbuild (tsx's own compiler) with keepNames
// on, as tsx runs the index build, so that what tsx adds to the code is measured too. The texts
// are cleaned once with tree B's prepareArticle. Prints whether both trees find the same
// candidates (as JSON), then each run's CPU seconds (user + system) and the medians.
import { readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { cliArgs } from "./cli";
import type { Candidate } from "@/lib/corpus/people";
import { prepareArticle } from "@/lib/corpus/prepare";

const { values } = cliArgs(__filename, {
  options: { a: { type: "string" }, b: { type: "string" }, corpus: { type: "string" }, runs: { type: "string", default: "5" } },
});

type FindCandidates = (texts: string[]) => Candidate[];

/** Tree `dir`'s findCandidates, bundled apart from this process's own modules. */
function bundled(dir: string, name: string): FindCandidates {
  const outfile = path.join(tmpdir(), `people-candidates-${process.pid}-${name}.cjs`);
  buildSync({
    entryPoints: [path.join(dir, "lib/corpus/people.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    keepNames: true,
    tsconfig: path.join(dir, "tsconfig.json"),
    outfile,
    logLevel: "warning",
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(outfile) as { findCandidates: FindCandidates }).findCandidates;
}

function main() {
  if (!values.a || !values.b || !values.corpus) throw new Error("--a, --b and --corpus are required (see --help)");
  const trees = [
    { name: "A", find: bundled(path.resolve(values.a), "a"), cpu: [] as number[] },
    { name: "B", find: bundled(path.resolve(values.b), "b"), cpu: [] as number[] },
  ];
  const texts: string[][] = [];
  for (const line of readFileSync(values.corpus, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string | number; title?: string; body: string; date?: string; outlet?: string; url?: string };
    try {
      const a = prepareArticle({
        id: String(r.id),
        file: "bench.jsonl",
        format: "jsonl",
        title: r.title ?? null,
        body: r.body,
        date: r.date ?? null,
        outlet: r.outlet ?? null,
        url: r.url ?? null,
      });
      texts.push(a.titleDerived ? a.paragraphs : [a.title, ...a.paragraphs]);
    } catch {
      // not indexed either
    }
  }
  const same = JSON.stringify(texts.map(trees[0].find)) === JSON.stringify(texts.map(trees[1].find));
  console.log(`${texts.length} texts; candidates identical: ${same}`);
  for (let r = 0; r < Number(values.runs); r++) {
    // Alternate which tree runs first.
    for (const t of r % 2 ? [...trees].reverse() : trees) {
      const c0 = process.cpuUsage();
      for (const text of texts) t.find(text);
      const c = process.cpuUsage(c0);
      t.cpu.push((c.user + c.system) / 1e6);
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const t of trees) console.log(`${t.name}: ${t.cpu.map((x) => x.toFixed(2)).join(" ")} s CPU, median ${median(t.cpu).toFixed(2)}`);
  console.log(
    `node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
}

main();
