// What the whole-file CRC check costs an open, and what checking once per boot saves:
//   npx tsx scripts/scale/crc-open.ts --index DIR [--runs 3]
// Reads every index file of DIR (the segments' .seg, pairs.bin, people.bin, stories.bin) with
// readIndexFile as an open does, --runs times with the check at every open (TIMTIN_CRC=always,
// as before lib/index/verified-files.ts) and --runs times with the record of checked files (a
// fresh record directory: the first of these runs checks and records, the others skip), and
// prints the wall and CPU time of each run. Reads only; the index is not written.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { readIndexFile } from "@/lib/index/format";
import { setVerifiedFiles, VerifiedFiles } from "@/lib/index/verified-files";
import { median } from "../eval/metrics";

const { values } = cliArgs(__filename, { options: { index: { type: "string" }, runs: { type: "string", default: "3" } } });
if (!values.index) throw new Error("--index DIR is required");
const dir = path.resolve(values.index);
const runs = Number(values.runs);
const kinds: Record<string, string> = { ".seg": "segment", "pairs.bin": "pairs", "people.bin": "people", "stories.bin": "stories" };
const files = readdirSync(dir)
  .map((f) => ({ file: path.join(dir, f), kind: Object.entries(kinds).find(([end]) => f.endsWith(end))?.[1] }))
  .filter((f): f is { file: string; kind: string } => Boolean(f.kind));
const bytes = files.reduce((n, f) => n + statSync(f.file).size, 0);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");

function run(): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const f of files) readIndexFile(f.file, f.kind);
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

console.log(`index ${dir}: ${files.length} files, ${(bytes / 2 ** 20).toFixed(0)} MiB; load average ${load()}`);
const records = mkdtempSync(path.join(os.tmpdir(), "crc-open-"));
try {
  const rows: [string, { wallMs: number; cpuMs: number }[]][] = [];
  process.env.TIMTIN_CRC = "always";
  rows.push(["checked at every open (TIMTIN_CRC=always)", Array.from({ length: runs }, run)]);
  delete process.env.TIMTIN_CRC;
  const verified = new VerifiedFiles({ dir: records });
  setVerifiedFiles(verified);
  const first = run();
  rows.push(["checked once: the first open after boot", [first]]);
  rows.push(["checked once: later opens", Array.from({ length: runs }, run)]);
  for (const [what, xs] of rows) {
    console.log(
      `${what}: wall ${xs.map((x) => x.wallMs.toFixed(0)).join(", ")} ms (median ${median(xs.map((x) => x.wallMs)).toFixed(0)}), CPU median ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms`,
    );
  }
  console.log(`checks made ${verified.stats.checked}, skipped ${verified.stats.skipped}; load average ${load()}`);
} finally {
  rmSync(records, { recursive: true, force: true });
}
