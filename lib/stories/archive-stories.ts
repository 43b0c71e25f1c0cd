// The stories of a live archive: its live documents numbered in corpus order, and their
// grouping (group.ts). Grouping the whole archive is the largest part of a restart after the
// pair filters (about 4 s at 100k articles on a loaded machine), so the grouping of a commit is
// saved with the index (`stories.bin`, written by lib/index/live-index.ts) and a restart
// adopts it instead of grouping again. The saved grouping is the same full grouping a load
// would compute: it is only adopted for the commit (generation) it was made for, and anything
// that does not fit (another generation, another rule, a damaged or missing file) is grouped
// again as before.
import type { Archive, Loc } from "@/lib/index/archive";
import type { TypedArray } from "@/lib/index/format";
import type { Segment } from "@/lib/index/segment";
import { groupStories, STORY_RULE, type Stories } from "@/lib/stories/group";
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
}

/** The grouping held per archive, for its current generation (shared by the engine and the index's commit). */
const held = new WeakMap<Archive, ArchiveStories>();

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

/** Group the numbered documents: their days, signatures and people (as numbers shared by every segment). */
function group(locs: readonly Loc[]): Stories {
  const n = locs.length;
  const day = new Int32Array(n);
  const sigs = new Uint16Array(n * STRIDE);
  const personStart = new Int32Array(n + 1);
  const personVals: number[] = [];
  const personIds = new Map<string, number>();
  const personCols = new Map<Segment, Int32Array>();
  for (let i = 0; i < n; i++) {
    const { seg, d } = locs[i];
    const cols = seg.cols;
    day[i] = cols.day[d];
    sigs.set(cols.story.subarray(d * STRIDE, (d + 1) * STRIDE), i * STRIDE);
    let people = personCols.get(seg);
    if (!people) {
      people = Int32Array.from(cols.dicts.persons, (p) => {
        let id = personIds.get(p.id);
        if (id === undefined) personIds.set(p.id, (id = personIds.size));
        return id;
      });
      personCols.set(seg, people);
    }
    for (let k = cols.personStart[d]; k < cols.personStart[d + 1]; k++) personVals.push(people[cols.personVals[k]]);
    personStart[i + 1] = personVals.length;
  }
  return groupStories({ day, sigs, personStart, personVals: Int32Array.from(personVals) });
}

/** Group the archive as it is now, ignoring anything held or saved (tests compare against it). */
export function groupArchive(archive: Archive): ArchiveStories {
  const started = performance.now();
  const { locs, numbers } = numberArchive(archive);
  const stories = group(locs);
  return { generation: archive.generation, locs, numbers, stories, saved: false, ms: performance.now() - started };
}

/** The stories of the archive's current generation: held, adopted from the saved index, or grouped now. */
export function archiveStories(archive: Archive): ArchiveStories {
  const h = held.get(archive);
  if (h && h.generation === archive.generation) return h;
  const fresh = groupArchive(archive);
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
  held.set(archive, { generation: archive.generation, locs, numbers, stories, saved: true, ms: performance.now() - started });
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
