// A/B of the index build: `scripts/index.ts` of two checkouts on one archive, alternating
// (A B A B …, each build into a new temporary index directory), with what each cost:
//   npx tsx scripts/scale/build-ab.ts --archive /tmp/archive-10k --a /tmp/base-checkout [--b .] [--runs 2] [--threads 2] [--segment-tokens N]
// Per build: wall seconds, CPU seconds of the whole process (user + system, every thread) and
// of its main thread (the build's own thread, which bounds a build whose analysis runs on
// other threads), peak RSS, and whether the saved index is the same bytes as the first build's
// (segment files by content, their names being random; pairs, people, stories; the manifest's
// files and skips). Linux only: CPU and memory are read from /proc while the build runs.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";
import { statCpuSeconds } from "../proc-cpu";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string" },
    a: { type: "string" },
    b: { type: "string", default: "." },
    runs: { type: "string", default: "2" },
    threads: { type: "string", default: "2" },
    // Smaller segments than the default 100 M tokens: a small archive built as a large one is, several segments.
    "segment-tokens": { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

interface Cost {
  wall: number;
  cpu: number;
  mainCpu: number;
  peakMiB: number;
}

/** User + system CPU seconds of a /proc stat line (clock ticks of 10 ms). */
const segmentTokens = values["segment-tokens"] ? ["--segment-tokens", values["segment-tokens"]] : [];

/** Build `archive` with `checkout`'s scripts/index.ts into `indexDir`, sampling its CPU and memory from /proc. */
function build(checkout: string, archive: string, indexDir: string): Promise<Cost> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/index.ts", "--corpus", archive, "--index", indexDir, "--threads", values.threads!, ...segmentTokens],
      {
        cwd: checkout,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const last = { cpu: 0, mainCpu: 0, peakMiB: 0 };
    const sample = () => {
      try {
        last.cpu = statCpuSeconds(`/proc/${child.pid}/stat`);
        last.mainCpu = statCpuSeconds(`/proc/${child.pid}/task/${child.pid}/stat`);
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) last.peakMiB = Number(hwm[1]) / 1024;
      } catch {
        // The process is gone: the last sample stands (at most one interval short).
      }
    };
    const timer = setInterval(sample, 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`build in ${checkout} exited ${code}: ${stderr.slice(-2000)}`));
      else resolve({ wall: (performance.now() - t0) / 1000, ...last });
    });
  });
}

/** A digest of the saved index's content: segment files by content (names are random), the other files, the manifest's files and skips. */
function indexDigest(dir: string): string {
  const hash = (f: string) =>
    createHash("sha256")
      .update(readFileSync(path.join(dir, f)))
      .digest("hex");
  const files = readdirSync(dir).sort();
  const meta = JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8")) as { files: unknown; skipped: unknown };
  const parts = [
    ...[".seg", ".docs"].map((ext) =>
      files
        .filter((f) => f.endsWith(ext))
        .map(hash)
        .sort()
        .join(","),
    ),
    ...["pairs.bin", "people.bin", "stories.bin"].map(hash),
    JSON.stringify(meta.files),
    JSON.stringify(meta.skipped),
  ];
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

async function main() {
  if (!values.archive || !values.a) throw new Error("--archive DIR and --a CHECKOUT are required");
  const archive = path.resolve(values.archive);
  const checkouts = { A: path.resolve(values.a), B: path.resolve(values.b!) };
  const costs: Record<"A" | "B", Cost[]> = { A: [], B: [] };
  let first: string | null = null;
  let same = true;
  for (let r = 0; r < Number(values.runs); r++) {
    for (const which of ["A", "B"] as const) {
      const indexDir = mkdtempSync(path.join(tmpdir(), "build-ab-"));
      try {
        const load = loadavg()[0].toFixed(1);
        const c = await build(checkouts[which], archive, indexDir);
        const digest = indexDigest(indexDir);
        first ??= digest;
        same &&= digest === first;
        costs[which].push(c);
        console.log(
          `run ${r + 1} ${which}: ${c.wall.toFixed(1)} s wall, ${c.cpu.toFixed(1)} s CPU (main thread ${c.mainCpu.toFixed(1)} s), peak ${c.peakMiB.toFixed(0)} MiB, index ${digest}, load ${load} → ${loadavg()[0].toFixed(1)}`,
        );
      } finally {
        if (values.keep) console.log(`  kept ${indexDir}`);
        else rmSync(indexDir, { recursive: true, force: true });
      }
    }
  }
  for (const which of ["A", "B"] as const) {
    const m = (k: keyof Cost) => median(costs[which].map((c) => c[k]));
    console.log(
      `${which} (${checkouts[which]}), median of ${costs[which].length}: ${m("wall").toFixed(1)} s wall, ${m("cpu").toFixed(1)} s CPU, main thread ${m("mainCpu").toFixed(1)} s, peak ${m("peakMiB").toFixed(0)} MiB`,
    );
  }
  console.log(same ? "every build saved the same index bytes" : "THE SAVED INDEXES DIFFER");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
