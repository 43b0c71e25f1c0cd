import { ANALYZER_VERSION, FORMAT_VERSION } from "@/lib/index/format";
import { filesAreMapped } from "@/lib/index/mapped-file";
import { verifiedFiles } from "@/lib/index/verified-files";
import { loopMonitor } from "@/lib/http/loop-monitor";
import { keptPages } from "@/lib/http/node-page-front";
import { indexRole, searchQueue, serviceState } from "@/lib/search/service";

export const dynamic = "force-dynamic";

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

export async function GET(request: Request) {
  const state = serviceState();
  // Event-loop delay, GC and the searches' wait and run since the last reset (?reset=1 resets after reading).
  const monitor = loopMonitor();
  const loop = monitor.snapshot();
  if (new URL(request.url).searchParams.get("reset") === "1") monitor.reset();
  const { rss, heapUsed } = process.memoryUsage();
  const memory = { rssMiB: mib(rss), heapUsedMiB: mib(heapUsed) };
  const version = { format: FORMAT_VERSION, analyzer: ANALYZER_VERSION };
  // Which of the server processes answered (scripts/start.mjs runs one per core).
  const worker = { pid: process.pid, role: indexRole(), workers: Number(process.env.TIMTIN_WORKERS) || 1 };
  if (state.status === "indexing") return Response.json({ status: "indexing", progress: state.progress, index: version, memory, worker });
  if (state.status === "error") return Response.json({ status: "error", message: state.message, index: version, memory, worker }, { status: 503 });
  const { engine, index, buildMs, shared } = state.service;
  return Response.json({
    status: "ok",
    articles: engine.size,
    skipped: index.skippedSources,
    buildMs,
    index: {
      ...version,
      segments: engine.archive.segments.length,
      fromSaved: index.loaded.saved,
      rebuiltBecause: index.loaded.reason,
      mapped: filesAreMapped(),
      // Whole-file CRC checks this process made, and skipped for files checked since boot.
      crc: verifiedFiles().stats,
    },
    lastUpdate: index.lastUpdate,
    memory,
    worker,
    // This process's API searches: run, dropped because the client had gone, refused when full.
    // (released: run ahead of their turn, their answer kept meanwhile.)
    searches: { waiting: searchQueue().length, ...searchQueue().stats, released: searchQueue().released },
    // Kept answers of searches with words: found, computed, adopted from the other processes;
    // and the answers this process shared with them (lib/http/shared-answers.ts; null = not shared).
    answers: { ...engine.results.stats, adopted: engine.results.adopted, shared },
    // Results pages sent from a kept page, rendered while keeping them, and what is kept (lib/http/kept-pages.ts).
    pages: { ...keptPages().stats, ...keptPages().size },
    loop,
  });
}
