import { createHash } from "node:crypto";
import path from "node:path";
import { loopMonitor } from "@/lib/http/loop-monitor";
import { WorkQueue } from "@/lib/http/search-queue";
import { shareAnswers, type Channel, type SharingStats } from "@/lib/http/shared-answers";
import { LiveIndex } from "@/lib/index/live-index";
import { ANALYZER_VERSION, FORMAT_VERSION } from "@/lib/index/format";
import type { IndexVersion } from "@/lib/http/etag";
import { log } from "@/lib/log";
import { SearchEngine } from "@/lib/search/engine";
import { DEFAULT_CACHE_MB } from "@/lib/search/result-cache";
import { warmUp } from "@/lib/search/warm-up";

export interface SearchService {
  engine: SearchEngine;
  index: LiveIndex;
  corpusDir: string;
  indexDir: string | null;
  /** How long loading (or building) the index took at start. */
  buildMs: number;
  /** Answers sent to and adopted from the other server processes, when shared (else null). */
  shared: SharingStats | null;
}

/** Where the service stands: a first build reports its progress; then it serves. */
export type ServiceState =
  { status: "indexing"; progress: { done: number; total: number } } | { status: "ok"; service: SearchService } | { status: "error"; message: string };

/** The corpus directory: `CORPUS_DIR`, relative to the project root, default `seeds/`. */
export function corpusDir(): string {
  // The corpus is read at run time, not traced into the build output.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CORPUS_DIR || "seeds");
}

/**
 * Where the index is saved: `INDEX_DIR`, default `.index/<corpus folder>-<hash>` in the
 * project (one saved index per corpus directory); `INDEX_DIR=none` keeps it in memory.
 */
export function indexDir(corpus = corpusDir()): string | null {
  const set = process.env.INDEX_DIR;
  if (set === "none") return null;
  if (set) return path.resolve(/* turbopackIgnore: true */ process.cwd(), set);
  const hash = createHash("sha1").update(corpus).digest("hex").slice(0, 8);
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), ".index", `${path.basename(corpus)}-${hash}`);
}

/**
 * This process's part when several serve one saved index (scripts/start.mjs sets
 * `INDEX_ROLE`): the writer reads the corpus and commits, readers follow its commits. Without
 * a saved index (`INDEX_DIR=none`) every process is its own writer.
 */
export function indexRole(dir = indexDir()): "writer" | "reader" {
  return process.env.INDEX_ROLE === "reader" && dir !== null ? "reader" : "writer";
}

/** How often the corpus directory is looked at for new and changed files (`WATCH_MS`, 0 = never). */
function watchMs(): number {
  const v = Number(process.env.WATCH_MS ?? 1000);
  return Number.isFinite(v) && v >= 0 ? v : 1000;
}

/** Time for warm-up searches before the process says it is ready (`WARM_MS`, default 2000; 0 = none). */
function warmMs(): number {
  const v = Number(process.env.WARM_MS ?? 2000);
  return Number.isFinite(v) && v >= 0 ? v : 2000;
}

/** CPU time (user and system) this process has used since it started, in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

/** Memory for answers to repeated searches (`SEARCH_CACHE_MB`, default DEFAULT_CACHE_MB; 0 = no cache). */
export function resultCacheBytes(): number {
  const v = Number(process.env.SEARCH_CACHE_MB ?? DEFAULT_CACHE_MB);
  return Number.isFinite(v) && v >= 0 ? Math.round(v * 1024 * 1024) : DEFAULT_CACHE_MB * 1024 * 1024;
}

/**
 * Searches that may wait for their turn in one process (`SEARCH_QUEUE`, default 64; 0 = no
 * bound; `off` = no queue: each search runs as its request arrives, to measure the queue).
 */
function queueLimit(): number {
  if (process.env.SEARCH_QUEUE === "off") return -1;
  const v = Number(process.env.SEARCH_QUEUE ?? DEFAULT_QUEUE);
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : DEFAULT_QUEUE;
}
const DEFAULT_QUEUE = 64;

/** How long one turn of the queue may go on running waiting searches (`SEARCH_SLICE_MS`; 0 = one search a turn). */
function queueSliceMs(): number {
  const v = Number(process.env.SEARCH_SLICE_MS ?? DEFAULT_SLICE_MS);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_SLICE_MS;
}
const DEFAULT_SLICE_MS = 0;

/**
 * The order of waiting searches (`SEARCH_ORDER`): `arrival` (default) or `cost`, the cheapest
 * expected first (lib/http/search-cost.ts) unless the oldest has waited `SEARCH_MAX_WAIT_MS`
 * (default 500), to measure it (docs/history/performance-log.md, scale9).
 */
export function queueOrder(): { by: "arrival" } | { by: "cost"; maxWaitMs: number } {
  if (process.env.SEARCH_ORDER !== "cost") return { by: "arrival" };
  const v = Number(process.env.SEARCH_MAX_WAIT_MS ?? DEFAULT_MAX_WAIT_MS);
  return { by: "cost", maxWaitMs: Number.isFinite(v) && v >= 0 ? v : DEFAULT_MAX_WAIT_MS };
}
const DEFAULT_MAX_WAIT_MS = 500;

/**
 * Whether this process shares its computed answers with the other server processes
 * (lib/http/shared-answers.ts): with a saved index, more than one process and an IPC channel
 * (scripts/start.mjs); `SEARCH_SHARE=0` turns it off, to measure it.
 */
function sharesAnswers(dir: string | null): boolean {
  return dir !== null && typeof process.send === "function" && (Number(process.env.TIMTIN_WORKERS) || 1) > 1 && process.env.SEARCH_SHARE !== "0";
}

