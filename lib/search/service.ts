import path from "node:path";
import { loadCorpus } from "@/lib/corpus/load";
import { log } from "@/lib/log";
import type { Skipped } from "@/lib/corpus/types";
import { SearchEngine } from "@/lib/search/engine";

export interface SearchService {
  engine: SearchEngine;
  skipped: Skipped[];
  corpusDir: string;
  /** How long loading, cleaning and indexing took. */
  buildMs: number;
}

/** The corpus directory: `CORPUS_DIR`, relative to the project root, default `seeds/`. */
export function corpusDir(): string {
  // The corpus is read at run time, not traced into the build output.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CORPUS_DIR || "seeds");
}

// Route handlers and pages can be bundled into separate chunks with their own module
// instances, so the one index per process is kept on globalThis.
const KEY = Symbol.for("tim-tin.search-service");
type Holder = { [KEY]?: Promise<SearchService> };

/** The process-wide search service; the first call loads and indexes the corpus. */
export function getSearchService(): Promise<SearchService> {
  const holder = globalThis as Holder;
  holder[KEY] ??= buildService(corpusDir()).catch((error) => {
    delete holder[KEY]; // let the next request try again rather than caching a failure
    throw error;
  });
  return holder[KEY];
}

async function buildService(dir: string): Promise<SearchService> {
  const started = performance.now();
  const corpus = await loadCorpus(dir);
  const engine = new SearchEngine(corpus.articles);
  const buildMs = Math.round(performance.now() - started);
  for (const s of corpus.skipped) log().warn({ event: "skipped", source: s.source, reason: s.reason }, "corpus source skipped");
  log().info({ event: "indexed", corpusDir: dir, articles: corpus.articles.length, skipped: corpus.skipped.length, buildMs }, "index built");
  return { engine, skipped: corpus.skipped, corpusDir: dir, buildMs };
}
