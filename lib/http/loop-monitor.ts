// Where a server process's time under load goes, for the tail of its latency: how late its
// event loop ran (perf_hooks.monitorEventLoopDelay), its garbage-collection pauses, and for
// API searches how long each waited in the search queue and how long it ran. Shown in
// /api/health (`loop`); `/api/health?reset=1` starts the figures afresh (a benchmark resets
// them before its load and reads them after).
import { constants, createHistogram, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram, type RecordableHistogram } from "node:perf_hooks";

/** Percentiles of a histogram in ms (histograms count in ns). */
function summary(h: IntervalHistogram | RecordableHistogram) {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return h.count === 0 ? { count: 0 } : { count: h.count, p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
}

export class LoopMonitor {
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });
  /** Time a search waited for its turn, and its own run (cached or computed), in ns. */
  private readonly wait = createHistogram();
  private readonly run = createHistogram();
  /** All pauses, and the major ones (mark-sweep-compact of the old generation) among them. */
  private gc = { count: 0, ms: 0, maxMs: 0, major: 0, majorMs: 0 };
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      this.gc.count++;
      this.gc.ms += e.duration;
      this.gc.maxMs = Math.max(this.gc.maxMs, e.duration);
      if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        this.gc.major++;
        this.gc.majorMs += e.duration;
      }
    }
  });
  private since = performance.now();

  constructor() {
    this.delay.enable();
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** A search that waited `waitMs` in the queue and ran for `runMs`. */
  search(waitMs: number, runMs: number) {
    this.wait.record(Math.max(1, Math.round(waitMs * 1e6)));
    this.run.record(Math.max(1, Math.round(runMs * 1e6)));
  }

  snapshot() {
    return {
      seconds: Math.round((performance.now() - this.since) / 100) / 10,
      eventLoopDelayMs: summary(this.delay),
      gc: {
        count: this.gc.count,
        ms: Math.round(this.gc.ms),
        maxMs: Math.round(this.gc.maxMs * 10) / 10,
        major: this.gc.major,
        majorMs: Math.round(this.gc.majorMs),
        heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      },
      searchWaitMs: summary(this.wait),
      searchRunMs: summary(this.run),
    };
  }

  reset() {
    this.delay.reset();
    this.wait.reset();
    this.run.reset();
    this.gc = { count: 0, ms: 0, maxMs: 0, major: 0, majorMs: 0 };
    this.since = performance.now();
  }

  stop() {
    this.delay.disable();
    this.observer.disconnect();
  }
}

const KEY = Symbol.for("tim-tin.loop-monitor");

/** This process's monitor (one per process, kept on globalThis as route chunks have their own modules). */
export function loopMonitor(): LoopMonitor {
  const holder = globalThis as { [KEY]?: LoopMonitor };
  return (holder[KEY] ??= new LoopMonitor());
}
