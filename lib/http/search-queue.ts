// The searches of one server process, one at a time in arrival order, each in an event-loop
// turn of its own. A search is synchronous CPU work: when a burst of requests arrives, their
// searches would otherwise run back to back, and a client that gave up meanwhile (its
// connection closed) is only seen once they are all done. Between two turns Node reads the
// sockets, so a request whose client has gone is dropped before its search starts. The queue
// is bounded: past `limit` waiting searches, a request is refused at once (the route answers
// 503) rather than piling up work nobody may be there to read.
//
// A turn may run several jobs: it goes on to the next waiting job until `sliceMs` of the turn
// have passed. Under load the event loop spends most of each round answering kept searches
// (sent at once, never queued); with one job per round a computed search waited one whole
// round per search ahead of it (p99 1.0-1.2 s at 50 connections, docs/history/performance-log.md). A
// slice gives the queue a share of each round whatever the rest of the round costs. Off by
// default (SEARCH_SLICE_MS, lib/search/service.ts): at 35k under load it showed no gain over
// one job a turn (docs/history/performance-log.md, scale6); releasing waiting searches whose answer is
// kept (`release`) is what measured better.
//
// The order may be by expected cost instead of arrival (`order: "cost"`): the waiting job with
// the lowest `cost` runs first (shortest job first: of jobs waiting together it answers the
// most of them within any given time), unless the oldest has waited `maxWaitMs` or more, which
// then runs (a costly search is delayed, never starved). Off by default (SEARCH_ORDER,
// lib/search/service.ts; measured in docs/history/performance-log.md, scale9).

/** What became of a queued job. */
export type Queued<T> = { status: "done"; value: T } | { status: "aborted" } | { status: "full" };

export class WorkQueue {
  private readonly waiting: {
    job: () => unknown;
    signal?: AbortSignal;
    settle: (r: Queued<unknown>) => void;
    onAbort?: () => void;
    at: number;
    key?: string;
    cost: number;
  }[] = [];
  private scheduled = false;
  /** Jobs run, dropped because their signal aborted first, and refused because the queue was full. */
  readonly stats = { done: 0, aborted: 0, full: 0 };

  /**
   * `limit`: jobs that may wait at once (0 = no bound; below 0 = no queue, each job runs at once); `schedule`: how the next turn is
   * asked for (setImmediate: after the event loop has polled for I/O); `observe`: told how
   * long each job that ran waited for its turn and ran (lib/http/loop-monitor.ts); `sliceMs`:
   * a turn runs further jobs until this long has passed since it began (0 = one job a turn);
   * `now`: the clock (tests drive their own); `order`: which waiting job runs next, the
   * oldest ("arrival") or the cheapest by the `cost` given to `run` ("cost"), but the oldest
   * once it has waited `maxWaitMs`.
   */
  constructor(
    readonly limit: number,
    private readonly schedule: (turn: () => void) => void = setImmediate,
    private readonly observe?: (waitMs: number, runMs: number) => void,
    readonly sliceMs = 0,
    private readonly now: () => number = () => performance.now(),
    readonly order: { by: "arrival" } | { by: "cost"; maxWaitMs: number } = { by: "arrival" },
  ) {}

  /**
   * Whether the answer of the jobs keyed `key` is now at hand (kept in a cache), so that they
   * cost almost nothing: see `release`. Until set, nothing is released.
   */
  isReady: (key: string) => boolean = () => false;
  /** Jobs run ahead of their turn by `release`. */
  released = 0;

  /** Jobs waiting for their turn. */
  get length(): number {
    return this.waiting.length;
  }

  /**
   * Run `job` in its turn, unless `signal` aborts first or the queue is full. A job's error
   * rejects. `key` names what the job computes: when a job of the same key has run (or the
   * answer arrives from elsewhere, see `release`), the others waiting with that key are run at
   * once instead of at their turn. `cost`: the job's expected cost, for a queue ordered by it.
   */
  run<T>(job: () => T, signal?: AbortSignal, key?: string, cost = 0): Promise<Queued<T>> {
    if (signal?.aborted) {
      this.stats.aborted++;
      return Promise.resolve({ status: "aborted" });
    }
    if (this.limit < 0) {
      // No queue: run now, in the caller's turn.
      const started = this.now();
      try {
        const value = job();
        this.stats.done++;
        this.observe?.(0, this.now() - started);
        return Promise.resolve({ status: "done", value });
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.limit > 0 && this.waiting.length >= this.limit) {
      this.stats.full++;
      return Promise.resolve({ status: "full" });
    }
    return new Promise<Queued<T>>((resolve, reject) => {
      const entry: (typeof this.waiting)[number] = {
        job: () => {
          try {
            resolve({ status: "done", value: job() });
          } catch (error) {
            reject(error);
          }
        },
        signal,
        settle: resolve as (r: Queued<unknown>) => void,
        at: this.now(),
        key,
        cost,
      };
      if (signal) {
        // A client that leaves while waiting frees its place at once.
        entry.onAbort = () => {
          const at = this.waiting.indexOf(entry);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          this.stats.aborted++;
          resolve({ status: "aborted" });
        };
        signal.addEventListener("abort", entry.onAbort, { once: true });
      }
      this.waiting.push(entry);
      this.next();
    });
  }

  private next() {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const began = this.now();
      do this.runOne();
      while (this.waiting.length > 0 && this.now() - began < this.sliceMs);
      this.next();
    });
  }

  /**
   * Run now every waiting job keyed `key`, if `isReady(key)` says its answer is at hand: a
   * repeated search that arrived while the first was waiting or running, or one whose answer
   * another server process has just sent, is answered at once rather than waiting behind
   * searches that must be computed. Nothing runs when the answer is not at hand (a search not
   * kept would be computed again, once per waiting request, in one turn).
   */
  release(key: string) {
    if (!this.waiting.some((e) => e.key === key) || !this.isReady(key)) return;
    for (const entry of this.waiting.filter((e) => e.key === key)) {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      this.released++;
      this.runEntry(entry);
    }
  }

  private runOne() {
    const at = this.nextIndex();
    if (at < 0) return;
    const [entry] = this.waiting.splice(at, 1);
    this.runEntry(entry);
    if (entry.key !== undefined) this.release(entry.key);
  }

  /** The waiting job to run next: see `order`. */
  private nextIndex(): number {
    const w = this.waiting;
    if (w.length === 0) return -1;
    if (this.order.by === "arrival" || this.now() - w[0].at >= this.order.maxWaitMs) return 0;
    let best = 0;
    for (let i = 1; i < w.length; i++) if (w[i].cost < w[best].cost) best = i;
    return best;
  }

  private runEntry(entry: (typeof this.waiting)[number]) {
    if (entry.onAbort) entry.signal!.removeEventListener("abort", entry.onAbort);
    if (entry.signal?.aborted) {
      this.stats.aborted++;
      entry.settle({ status: "aborted" });
      return;
    }
    this.stats.done++;
    const started = this.now();
    entry.job();
    this.observe?.(started - entry.at, this.now() - started);
  }
}
