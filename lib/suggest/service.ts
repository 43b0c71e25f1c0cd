// One suggest index per engine, built in the background: on the first request, and again
// after the archive changes, at most once a minute (live updates can come every few seconds;
// a suggestion list a minute old is still useful, a rebuild per update is not). A build reads
// every live article's title and tokenises them all (seconds at 35k articles), so it runs in
// slices between the process's other requests (lib/suggest/steps.ts) rather than in one of
// them; meanwhile the previous index answers, or, before the first, an empty list.
import { log } from "@/lib/log";
import type { SearchEngine } from "@/lib/search/engine";
import { inSlices } from "@/lib/suggest/steps";
import { SuggestIndex, suggestIndexSteps, type SuggestEntry, type Suggestion } from "@/lib/suggest/suggest-index";

const REBUILD_AFTER_MS = 60_000;
/** Work between two yields of a build to the event loop (ms): a request waits at most about this long for it. */
const SLICE_MS = 10;

interface Held {
  /** The latest index built, of the archive's `generation`; null before the first. */
  index: SuggestIndex | null;
  generation: number;
  /** When it was built, or the last build failed. */
  at: number;
  /** The build under way. */
  building: Promise<void> | null;
}

const held = new WeakMap<SearchEngine, Held>();

/** The archive changed while its titles were being read. */
class ArchiveChanged extends Error {}

/**
 * Readings of the archive begun again because it changed meanwhile; the next one is kept even if
 * the archive changes under it (else a busy archive, changed every few seconds, would never get
 * its index): it holds what it read, of one state or the next, and is rebuilt when due, as it is
 * not of the archive's generation.
 */
const STRICT_READINGS = 3;
/** Readings in all before a build gives up (a change may remove a segment's files as it is read). */
const MAX_READINGS = 5;

/** The engine's live entries; `strict`: as long as its archive stays at `generation`. */
function* entriesOf(engine: SearchEngine, generation: number, strict: boolean): Generator<SuggestEntry> {
  for (const entry of engine.entries()) {
    if (strict && engine.archive.generation !== generation) throw new ArchiveChanged();
    yield entry;
  }
}

async function build(engine: SearchEngine, h: Held, sliceMs: number) {
  // Started after the request at hand is answered.
  await new Promise((resolve) => setImmediate(resolve));
  for (let reading = 1; ; reading++) {
    const generation = engine.archive.generation;
    try {
      h.index = await inSlices(suggestIndexSteps(entriesOf(engine, generation, reading <= STRICT_READINGS)), sliceMs);
      h.generation = generation;
      h.at = performance.now();
      return;
    } catch (error) {
      // Read again if the archive changed meanwhile (a merge may have dropped a segment being read).
      if (engine.archive.generation === generation || reading >= MAX_READINGS) throw error;
    }
  }
}

/**
 * The engine's latest suggest index (null before the first is built); starts building one when
 * none is being built, the archive is not the one the last was built of, and the last was built
 * (or failed) a minute ago or more. `sliceMs`: the build's work between two yields (tests: 0, a
 * step per turn).
 */
export function suggestIndexFor(engine: SearchEngine, sliceMs = SLICE_MS): SuggestIndex | null {
  let h = held.get(engine);
  if (!h) held.set(engine, (h = { index: null, generation: -1, at: -Infinity, building: null }));
  if (!h.building && h.generation !== engine.archive.generation && performance.now() - h.at >= REBUILD_AFTER_MS) {
    const b = (h.building = build(engine, h, sliceMs)
      .catch((error) => {
        // Tried again a minute later; the index held meanwhile goes on answering.
        h.at = performance.now();
        log().error({ event: "suggest_failed", err: error }, "suggest index not built");
      })
      .finally(() => {
        if (h.building === b) h.building = null;
      }));
  }
  return h.index;
}

/** Completions of `q` from the engine's latest suggest index: none before the first is built. */
export function suggestionsFor(engine: SearchEngine, q: string, sliceMs = SLICE_MS): Suggestion[] {
  return suggestIndexFor(engine, sliceMs)?.suggest(q) ?? [];
}

/** The build under way for `engine`, if any (tests and scripts wait for it). */
export function suggestBuild(engine: SearchEngine): Promise<void> {
  return held.get(engine)?.building ?? Promise.resolve();
}
