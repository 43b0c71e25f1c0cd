// Loading the 35k corpus through the cleaning pipeline takes ~30 s; evaluation scripts
// may cache the cleaned articles as JSON outside the repo (opt-in: --cache).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadCorpus } from "@/lib/corpus/load";
import type { Article } from "@/lib/corpus/types";
import { LiveIndex } from "@/lib/index/live-index";

/** loadCorpus reads a directory; a single file is copied into a temporary one (outside the repo). */
function corpusDir(target: string): { dir: string; cleanup: () => void } {
  if (statSync(target).isDirectory()) return { dir: target, cleanup: () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), "timtin-eval-"));
  copyFileSync(path.resolve(target), path.join(dir, path.basename(target)));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Cleaned articles of a corpus file or directory; with `cache`, reused from os.tmpdir() when the source is unchanged. */
export async function loadArticles(target: string, cache: boolean): Promise<{ articles: Article[]; skipped: number }> {
  const st = statSync(target);
  const key = `${path.basename(target)}-${st.size}-${Math.round(st.mtimeMs)}`.replace(/[^\w.-]/g, "_");
  const file = path.join(os.tmpdir(), `timtin-eval-cache-${key}.json`);
  if (cache && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { articles: Article[]; skipped: number };
  const source = corpusDir(target);
  const { articles, skipped } = await loadCorpus(source.dir).finally(source.cleanup);
  const out = { articles, skipped: skipped.length };
  if (cache) writeFileSync(file, JSON.stringify(out));
  return out;
}

/** A saved index (npm run index) of the corpus file `corpus`, opened read-only. */
export function openSaved(corpus: string, index: string): Promise<LiveIndex> {
  return LiveIndex.open({ corpusDir: path.resolve(path.dirname(corpus)), indexDir: path.resolve(index), reader: true, waitForWriter: false });
}
