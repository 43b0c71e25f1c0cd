// The stories of a live archive: its live documents numbered in corpus order, and their
// grouping (group.ts). Grouping the whole archive is the largest part of a restart after the
// pair filters (about 4 s at 100k articles on a loaded machine), so the grouping of a commit is
// saved with the index (`stories.bin`, written by lib/index/live-index.ts) and a restart
// adopts it instead of grouping again. The saved grouping is the same full grouping a load
// would compute: it is only adopted for the commit (generation) it was made for, and anything
// that does not fit (another generation, another rule, a damaged or missing file) is grouped
// again as before.
//
// A commit that only adds files after every grouped article (later in corpus order, of no
// earlier day: a new day's file) extends the grouping (StoryGrouper) instead of grouping the
// whole archive again; the result is the same as a regrouping (group.test.ts's property,
// archive-stories.test.ts against fresh builds). Anything else (a removed or rewritten file,
// an earlier day, a merge, the first change after adopting saved stories) gets provisional
// stories at once, the last grouping with the removed articles taken out and each new article
// a story of its own, and the archive is regrouped in the background (on a worker thread:
// group-off-thread.ts); its result is swapped in when done. So a change is searchable without waiting for
// a grouping of the whole archive (about 5 s of CPU at 200k articles), and the stories shown
// equal a full regrouping once the background regrouping is done (`storiesSettled`).
import type { Archive, Loc } from "@/lib/index/archive";
import type { TypedArray } from "@/lib/index/format";
import type { Segment } from "@/lib/index/segment";
import { STORY_RULE, StoryGrouper, type Stories, type StoryDocs } from "@/lib/stories/group";
import { groupOffThread } from "@/lib/stories/group-off-thread";
import { STRIDE } from "@/lib/stories/signature";

/**
 * Bumped whenever grouping changes in a way STORY_RULE does not show (group.ts's passes, the
 * numbering below): a saved grouping of another version is grouped again.
 */
export const STORIES_VERSION = 1;

/** stories.bin's header. */
export interface SavedStoriesMeta {
  version: number;
  /** The commit (manifest generation) the grouping was made for. */
  generation: number;
  /**
   * False for provisional stories (saved before the background regrouping of this commit was
   * done): a restarted writer regroups them, a reader waits for the writer's. Absent (files
   * saved before provisional stories were): a full grouping.
   */
  exact?: boolean;
  rule: typeof STORY_RULE;
  /** Live documents grouped. */
  docs: number;
  count: number;
}

export interface ArchiveStories {
  /** The archive generation these stories are of. */
  generation: number;
  /** Live document number → where it is (corpus order: file path, then line). */
  locs: Loc[];
  /** Per segment: each document's live number, -1 when deleted. */
  numbers: WeakMap<Segment, Int32Array>;
  /**
   * The segments numbered, each with its `Archive.changesOf` then: a segment still in the
   * archive whose count has not moved holds the same live documents (provisionalStories skips it).
   */
  seen: Map<Segment, number>;
  stories: Stories;
  /** Adopted from the saved index rather than grouped. */
  saved: boolean;
  /** Time to number and group (or adopt) (ms). */
  ms: number;
  /** Whether the grouping of the previous commit was extended with new files rather than regrouped. */
  extended: boolean;
  /** A full grouping of the archive; false for provisional stories while the archive is regrouped in the background. */
  exact: boolean;
}

/** What a grouping needs to be extended with the next commit's new files. */
interface Continuation {
  grouper: StoryGrouper;
  people: PersonNumbers;
  /** The segments grouped, and the archive's `reshuffles` then. */
  segments: Set<Segment>;
  reshuffles: number;
}

/** The grouping held per archive, for its current generation (shared by the engine and the index's commit). */
const held = new WeakMap<Archive, ArchiveStories & { next?: Continuation }>();
/** The background regrouping of an archive, while one runs. */
const jobs = new WeakMap<Archive, Promise<void>>();
/** Archives whose background regrouping should stop (closed). */
const stopped = new WeakSet<Archive>();
/** Work between two yields of a background regrouping to the event loop (ms): searches wait at most about this long. */
const SLICE_MS = 10;
/** Documents read between two checks of the slice's time. */
const STEP = 1024;

