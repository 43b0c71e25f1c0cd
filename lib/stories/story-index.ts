// Stories over a live archive: every segment keeps each article's story signature as a
// column (lib/index/segment.ts), and the stories of the live articles are worked out from
// those columns whenever the archive changes (a new segment, deletions, a merge): what
// grouping the whole archive gives (a new day's file extends the grouping, with the same
// result), or provisional stories until a background regrouping is swapped in, so a fresh
// build and any sequence of updates give the same stories once it is done. A commit saves the
// grouping with the index and a restart adopts it rather than grouping again
// (lib/stories/archive-stories.ts).
import type { Entity } from "@/lib/corpus/types";
import type { Archive, Loc } from "@/lib/index/archive";
import type { Segment } from "@/lib/index/segment";
import { TopK } from "@/lib/search/facets";
import type { Hit } from "@/lib/search/matcher";
import { archiveStories, type ArchiveStories } from "@/lib/stories/archive-stories";
import type { Stories } from "@/lib/stories/group";
import type { StoryInfo, StoryRef } from "@/lib/api/contract";

/** Other articles listed per story (the size counts them all). */
export const MAX_OTHERS = 20;

const NONE: Stories = {
  story: new Int32Array(0),
  original: new Int32Array(0),
  count: 0,
  start: new Int32Array(1),
  members: new Int32Array(0),
};

export class StoryIndex {
  /** The grouping in use (archive-stories.ts gives a new one per change, and when a background regrouping is swapped in). */
  private current: ArchiveStories | null = null;
  /** Live document number → where it is. */
  private locs: Loc[] = [];
  /** Per segment: each document's live number, -1 when deleted. */
  private numbers = new WeakMap<Segment, Int32Array>();
  private stories: Stories = NONE;
  /** How long the last regrouping took (ms), and whether it was adopted from the saved index. */
  lastMs = 0;
  lastSaved = false;
  /** Scratch of grouped searches, reused (queries run one at a time), told apart by a stamp. */
  private stamp = 0;
  private storyStamp = new Uint32Array(0);
  private walkStamp = new Uint32Array(0);
  private docStamp = new Uint32Array(0);
  private bestOf: Hit[] = [];
  private hitOf: Hit[] = [];

  /** Take the archive's stories (archiveStories: held, extended, adopted, provisional or grouped) when they changed since the last call. */
  sync(archive: Archive) {
    const s = archiveStories(archive);
    if (s === this.current) return;
    this.current = s;
    this.locs = s.locs;
    this.numbers = s.numbers;
    this.stories = s.stories;
    // The scratch is kept while large enough (stamps only grow, so old ones never match): a
    // change of a few articles allocates nothing the size of the archive.
    const n = this.locs.length;
    const count = this.stories.count;
    if (this.storyStamp.length < count) {
      const room = Math.ceil(count * 1.25);
      this.storyStamp = new Uint32Array(room);
      this.walkStamp = new Uint32Array(room);
      this.bestOf = new Array(room);
    }
    if (this.docStamp.length < n) {
      const room = Math.ceil(n * 1.25);
      this.docStamp = new Uint32Array(room);
      this.hitOf = new Array(room);
    }
    this.lastMs = s.ms;
    this.lastSaved = s.saved;
  }

  /** Whether the stories are a full grouping (not provisional while the archive is regrouped in the background). */
  get exact(): boolean {
    return this.current?.exact ?? true;
  }

  /** Stories of the live archive. */
  get count(): number {
    return this.stories.count;
  }

