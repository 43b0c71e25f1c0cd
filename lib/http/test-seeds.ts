import { cpSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, vi } from "vitest";
import type { SearchService } from "@/lib/search/service";

/**
 * For tests of the server's routes: point the search service at a temporary copy of the seeds,
 * indexed in memory (no saved index, no watching, no warm-up). `extra` sets more of its
 * environment. Returns the copy's directory, for the test to remove afterwards.
 */
export function seedServiceEnv(prefix: string, extra: Record<string, string> = {}): string {
  const corpus = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.resolve("seeds"), corpus, { recursive: true });
  Object.assign(process.env, { CORPUS_DIR: corpus, INDEX_DIR: "none", WATCH_MS: "0", WARM_MS: "0", ...extra });
  return corpus;
}

/**
 * In a describe block: the search service over a temporary copy of the seeds (seedServiceEnv),
 * ready before its tests, closed and removed after them.
 */
export function useSeedService(prefix: string): void {
  const corpus = seedServiceEnv(prefix);
  beforeAll(async () => {
    const { getSearchService } = await import("@/lib/search/service");
    await getSearchService();
  });
  afterAll(async () => {
    const { getSearchService } = await import("@/lib/search/service");
    await (await getSearchService()).index.close();
    rmSync(corpus, { recursive: true, force: true });
  });
}

/** Record the queries the service's engine computes (in order); `restore()` ends the recording. */
export function recordSearches(service: SearchService): { searched: string[]; restore: () => void } {
  const searched: string[] = [];
  const original = service.engine.searchJson.bind(service.engine);
  const spy = vi.spyOn(service.engine, "searchJson").mockImplementation((query, options) => {
    searched.push(query.q);
    return original(query, options);
  });
  return { searched, restore: () => spy.mockRestore() };
}
