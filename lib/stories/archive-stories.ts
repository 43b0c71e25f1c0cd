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
// archive-stories.test.ts against fresh builds). Anything else regroups.
import type { Archive, Loc } from "@/lib/index/archive";
import type { TypedArray } from "@/lib/index/format";
import type { Segment } from "@/lib/index/segment";
import { STORY_RULE, StoryGrouper, type Stories, type StoryDocs } from "@/lib/stories/group";
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
  stories: Stories;
  /** Adopted from the saved index rather than grouped. */
  saved: boolean;
  /** Time to number and group (or adopt) (ms). */
  ms: number;
  /** Whether the grouping of the previous commit was extended with new files rather than regrouped. */
  extended: boolean;
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

/** The live documents of the archive in corpus order (ties in publication order go by it). */
function numberArchive(archive: Archive): { locs: Loc[]; numbers: WeakMap<Segment, Int32Array> } {
  const locs: Loc[] = [];
  const files = [...new Set(archive.segments.flatMap((s) => s.cols.dicts.files))].sort();
  const fileRank = new Map(files.map((f, i) => [f, i]));
  const keys: number[] = [];
  for (const seg of archive.segments) {
    const ranks = Int32Array.from(seg.cols.dicts.files, (f) => fileRank.get(f)!);
    const { file, line } = seg.cols;
    for (let d = 0; d < seg.rank.n; d++) {
      if (seg.rank.deleted?.[d]) continue;
      keys.push(ranks[file[d]] * 2 ** 24 + line[d]);
      locs.push({ seg, d });
    }
  }
  const order = Int32Array.from(locs.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  const sorted = Array.from(order, (i) => locs[i]);
  const numbers = new WeakMap<Segment, Int32Array>();
  for (const seg of archive.segments) numbers.set(seg, new Int32Array(seg.rank.n).fill(-1));
  sorted.forEach((l, i) => (numbers.get(l.seg)![l.d] = i));
  return { locs: sorted, numbers };
}

/** People as numbers shared by every segment grouped (by person id). */
class PersonNumbers {
  private ids = new Map<string, number>();
  private cols = new Map<Segment, Int32Array>();

  of(seg: Segment): Int32Array {
    let people = this.cols.get(seg);
    if (!people) {
      people = Int32Array.from(seg.cols.dicts.persons, (p) => {
        let id = this.ids.get(p.id);
        if (id === undefined) this.ids.set(p.id, (id = this.ids.size));
        return id;
      });
      this.cols.set(seg, people);
    }
    return people;
  }
}

/** The numbered documents' days, signatures and people, as group.ts takes them. */
function storyDocs(locs: readonly Loc[], people: PersonNumbers): StoryDocs {
  const n = locs.length;
  const day = new Int32Array(n);
  const sigs = new Uint16Array(n * STRIDE);
  const personStart = new Int32Array(n + 1);
  const personVals: number[] = [];
  for (let i = 0; i < n; i++) {
    const { seg, d } = locs[i];
    const cols = seg.cols;
    day[i] = cols.day[d];
    sigs.set(cols.story.subarray(d * STRIDE, (d + 1) * STRIDE), i * STRIDE);
    const numbers = people.of(seg);
    for (let k = cols.personStart[d]; k < cols.personStart[d + 1]; k++) personVals.push(numbers[cols.personVals[k]]);
    personStart[i + 1] = personVals.length;
  }
  return { day, sigs, personStart, personVals: Int32Array.from(personVals) };
}

/** Group the archive as it is now, ignoring anything held or saved (tests compare against it). */
export function groupArchive(archive: Archive): ArchiveStories & { next: Continuation } {
  const started = performance.now();
  const { locs, numbers } = numberArchive(archive);
  const people = new PersonNumbers();
  const grouper = new StoryGrouper();
  grouper.append(storyDocs(locs, people));
  const next = { grouper, people, segments: new Set(archive.segments), reshuffles: archive.reshuffles };
  const stories = grouper.result();
  return { generation: archive.generation, locs, numbers, stories, saved: false, ms: performance.now() - started, extended: false, next };
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
  return { generation: archive.generation, locs, numbers, stories, saved: false, ms: performance.now() - started, extended: true, next: cont };
}

/** The stories of the archive's current generation: held, adopted from the saved index, or grouped now. */
export function archiveStories(archive: Archive): ArchiveStories {
  const h = held.get(archive);
  if (h && h.generation === archive.generation) return h;
  const fresh = (h?.next && extend(h, h.next, archive)) || groupArchive(archive);
  held.set(archive, fresh);
  return fresh;
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
  held.set(archive, { generation: archive.generation, locs, numbers, stories, saved: true, ms: performance.now() - started, extended: false });
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
