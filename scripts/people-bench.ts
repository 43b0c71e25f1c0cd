// People extraction time over a corpus, before and after archive evidence and the tagger.
//   npx tsx scripts/people-bench.ts [CORPUS_DIR] [--runs N]
// Cleans every article once (that time is the rest of indexing), then times, median of N runs:
//   before: findPeople per article (the article-only rules);
//   after:  findCandidates per article + PeopleEvidence.add, then resolvePeople with the
//           archive evidence and the tagger (what buildCorpus does now).
import path from "node:path";
import { parseArgs } from "node:util";
import { readRawArticles } from "@/lib/corpus/load";
import { type Candidate, findCandidates, findPeople, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";
import { prepareArticle } from "@/lib/corpus/prepare";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" } } });
const dir = positionals[0] ?? path.resolve(__dirname, "../../shared/corpus");
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  const { raws } = await readRawArticles(dir);
  let t0 = process.hrtime.bigint();
  const texts: string[][] = [];
  for (const raw of raws) {
    try {
      const a = prepareArticle(raw);
      texts.push(a.titleDerived ? a.paragraphs : [a.title, ...a.paragraphs]);
    } catch {
      // not indexed either
    }
  }
  const prepareMs = ms(t0);
  const before: number[] = [];
  const after: number[] = [];
  let people = [0, 0];
  for (let r = 0; r < runs; r++) {
    t0 = process.hrtime.bigint();
    let n = 0;
    for (const t of texts) n += findPeople(t).length;
    before.push(ms(t0));
    t0 = process.hrtime.bigint();
    const evidence = new PeopleEvidence();
    const all: Candidate[][] = texts.map((t) => {
      const c = findCandidates(t);
      evidence.add(c);
      return c.filter((m) => !m.placed);
    });
    const helpers = evidence.helpers(loadTagger());
    let m = 0;
    for (const c of all) m += resolvePeople(c, helpers).length;
    after.push(ms(t0));
    people = [n, m];
  }
  const b = median(before);
  const a = median(after);
  console.log(`articles ${texts.length}, runs ${runs} (median), node ${process.version}`);
  console.log(`cleaning and everything but people (one run, with the article-only people inside): ${(prepareMs / 1000).toFixed(1)} s`);
  console.log(`people before (article rules):         ${(b / 1000).toFixed(2)} s, ${people[0]} person mentions`);
  console.log(`people after (archive + tagger):       ${(a / 1000).toFixed(2)} s, ${people[1]} person mentions`);
  console.log(`extra indexing time: ${((a - b) / 1000).toFixed(2)} s = ${((100 * (a - b)) / prepareMs).toFixed(1)}% of the cleaning pass`);
}

void main();