/**
 * The live documents of the archive in corpus order (ties in publication order go by it):
 * each segment's documents sorted by (file, line) (already so when a build or an update read
 * the files in order), then the segments merged, ties to the earlier segment. No comparator
 * sort over the whole archive: a provisional grouping does this on the update's path.
 */
export function numberArchive(archive: Archive): { locs: Loc[]; numbers: WeakMap<Segment, Int32Array> } {
  const files = [...new Set(archive.segments.flatMap((s) => s.cols.dicts.files))].sort();
  const fileRank = new Map(files.map((f, i) => [f, i]));
  const runs = archive.segments.map((seg) => {
    const ranks = Int32Array.from(seg.cols.dicts.files, (f) => fileRank.get(f)!);
    const { file, line } = seg.cols;
    const key = new Float64Array(seg.rank.n);
    const docs: number[] = [];
    let sorted = true;
    for (let d = 0; d < seg.rank.n; d++) {
      if (seg.rank.deleted?.[d]) continue;
      key[d] = ranks[file[d]] * 2 ** 24 + line[d];
      if (docs.length && key[d] < key[docs[docs.length - 1]]) sorted = false;
      docs.push(d);
    }
    if (!sorted) docs.sort((a, b) => key[a] - key[b] || a - b);
    return { seg, key, docs, at: 0 };
  });
  const locs: Loc[] = [];
  const numbers = new WeakMap<Segment, Int32Array>();
  for (const r of runs) numbers.set(r.seg, new Int32Array(r.seg.rank.n).fill(-1));
  const next = (r: (typeof runs)[number]) => (r.at < r.docs.length ? r.key[r.docs[r.at]] : Infinity);
  for (;;) {
    // The run with the smallest next key (the earlier run on a tie) gives documents until another
    // run's next key comes first: segments usually hold runs of files, taken whole.
    let best = -1;
    for (let i = 0; i < runs.length; i++) if (next(runs[i]) < Infinity && (best < 0 || next(runs[i]) < next(runs[best]))) best = i;
    if (best < 0) break;
    let earlier = Infinity;
    let later = Infinity;
    for (let i = 0; i < runs.length; i++) {
      if (i < best) earlier = Math.min(earlier, next(runs[i]));
      else if (i > best) later = Math.min(later, next(runs[i]));
    }
    const r = runs[best];
    const nums = numbers.get(r.seg)!;
    for (let k = next(r); k < earlier && k <= later; k = next(r)) {
      const d = r.docs[r.at++];
      nums[d] = locs.length;
      locs.push({ seg: r.seg, d });
    }
  }
  return { locs, numbers };
}

/** The archive's segments and each one's count of changes, as `ArchiveStories.seen` records them. */
function seenOf(archive: Archive): Map<Segment, number> {
  return new Map(archive.segments.map((seg) => [seg, archive.changesOf(seg)]));
}

/** People as numbers shared by every segment grouped (by person id). */
class PersonNumbers {
  private ids = new Map<string, number>();
  private cols = new Map<Segment, Int32Array>();

  /**
   * A segment's people as these numbers, in steps of STEP names: a segment's dictionary of
   * people is tens of thousands of names at 1M articles, too many to number in one slice of a
   * background regrouping.
   */
  *ofSteps(seg: Segment): Generator<void, Int32Array, void> {
    let people = this.cols.get(seg);
    if (people) return people;
    const persons = seg.cols.dicts.persons;
    people = new Int32Array(persons.length);
    for (let i = 0; i < persons.length; i++) {
      if (i % STEP === STEP - 1) yield;
      let id = this.ids.get(persons[i].id);
      if (id === undefined) this.ids.set(persons[i].id, (id = this.ids.size));
      people[i] = id;
    }
    this.cols.set(seg, people);
    return people;
  }
}