  /** Start a grouped search whose hits come in the order `order`. */
  begin(order: (a: Hit, b: Hit) => number): StoryGrouping {
    if (++this.stamp === 0xffffffff) {
      this.stamp = 1;
      for (const a of [this.storyStamp, this.walkStamp, this.docStamp]) a.fill(0);
    }
    const q = this.stamp;
    const { story, original } = this.stories;
    const touched: number[] = [];
    const { storyStamp, walkStamp, docStamp, bestOf, hitOf } = this;
    // Every hit is numbered (thousands for a common word), segment by segment: the segment's
    // numbers are looked up once per run of its hits, and no location object is made per hit.
    let numSeg: Segment | null = null;
    let numbers: Int32Array | undefined;
    const num = (seg: Segment, d: number) => {
      if (seg !== numSeg) {
        numSeg = seg;
        numbers = this.numbers.get(seg);
      }
      return numbers?.[d] ?? -1;
    };
    return {
      add(seg, d, hit) {
        const x = num(seg, d);
        if (x < 0) return;
        const s = story[x];
        if (storyStamp[s] !== q) {
          storyStamp[s] = q;
          touched.push(s);
          if (hit) bestOf[s] = hit;
        } else if (hit && order(hit, bestOf[s]) < 0) bestOf[s] = hit;
        if (hit) {
          docStamp[x] = q;
          hitOf[x] = hit;
        }
      },
      get total() {
        return touched.length;
      },
      storyOf(seg, d) {
        const x = num(seg, d);
        return x < 0 ? -1 : story[x];
      },
      holdsStoryOf(seg, d) {
        const x = num(seg, d);
        return x >= 0 && storyStamp[story[x]] === q;
      },
      ranked(start, size) {
        const top = new TopK<Hit>(start + size, order);
        for (const s of touched) top.push(bestOf[s]);
        return top
          .sorted()
          .slice(start)
          .map((h) => {
            const x = num(h.seg, h.d);
            const o = original[x];
            return o !== x && docStamp[o] === q ? hitOf[o] : h;
          });
      },
      firstOfStory(keep) {
        return (seg, d) => {
          if (!keep(seg, d)) return false;
          const x = num(seg, d);
          if (x < 0) return true;
          if (walkStamp[story[x]] === q) return false;
          walkStamp[story[x]] = q;
          return true;
        };
      },
      standIn: (h, keep) => {
        const x = num(h.seg, h.d);
        const o = x < 0 ? x : original[x];
        if (o === x) return h;
        const loc = this.locs[o];
        return keep(loc.seg, loc.d) ? { seg: loc.seg, d: loc.d, score: 0 } : h;
      },
    };
  }

  /** The story around one article, null when it stands alone; how many copies it has. */
  info(loc: Loc): { story: StoryInfo | null; republishedBy: number } {
    const x = this.number(loc);
    if (x < 0) return { story: null, republishedBy: 0 };
    const { story, original, start, members } = this.stories;
    const s = story[x];
    const list = members.subarray(start[s], start[s + 1]);
    if (list.length < 2) return { story: null, republishedBy: 0 };
    const own = original[x];
    const copiesOf = new Map<number, number>();
    const outlets = new Set<string>();
    for (const m of list) {
      copiesOf.set(original[m], (copiesOf.get(original[m]) ?? 0) + 1);
      const { seg, d } = this.locs[m];
      if (seg.cols.outlet[d] >= 0) outlets.add(seg.cols.dicts.outlets[seg.cols.outlet[d]].id);
    }
    const others: StoryRef[] = [];
    for (const m of list) {
      if (m !== original[m] || m === own) continue;
      if (others.length === MAX_OTHERS) break;
      others.push(this.ref(m, copiesOf.get(m)! - 1));
    }
    const first = this.locs[list[0]];
    return {
      story: { id: first.seg.rank.ids[first.d], size: list.length, reports: copiesOf.size, outlets: outlets.size, others },
      republishedBy: copiesOf.get(own)! - 1,
    };
  }

  /** Every article of the story around `loc`, earliest first, with the original each is a copy of (itself for an original). */
  membersOf(loc: Loc): { loc: Loc; original: Loc }[] {
    const x = this.number(loc);
    if (x < 0) return [];
    const { story, original, start, members } = this.stories;
    return Array.from(members.subarray(start[story[x]], start[story[x] + 1]), (m) => ({ loc: this.locs[m], original: this.locs[original[m]] }));
  }

  private ref(x: number, republishedBy: number): StoryRef {
    const { seg, d } = this.locs[x];
    const a = seg.store.get(d);
    return { id: a.id, title: a.title, outlet: a.outlet as Entity | null, date: a.date, dateEstimated: a.dateEstimated, url: a.url, republishedBy };
  }

  private number({ seg, d }: Loc): number {
    return this.numbers.get(seg)?.[d] ?? -1;
  }
}

/** One grouped search: the stories its matching documents fall in, and what stands for each. */
export interface StoryGrouping {
  /** A document that passes every filter; with its hit when the search ranks (not when browsing). */
  add(seg: Segment, d: number, hit?: Hit): void;
  /** Stories with a document added. */
  readonly total: number;
  /** The story number of a document, -1 when no story holds it (it is not grouped). */
  storyOf(seg: Segment, d: number): number;
  /** Whether a document of this document's story was added (valid until the next `begin`). */
  holdsStoryOf(seg: Segment, d: number): boolean;
  /** Ranked results `start .. start + size`: each story's first hit; an original that matched stands for its copies. */
  ranked(start: number, size: number): Hit[];
  /** For browsing in a fixed order: a filter that passes the first document of each story only. */
  firstOfStory(keep: (seg: Segment, d: number) => boolean): (seg: Segment, d: number) => boolean;
  /** For browsing: the original instead of a copy, when the original passes the filters too. */
  standIn(hit: Hit, keep: (seg: Segment, d: number) => boolean): Hit;
}
