// What a live update costs the facet dictionary: every person (or outlet) of a saved index
// interned, then `--added` new names interned and the dictionary sealed again, as the first
// search after a new file does. Prints the median of --runs for the first seal (every name
// sorted) and for the seal after the new names, against sorting every name again (what
// `FacetDictionary.seal` did before it placed new names into the kept order).
//   npx tsx scripts/scale/facet-seal.ts --index DIR [--facet persons] [--added 20] [--runs 7]
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Entity } from "@/lib/corpus/types";
import { FacetDictionary } from "@/lib/search/facets";
import { compareVi } from "@/lib/text/vi-order";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    facet: { type: "string", default: "persons" },
    added: { type: "string", default: "20" },
    runs: { type: "string", default: "7" },
  },
});

/** The facet's values in every segment of a saved index, from each segment's JSON header. */
function savedValues(dir: string, facet: string): Entity[] {
  const out: Entity[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".seg"))) {
    const buf = readFileSync(path.join(dir, file));
    const header = JSON.parse(buf.subarray(16, 16 + buf.readUInt32LE(12)).toString("utf8")) as {
      json: { dicts: Record<string, Entity[]> };
    };
    out.push(...(header.json.dicts[facet] ?? []));
  }
  return out;
}

function main() {
  if (!values.index) throw new Error("--index DIR: a saved index");
  const runs = Number(values.runs);
  const saved = savedValues(values.index, values.facet);
  const added: Entity[] = Array.from({ length: Number(values.added) }, (_, i) => ({ id: `new-${i}`, name: `${saved[(i * 7919) % saved.length].name} ${i}` }));
  const first: number[] = [];
  const after: number[] = [];
  const resort: number[] = [];
  for (let r = 0; r < runs; r++) {
    const dict = new FacetDictionary();
    for (const e of saved) dict.intern(e);
    let t = performance.now();
    dict.seal();
    first.push(performance.now() - t);
    for (const e of added) dict.intern(e);
    t = performance.now();
    dict.seal();
    after.push(performance.now() - t);
    t = performance.now();
    dict.names.map((_, i) => i).sort((a, b) => compareVi(dict.names[a], dict.names[b]) || a - b);
    resort.push(performance.now() - t);
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(2)} ms`;
  console.log(
    `node ${process.version}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}; median of ${runs} runs`,
  );
  console.log(`${values.facet}: ${saved.length} values in the segments' dictionaries`);
  console.log(`first seal (every name sorted): ${ms(first)}`);
  console.log(`seal after ${added.length} new names: ${ms(after)} (sorting every name again: ${ms(resort)})`);
}

main();