/** The numbered documents' days, signatures and people, as group.ts takes them. */
function storyDocs(locs: readonly Loc[], people: PersonNumbers): StoryDocs {
  const steps = storyDocsSteps(locs, people);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** `storyDocs` in steps of STEP documents, for a grouping in slices. */
function* storyDocsSteps(locs: readonly Loc[], people: PersonNumbers): Generator<void, StoryDocs, void> {
  const n = locs.length;
  const day = new Int32Array(n);
  const sigs = new Uint16Array(n * STRIDE);
  const personStart = new Int32Array(n + 1);
  const personVals: number[] = [];
  let numbered: Segment | null = null;
  let numbers: Int32Array = new Int32Array(0);
  for (let i = 0; i < n; i++) {
    if (i % STEP === STEP - 1) yield;
    const { seg, d } = locs[i];
    const cols = seg.cols;
    day[i] = cols.day[d];
    sigs.set(cols.story.subarray(d * STRIDE, (d + 1) * STRIDE), i * STRIDE);
    if (seg !== numbered) {
      numbered = seg;
      numbers = yield* people.ofSteps(seg);
    }
    for (let k = cols.personStart[d]; k < cols.personStart[d + 1]; k++) personVals.push(numbers[cols.personVals[k]]);
    personStart[i + 1] = personVals.length;
  }
  return { day, sigs, personStart, personVals: Int32Array.from(personVals) };
}

/** Group the archive as it is now, ignoring anything held or saved (tests compare against it). */
export function groupArchive(archive: Archive): ArchiveStories & { next: Continuation } {
  const started = performance.now();
  const { locs, numbers } = numberArchive(archive);
  const seen = seenOf(archive);
  const people = new PersonNumbers();
  const grouper = new StoryGrouper();
  grouper.append(storyDocs(locs, people));
  const next = { grouper, people, segments: new Set(archive.segments), reshuffles: archive.reshuffles };
  const stories = grouper.result();
  return { generation: archive.generation, locs, numbers, seen, stories, saved: false, ms: performance.now() - started, extended: false, exact: true, next };
}

/** What background regroupings wait for before they start (`holdRegrouping`). */
let regroupGate: Promise<void> = Promise.resolve();

/**
 * Tests: background regroupings start only once the returned function is called, so the
 * provisional stories of a change can be looked at (an update's commit yields while it writes
 * its files, and a small archive's regrouping could be done by the time the update resolves).
 */
export function holdRegrouping(): () => void {
  let release!: () => void;
  regroupGate = new Promise((resolve) => (release = resolve));
  return () => {
    release();
    regroupGate = Promise.resolve();
  };
}

/**
 * Whether background regroupings run on a worker thread (group-off-thread.ts); `TIMTIN_STORIES_WORKER=0`
 * groups on this thread in slices instead, as before the worker (to measure what it saves).
 */
const onWorker = () => process.env.TIMTIN_STORIES_WORKER !== "0";

/**
 * The same grouping as `groupArchive`, without holding the event loop: the documents are
 * numbered and read here in slices of about SLICE_MS, and grouped on a worker thread (or here,
 * in slices, without the worker or if it fails). The documents are read at the start: the
 * result is of the archive's generation then (`generation`), which may have moved on by the end.
 */
async function groupArchiveInBackground(archive: Archive): Promise<(ArchiveStories & { next: Continuation }) | null> {
  // Started after the work at hand (the update, the search that found the change).
  await new Promise((resolve) => setImmediate(resolve));
  await regroupGate;
  if (stopped.has(archive)) return null;
  const started = performance.now();
  const generation = archive.generation;
  const segments = new Set(archive.segments);
  const reshuffles = archive.reshuffles;
  // The stories held for this generation (provisional) number the documents as numberArchive
  // does: taken as they are rather than numbered again on this thread.
  const h = held.get(archive);
  const { locs, numbers, seen } = h && h.generation === generation ? h : { ...numberArchive(archive), seen: seenOf(archive) };
  const people = new PersonNumbers();
  let slice = performance.now();
  /** Whether to go on: false when stopped; yields to the event loop once a slice is spent. */
  const pause = async () => {
    if (performance.now() - slice < SLICE_MS) return true;
    await new Promise((resolve) => setImmediate(resolve));
    slice = performance.now();
    return !stopped.has(archive);
  };
  /** The documents' days, signatures and people, read in slices; null when stopped. */
  const read = async () => {
    const reading = storyDocsSteps(locs, people);
    let step = reading.next();
    for (; !step.done; step = reading.next()) if (!(await pause())) return null;
    return step.value;
  };
  let docs = await read();
  if (!docs) return null;
  let grouped: { stories: Stories; grouper: StoryGrouper } | null = null;
  if (onWorker()) {
    grouped = await groupOffThread(docs).catch((error) => {
      console.error(JSON.stringify({ event: "stories_worker_failed", error: String(error) }));
      return null;
    });
    if (stopped.has(archive)) return null;
    // The worker took the arrays sent: read again to group here.
    if (!grouped && !(docs = await read())) return null;
  }
  if (!grouped) {
    const grouper = new StoryGrouper();
    const grouping = grouper.appendSteps(docs);
    while (!grouping.next().done) if (!(await pause())) return null;
    grouped = { stories: grouper.result(), grouper };
  }
  const next = { grouper: grouped.grouper, people, segments, reshuffles };
  return { generation, locs, numbers, seen, stories: grouped.stories, saved: false, ms: performance.now() - started, extended: false, exact: true, next };
}

/**
 * Provisional stories of the archive from an earlier grouping `prev` (exact or provisional):
 * articles still live keep their story and their original (an original no longer live leaves
 * its copies originals of their own), removed ones are dropped, and every article `prev` did
 * not hold (new, rewritten, restored or merged into a new segment) is a story of its own. The
 * documents are numbered as numberArchive numbers them (a full grouping's numbering), so they
 * can be saved and adopted alike.
 *
 * Story numbers are labels: a kept story keeps `prev`'s number, a story a removal emptied keeps
 * its number with no member until the regrouping, and the stories of their own are numbered
 * after `prev`'s, in corpus order. So nothing is renumbered before the first document that
 * changed.
 *
 * Made on the update's path, from `prev` rather than from the archive whole, in work that
 * follows what changed: only the segments whose documents changed since `prev` are read
 * (`seen`); with `p` the first of prev's numbers removed or with an article added before it,
 * numbers below `p` are the same, so the documents' locations, the segments holding no number
 * from `p` on, the stories' arrays below `p` and the members of the stories without
 * one from `p` on are copied or shared as they are (a removal or a rewrite of the newest file,
 * the common change, renumbers a few documents, not the archive: at 1M articles the whole
 * renumbering was a 0.3 s turn). Each story keeps its members' order (publication order, which
 * a removal or a new story of its own does not change).
 */
export function provisionalStories(prev: ArchiveStories, archive: Archive): ArchiveStories {
  const started = performance.now();
  const was = prev.stories;
  const prevN = prev.locs.length;
  // The live documents prev did not number, and the first of prev's numbers no longer live: only
  // in the segments whose documents changed since prev numbered them (new ones, deletions,
  // restored copies, segments dropped by a merge), not in every document of the archive.
  const inArchive = new Set(archive.segments);
  const added: Loc[] = [];
  let firstRemoved = prevN;
  for (const seg of archive.segments) {
    const old = prev.numbers.get(seg);
    if (old && prev.seen.get(seg) === archive.changesOf(seg)) continue;
    const deleted = seg.rank.deleted;
    for (let d = 0; d < seg.rank.n; d++) {
      const x = old ? old[d] : -1;
      if (deleted?.[d]) {
        if (x >= 0 && x < firstRemoved) firstRemoved = x;
      } else if (x < 0) added.push({ seg, d });
    }
  }
  for (const seg of prev.seen.keys()) {
    const old = prev.numbers.get(seg);
    if (inArchive.has(seg) || !old) continue;
    for (let d = 0; d < old.length; d++) if (old[d] >= 0 && old[d] < firstRemoved) firstRemoved = old[d];
  }
  added.sort(corpusOrder);
  // Each added document goes before the first of prev's that comes after it in corpus order.
  const at = added.map((loc) => {
    let lo = 0;
    let hi = prevN;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (corpusOrder(prev.locs[mid], loc) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  // The first number that changes: below it every document keeps its number.
  const p = at.length ? Math.min(firstRemoved, at[0]) : firstRemoved;
  /** Whether prev's document x (from p on) is still live. */
  const kept = (x: number) => {
    const { seg, d } = prev.locs[x];
    return inArchive.has(seg) && !seg.rank.deleted?.[d];
  };
  /** From p on: prev's number → the new one (-1: removed). */
  const nowTail = new Int32Array(prevN - p).fill(-1);
  const now = (x: number) => (x < p ? x : nowTail[x - p]);
  const locs = prev.locs.slice(0, p);
  /** Each added document's new number. */
  const addedAt = new Int32Array(added.length);
  let k = 0;
  for (let x = p; x <= prevN; x++) {
    for (; k < added.length && at[k] === x; k++) {
      addedAt[k] = locs.length;
      locs.push(added[k]);
    }
    if (x < prevN && kept(x)) {
      nowTail[x - p] = locs.length;
      locs.push(prev.locs[x]);
    }
  }
  const n = locs.length;

  // Each segment's numbers: prev's array, shared, unless it holds a number from p on or an added document.
  const changed = new Map<Segment, Int32Array>();
  const numbersOf = (seg: Segment) => {
    let nums = changed.get(seg);
    if (!nums) changed.set(seg, (nums = prev.numbers.get(seg)?.slice() ?? new Int32Array(seg.rank.n).fill(-1)));
    return nums;
  };
  for (let x = p; x < prevN; x++) {
    const { seg, d } = prev.locs[x];
    if (inArchive.has(seg)) numbersOf(seg)[d] = nowTail[x - p];
  }
  added.forEach(({ seg, d }, i) => (numbersOf(seg)[d] = addedAt[i]));
  const numbers = new WeakMap<Segment, Int32Array>();
  for (const seg of archive.segments) numbers.set(seg, changed.get(seg) ?? prev.numbers.get(seg) ?? numbersOf(seg));

  // Stories and originals: below p as prev's; from p on through `now`; an added document a story of its own.
  const count = was.count + added.length;
  const story = new Int32Array(n);
  const original = new Int32Array(n);
  story.set(was.story.subarray(0, p));
  original.set(was.original.subarray(0, p));
  /** The stories holding one of prev's numbers from p on: only their members change. */
  const touched = new Uint8Array(was.count);
  let firstTouched = was.count;
  for (let x = p; x < prevN; x++) {
    const t = was.story[x];
    touched[t] = 1;
    if (t < firstTouched) firstTouched = t;
    const y = nowTail[x - p];
    if (y < 0) continue;
    story[y] = t;
    const o = now(was.original[x]);
    original[y] = o >= 0 ? o : y;
  }
  added.forEach((_, i) => {
    story[addedAt[i]] = was.count + i;
    original[addedAt[i]] = addedAt[i];
  });
  // Members: the stories before the first touched one as prev's; runs of untouched stories
  // copied whole (their members are below p) with their starts shifted; a touched story's
  // members through `now`, in prev's order; then the added documents' stories.
  const start = new Int32Array(count + 1);
  const members = new Int32Array(n);
  start.set(was.start.subarray(0, firstTouched + 1));
  members.set(was.members.subarray(0, was.start[firstTouched]));
  let i = was.start[firstTouched];
  for (let t = firstTouched; t < was.count;) {
    if (!touched[t]) {
      let u = t;
      while (u < was.count && !touched[u]) u++;
      const shift = i - was.start[t];
      for (let s = t; s < u; s++) start[s] = was.start[s] + shift;
      members.set(was.members.subarray(was.start[t], was.start[u]), i);
      i += was.start[u] - was.start[t];
      t = u;
      continue;
    }
    start[t] = i;
    for (let m = was.start[t]; m < was.start[t + 1]; m++) {
      const x = was.members[m];
      const y = now(x);
      if (y < 0) continue;
      members[i++] = y;
      // A member below p whose original was removed or renumbered (an original later in corpus order).
      if (x < p && was.original[x] >= p) {
        const o = now(was.original[x]);
        original[y] = o >= 0 ? o : y;
      }
    }
    t++;
  }
  for (let a = 0; a < added.length; a++) {
    start[was.count + a] = i;
    members[i++] = addedAt[a];
  }
  start[count] = i;
  const stories: Stories = { story, original, count, start, members };
  return {
    generation: archive.generation,
    locs,
    numbers,
    seen: seenOf(archive),
    stories,
    saved: false,
    ms: performance.now() - started,
    extended: false,
    exact: false,
  };
}

/** Corpus order of two documents: file path, then line. */
function corpusOrder(a: Loc, b: Loc): number {
  const fa = a.seg.cols.dicts.files[a.seg.cols.file[a.d]];
  const fb = b.seg.cols.dicts.files[b.seg.cols.file[b.d]];
  return fa !== fb ? (fa < fb ? -1 : 1) : a.seg.cols.line[a.d] - b.seg.cols.line[b.d];
}

/**
 * The held grouping extended with the archive's new segments, when the archive only gained
 * segments (nothing deleted, restored or dropped: `reshuffles` unchanged) and every new
 * document comes after every grouped one in corpus order and on no earlier day: then the new
 * documents are numbered after the grouped ones as numberArchive would number them, and the
 * grouper gives what a regrouping would. Otherwise null.
 */
function extend(h: ArchiveStories, next: Continuation, archive: Archive): (ArchiveStories & { next: Continuation }) | null {
  const started = performance.now();
  if (archive.reshuffles !== next.reshuffles) return null;
  const fresh = archive.segments.filter((seg) => !next.segments.has(seg));
  if (archive.segments.length - fresh.length !== next.segments.size) return null;
  const added: Loc[] = [];
  for (const seg of fresh) for (let d = 0; d < seg.rank.n; d++) if (!seg.rank.deleted?.[d]) added.push({ seg, d });
  added.sort(corpusOrder);
  const last = h.locs[h.locs.length - 1];
  if (added.length && last && corpusOrder(last, added[0]) >= 0) return null;
  const docs = storyDocs(added, next.people);
  if (!next.grouper.canAppend(docs.day)) return null;
  next.grouper.append(docs);
  const locs = h.locs.concat(added);
  const numbers = new WeakMap<Segment, Int32Array>();
  for (const seg of archive.segments) if (!fresh.includes(seg)) numbers.set(seg, h.numbers.get(seg)!);
  for (const seg of fresh) numbers.set(seg, new Int32Array(seg.rank.n).fill(-1));
  added.forEach((l, i) => (numbers.get(l.seg)![l.d] = h.locs.length + i));
  const cont = { ...next, segments: new Set(archive.segments) };
  const stories = next.grouper.result();
  return {
    generation: archive.generation,
    locs,
    numbers,
    seen: seenOf(archive),
    stories,
    saved: false,
    ms: performance.now() - started,
    extended: true,
    exact: true,
    next: cont,
  };
}

/**
 * The stories of the archive's current generation: held, adopted from the saved index,
 * extended from the last grouping, provisional (while the archive is regrouped in the
 * background), or, the first time (nothing to start from), grouped now.
 */
export function archiveStories(archive: Archive): ArchiveStories {
  const h = held.get(archive);
  if (h && h.generation === archive.generation) return h;
  const extended = h?.next && extend(h, h.next, archive);
  if (extended) {
    held.set(archive, extended);
    return extended;
  }
  if (!h) {
    const grouped = groupArchive(archive);
    held.set(archive, grouped);
    return grouped;
  }
  const provisional = provisionalStories(h, archive);
  held.set(archive, provisional);
  regroupInBackground(archive);
  return provisional;
}

/**
 * Regroup the archive in the background unless its stories are exact or a regrouping runs.
 * A regrouping that ends after the archive moved on extends its result when it can, else
 * serves as the base of fresher provisional stories, and the archive is regrouped again.
 */
function regroupInBackground(archive: Archive) {
  if (jobs.has(archive) || stopped.has(archive)) return;
  let finished!: () => void;
  jobs.set(archive, new Promise<void>((resolve) => (finished = resolve)));
  regroup(archive)
    .catch((error) => console.error(JSON.stringify({ event: "stories_regroup_failed", error: String(error) })))
    .finally(() => {
      jobs.delete(archive);
      finished();
    });
}

async function regroup(archive: Archive) {
  while (!stopped.has(archive) && !archiveStories(archive).exact) {
    const grouped = await groupArchiveInBackground(archive);
    if (!grouped) return;
    if (grouped.generation === archive.generation) held.set(archive, grouped);
    else held.set(archive, extend(grouped, grouped.next, archive) ?? provisionalStories(grouped, archive));
  }
}

/**
 * The archive's exact stories, once its background regrouping is done (started here if the
 * stories held are provisional). A change meanwhile is waited for too. Provisional stories
 * only if the regrouping was stopped.
 */
export async function storiesSettled(archive: Archive): Promise<ArchiveStories> {
  for (;;) {
    const s = archiveStories(archive);
    if (s.exact) return s;
    regroupInBackground(archive);
    const job = jobs.get(archive);
    if (!job) return s;
    await job;
  }
}

/** Stop the archive's background regrouping (its index is closed); the stories held stay. */
export function stopRegrouping(archive: Archive) {
  stopped.add(archive);
}

/** Whether the archive's current generation already has its stories (grouped or adopted). */
export function holdsStories(archive: Archive): boolean {
  return held.get(archive)?.generation === archive.generation;
}

/** The arrays stories.bin keeps. */
export function storiesArrays(s: Stories): Record<string, TypedArray> {
  return { story: s.story, original: s.original, start: s.start, members: s.members };
}

/**
 * Adopt a saved grouping for the archive's current generation. The caller has checked that it
 * was made for this commit; here every array must fit the archive's live documents (a file
 * of another index under the same generation number would not), else it is refused and the
 * archive is grouped as usual. Returns the reason it was refused, or null.
 */
export function adoptStories(archive: Archive, meta: SavedStoriesMeta, arrays: Record<string, TypedArray>): string | null {
  const started = performance.now();
  if (meta.version !== STORIES_VERSION) return `stories of version ${meta.version}, expected ${STORIES_VERSION}`;
  if (JSON.stringify(meta.rule) !== JSON.stringify(STORY_RULE)) return "stories grouped with another rule";
  const { story, original, start, members } = arrays;
  const n = archive.live;
  const count = meta.count;
  if (meta.docs !== n) return `stories of ${meta.docs} documents, the archive has ${n}`;
  const ints = [story, original, start, members].every((a) => a instanceof Int32Array);
  if (!ints || story.length !== n || original.length !== n || members.length !== n || start.length !== count + 1) return "stories arrays of the wrong size";
  if (!fits(story, original, start, members, count)) return "stories arrays out of range";
  const { locs, numbers } = numberArchive(archive);
  if (locs.length !== n) return "live documents differ from the archive's count";
  const stories: Stories = { story: story as Int32Array, original: original as Int32Array, count, start: start as Int32Array, members: members as Int32Array };
  const exact = meta.exact !== false;
  held.set(archive, {
    generation: archive.generation,
    locs,
    numbers,
    seen: seenOf(archive),
    stories,
    saved: true,
    ms: performance.now() - started,
    extended: false,
    exact,
  });
  return null;
}

/** Every value within bounds, so a search can never read outside the arrays. */
function fits(story: TypedArray, original: TypedArray, start: TypedArray, members: TypedArray, count: number): boolean {
  const n = story.length;
  if (start[0] !== 0 || start[count] !== n) return false;
  for (let s = 0; s < count; s++) if (start[s + 1] < start[s]) return false;
  for (let x = 0; x < n; x++) {
    if (!(story[x] >= 0 && story[x] < count) || !(original[x] >= 0 && original[x] < n) || !(members[x] >= 0 && members[x] < n)) return false;
  }
  return true;
}
