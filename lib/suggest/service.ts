// One suggest index per engine, built on the first request and rebuilt after the archive
// changes, at most once a minute (live updates can come every few seconds; a suggestion
// list a minute old is still useful, a rebuild per update is not).
import type { SearchEngine } from "@/lib/search/engine";
import { SuggestIndex, suggestSource } from "@/lib/suggest/suggest-index";

const REBUILD_AFTER_MS = 60_000;

interface Built {
  index: SuggestIndex;
  generation: number;
  at: number;
}

const built = new WeakMap<SearchEngine, Built>();

export function suggestIndexFor(engine: SearchEngine): SuggestIndex {
  const current = built.get(engine);
  const generation = engine.archive.generation;
  if (current && (current.generation === generation || performance.now() - current.at < REBUILD_AFTER_MS)) return current.index;
  const index = new SuggestIndex(suggestSource(engine.entries()));
  built.set(engine, { index, generation, at: performance.now() });
  return index;
}
