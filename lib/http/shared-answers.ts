// Answers shared by the server processes of one saved index (scripts/start.mjs runs one per
// core). Without this each process computes each distinct search once for itself: under load
// every search is computed once per process, and the computed ones are what wait in the queue
// (docs/history/performance-log.md). Here an answer a process computes and keeps is sent to the primary,
// which hands it to every other process; each keeps it as if it had computed it. A process
// adopts an answer only while its index is at the commit the answer was computed on (the
// commit's time, which every process of one saved index reads from the same manifest), so an
// answer is never kept for an archive it was not computed over: a process that has not yet
// followed a commit, or already moved past it, drops it.
import type { ResultCache } from "@/lib/search/result-cache";

/** The message's `type`; scripts/start.mjs relays messages of this type and no others. */
export const SHARED_ANSWER = "tim-tin.answer";

export interface SharedAnswer {
  type: typeof SHARED_ANSWER;
  /** The commit the answer was computed on (LiveIndex.lastUpdate). */
  commit: string;
  /** Which of the engine's caches keeps it. */
  cache: "words" | "browse";
  key: string;
  json: string;
  total: number;
}

/** The process's link to the primary: `process` in a cluster worker. */
export interface Channel {
  send(message: unknown): unknown;
  on(event: "message", listener: (message: unknown) => void): unknown;
}

/** What the engine offers: its archive's generation and its caches of kept answers. */
export interface SharingEngine {
  readonly archive: { readonly generation: number };
  readonly answerCaches: readonly ResultCache[];
}

export interface SharingStats {
  /** Answers this process computed and sent. */
  sent: number;
  /** Answers of other processes kept here. */
  adopted: number;
  /** Answers of other processes dropped: computed on another commit than this process's. */
  otherCommit: number;
}

/**
 * Send every answer `engine` computes and keeps to the other processes, and keep theirs.
 * `commit` is the commit this process's archive is at (null before the index is loaded);
 * `adopted` is told the key of each answer kept from another process (the search queue
 * answers the requests waiting for it at once).
 */
export function shareAnswers(engine: SharingEngine, commit: () => string | null, channel: Channel, adopted?: (key: string) => void): SharingStats {
  const stats: SharingStats = { sent: 0, adopted: 0, otherCommit: 0 };
  const caches = new Map(engine.answerCaches.map((c) => [c.keeps, c]));
  for (const cache of engine.answerCaches) {
    cache.onKeep = (key, generation, json, total) => {
      const at = commit();
      // An answer of an archive older than the process's own (cannot happen while searches are
      // synchronous, but then it must not be labelled with the newer commit).
      if (at === null || generation !== engine.archive.generation) return;
      const message: SharedAnswer = { type: SHARED_ANSWER, commit: at, cache: cache.keeps, key, json, total };
      channel.send(message);
      stats.sent++;
    };
  }
  channel.on("message", (message) => {
    if (!isSharedAnswer(message)) return;
    const cache = caches.get(message.cache);
    if (!cache) return;
    if (message.commit !== commit()) {
      stats.otherCommit++;
      return;
    }
    const before = cache.adopted;
    cache.adopt(message.key, engine.archive.generation, message.json, message.total);
    if (cache.adopted === before) return;
    stats.adopted++;
    adopted?.(message.key);
  });
  return stats;
}

function isSharedAnswer(m: unknown): m is SharedAnswer {
  if (typeof m !== "object" || m === null) return false;
  const x = m as Partial<SharedAnswer>;
  return (
    x.type === SHARED_ANSWER &&
    typeof x.commit === "string" &&
    (x.cache === "words" || x.cache === "browse") &&
    typeof x.key === "string" &&
    typeof x.json === "string" &&
    typeof x.total === "number"
  );
}
