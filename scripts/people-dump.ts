// Every article's people as a saved index holds them, one JSON line per article ({"id", "persons"}),
// sorted by id, so two indexes of one corpus built by two versions of the person code compare
// byte for byte (`cmp A B`, or `--against OLD` here):
//   npx tsx scripts/people-dump.ts --index DIR --corpus CORPUS_DIR --out FILE [--against OLD]
// The index is opened as a reader (nothing written). A change meant to keep the output (issue
// #16's build cost) must leave the dump identical; `--against` counts the articles whose people
// differ and prints the first few.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "./cli";
import { LiveIndex } from "@/lib/index/live-index";
import { peopleDumpLines, dumpDifferences } from "@/lib/index/people-dump";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string" },
    out: { type: "string" },
    against: { type: "string" },
  },
});

async function main() {
  if (!values.index || !values.corpus || !values.out) throw new Error("--index, --corpus and --out are required (see --help)");
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.corpus), indexDir: path.resolve(values.index), reader: true, waitForWriter: false });
  const lines = peopleDumpLines(live.archive.segments);
  await live.close();
  writeFileSync(values.out, lines.join("\n") + "\n");
  console.log(`${lines.length} articles written to ${values.out}`);
  if (!values.against) return;
  const { changed, first } = dumpDifferences(readFileSync(values.against, "utf8"), lines.join("\n") + "\n");
  console.log(`against ${values.against}: ${changed} articles differ`);
  for (const d of first) console.log(`  ${d}`);
  if (changed) process.exitCode = 1;
}

main();