/** Whether the API sends a kept answer at once rather than queueing it (`SEARCH_KEPT_FIRST`, default on; 0 = off, to measure it). */
export function keptFirst(): boolean {
  return process.env.SEARCH_KEPT_FIRST !== "0";
}

const QUEUE = Symbol.for("tim-tin.search-queue");

/** This process's queue of API searches (lib/http/search-queue.ts), one per process as the index is. */
export function searchQueue(): WorkQueue {
  const holder = globalThis as { [QUEUE]?: WorkQueue };
  return (holder[QUEUE] ??= new WorkQueue(
    queueLimit(),
    setImmediate,
    (waitMs, runMs) => loopMonitor().search(waitMs, runMs),
    queueSliceMs(),
    () => performance.now(),
    queueOrder(),
  ));
}

// Route handlers and pages can be bundled into separate chunks with their own module
// instances, so the one index per process is kept on globalThis.
const KEY = Symbol.for("tim-tin.search-service");
interface Holder {
  [KEY]?: { index: LiveIndex; ready: Promise<SearchService>; service: SearchService | null; error: string | null };
}

function start() {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const corpus = corpusDir();
  const dir = indexDir(corpus);
  const started = performance.now();
  const role = indexRole(dir);
  const index = new LiveIndex({
    corpusDir: corpus,
    indexDir: dir,
    reader: role === "reader",
    onEvent: (event, fields) => log().warn({ event, ...fields }, event),
    onProgress: (done, total) => log().info({ event: "indexing", done, total }, "indexing"),
    // Stories and facet numbering are regrouped as part of an update, not by the next query.
    onChange: () => entry.service?.engine.prepare(),
  });
  const entry: NonNullable<Holder[typeof KEY]> = { index, ready: null!, service: null, error: null };
  entry.ready = index.open().then(
    () => {
      const openMs = Math.round(performance.now() - started);
      const engine = new SearchEngine(index.archive, { resultCacheBytes: resultCacheBytes() });
      // Requests waiting in the queue for an answer that is now kept (computed by a request
      // ahead of them, or sent by another process) are answered at once (`SEARCH_RELEASE=0`
      // leaves them at their turn, to measure it).
      const queue = searchQueue();
      if (process.env.SEARCH_RELEASE !== "0") queue.isReady = (key) => engine.hasAnswer(key);
      // Shared before the warm-up, so the warm-up's answers are shared too.
      const shared = sharesAnswers(dir)
        ? shareAnswers(
            engine,
            () => index.lastUpdate,
            process as unknown as Channel,
            (key) => queue.release(key),
          )
        : null;
      // Stories, facet numbering and pair filters are derived here, before the process says it
      // is ready: else the first search after a start pays for them (about 1–2 s on 35k).
      const prepared = performance.now();
      engine.prepare();
      const prepareMs = Math.round(performance.now() - prepared);
      // A few searches before ready: a cold process's first searches are several times slower,
      // and under load the connections queued behind them timed out (lib/search/warm-up.ts).
      const warm = warmUp(engine, { budgetMs: warmMs() });
      const buildMs = Math.round(performance.now() - started);
      const service: SearchService = { engine, index, corpusDir: corpus, indexDir: dir, buildMs, shared };
      entry.service = service;
      const ms = watchMs();
      if (ms > 0) index.watch(ms);
      log().info(
        {
          event: "indexed",
          corpusDir: corpus,
          indexDir: dir,
          role,
          analyzer: ANALYZER_VERSION,
          articles: index.archive.live,
          skipped: index.skippedSources.length,
          buildMs,
          // Where a start went: opening (or building) the index, prepare's steps, the warm-up;
          // the process's age says how long Node and Next.js took before the index was opened.
          openMs,
          prepareMs,
          prepare: engine.lastSync,
          warmUp: warm,
          storiesRefused: index.storiesRefused,
          uptimeMs: Math.round(process.uptime() * 1000),
          // CPU time of the whole process so far: far below uptimeMs when the machine is busy.
          cpuMs: cpuMs(),
          fromSaved: index.loaded.saved,
          rebuiltBecause: index.loaded.reason,
        },
        "index ready",
      );
      return service;
    },
    (error) => {
      entry.error = String(error);
      log().error({ event: "error", err: error }, "index failed");
      delete holder[KEY]; // the next request tries again rather than caching a failure
      throw error;
    },
  );
  holder[KEY] = entry;
  return entry;
}

/** Start indexing (once per process) without waiting for it. */
export function startSearchService(): void {
  start().ready.catch(() => undefined);
}

/** The process-wide search service, once searchable. */
export function getSearchService(): Promise<SearchService> {
  return start().ready;
}

/** The version of the index a service searches (HTTP validators key on it). */
export function indexVersion(service: SearchService): IndexVersion {
  // The commit's time, not this process's archive generation: every server process over
  // the same saved index (scripts/start.mjs) then gives a URL the same tag.
  const commit = service.index.lastUpdate ?? `process-${performance.timeOrigin}-${service.engine.archive.generation}`;
  return { format: FORMAT_VERSION, analyzer: ANALYZER_VERSION, commit };
}

/** The service if it is already searchable; never starts one (for code outside the app's routes). */
export function readyService(): SearchService | null {
  return (globalThis as Holder)[KEY]?.service ?? null;
}

/** The service if it is searchable, else where the first build stands. */
export function serviceState(): ServiceState {
  const entry = start();
  if (entry.service) return { status: "ok", service: entry.service };
  if (entry.error) return { status: "error", message: entry.error };
  return { status: "indexing", progress: { ...entry.index.progress } };
}
