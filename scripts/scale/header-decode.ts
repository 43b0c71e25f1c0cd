// What a binary segment header would save at open: the JSON header of a saved segment
// (`<name>.seg`: every article id, exact and folded term, and the facet dictionaries) parsed
// as readIndexFile does, against the same content with the three string lists as
// NUL-separated UTF-8 (decoded and split) and only the rest as JSON. Median of --runs.
//   npx tsx scripts/scale/header-decode.ts --index DIR [--runs 7]
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    runs: { type: "string", default: "7" },
  },
});

const LISTS = ["ids", "exactTerm", "foldedTerm"] as const;

function time<T>(runs: number, f: () => T): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function main() {
  if (!values.index) throw new Error("--index DIR: a saved index");
  const runs = Number(values.runs);
  console.log(
    `node ${process.version}; load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}`,
  );
  for (const file of readdirSync(values.index).filter((f) => f.endsWith(".seg"))) {
    const buf = readFileSync(path.join(values.index, file));
    const header = buf.subarray(16, 16 + buf.readUInt32LE(12));
    const parsed = JSON.parse(header.toString("utf8")) as { json: Record<string, unknown> };
    const lists = LISTS.map((k) => Buffer.from((parsed.json[k] as string[]).join("\u0000")));
    const rest = Buffer.from(
      JSON.stringify({ ...parsed, json: Object.fromEntries(Object.entries(parsed.json).filter(([k]) => !(LISTS as readonly string[]).includes(k))) }),
    );
    const whole = time(runs, () => JSON.parse(header.toString("utf8")));
    const split = time(runs, () => lists.map((b) => b.toString("utf8").split("\u0000")));
    const restMs = time(runs, () => JSON.parse(rest.toString("utf8")));
    console.log(`${file}: header ${header.length} bytes (string lists ${lists.map((b) => b.length).join(" + ")}, the rest ${rest.length})`);
    console.log(
      `  JSON header as now: ${whole.toFixed(1)} ms; lists decoded and split ${split.toFixed(1)} ms + the rest as JSON ${restMs.toFixed(1)} ms = ${(split + restMs).toFixed(1)} ms`,
    );
  }
}

main();
