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
  /**
   * Per story, its best hit so far; per document, its hit: as places in the grouping's list of
   * hits (`addHits`), not the hits themselves, so adding thousands of hits writes numbers, not
   * object references into arrays the size of the archive (which the garbage collector must
   * track, and which kept every hit of an earlier query alive until overwritten).
   */
  private bestAt = new Int32Array(0);
  private hitAt = new Int32Array(0);

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
      this.bestAt = new Int32Array(room);
    }
    if (this.docStamp.length < n) {
      const room = Math.ceil(n * 1.25);
      this.docStamp = new Uint32Array(room);
      this.hitAt = new Int32Array(room);
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
    const { storyStamp, walkStamp, docStamp, bestAt, hitAt, numbers: numbersOf } = this;
    // Every hit is numbered (thousands for a common word), segment by segment: the segment's
    // numbers are looked up once per run of its hits, and no location object is made per hit.
    let numSeg: Segment | null = null;
    let numbers: Int32Array | undefined;
    const num = (seg: Segment, d: number) => {
      if (seg !== numSeg) {
        numSeg = seg;
        numbers = numbersOf.get(seg);
      }
      return numbers?.[d] ?? -1;
    };
    /** The hits added (`addHits`), one list after another: a place is a list's start plus an index in it. */
    const lists: (readonly Hit[])[] = [];
    const starts: number[] = [];
    let listed = 0;
    const hitAtPlace = (place: number): Hit => {
      let i = lists.length - 1;
      while (starts[i] > place) i--;
      return lists[i][place - starts[i]];
    };
    /** Count the story of document number `x` (not a hit: browsing, or a probe). */
    const stampStory = (x: number) => {
      const s = story[x];
      if (storyStamp[s] !== q) {
        storyStamp[s] = q;
        touched.push(s);
        bestAt[s] = -1;
      }
    };
    return {
      add(seg, d) {
        const x = num(seg, d);
        if (x >= 0) stampStory(x);
      },
      addHits(hits, keep = true) {
        if (!keep) {
          // Hits come segment by segment: each run's numbers read once, no closure per hit.
          for (let i = 0; i < hits.length;) {
            const seg = hits[i].seg;
            const segNumbers = numbersOf.get(seg);
            for (; i < hits.length && hits[i].seg === seg; i++) {
              const x = segNumbers?.[hits[i].d] ?? -1;
              if (x >= 0) stampStory(x);
            }
          }
          return;
        }
        const start = listed;
        lists.push(hits);
        starts.push(start);
        listed += hits.length;
        for (let i = 0; i < hits.length;) {
          const seg = hits[i].seg;
          const segNumbers = numbersOf.get(seg);
          for (; i < hits.length && hits[i].seg === seg; i++) {
            const x = segNumbers?.[hits[i].d] ?? -1;
            if (x < 0) continue;
            const hit = hits[i];
            const place = start + i;
            const s = story[x];
            if (storyStamp[s] !== q) {
              storyStamp[s] = q;
              touched.push(s);
              bestAt[s] = place;
            } else {
              // The story's best so far: in this list (the common case) or an earlier one; none when only counted.
              const best = bestAt[s];
              if (best < 0 || order(hit, best >= start ? hits[best - start] : hitAtPlace(best)) < 0) bestAt[s] = place;
            }
            docStamp[x] = q;
            hitAt[x] = place;
          }
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
        for (const s of touched) if (bestAt[s] >= 0) top.push(hitAtPlace(bestAt[s]));
        return top
          .sorted()
          .slice(start)
          .map((h) => {
            const x = num(h.seg, h.d);
            const o = original[x];
            return o !== x && docStamp[o] === q ? hitAtPlace(hitAt[o]) : h;
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
  /** A document that passes every filter, counted in its story (browsing: no hit to rank). */
  add(seg: Segment, d: number): void;
  /**
   * Hits that pass every filter, in segment runs as the matcher lists them (each story's best
   * hit under the order, and each document's hit, are kept for `ranked`); `keep` false only
   * counts their stories (a probe). The same as adding each hit in turn, without a call and
   * two object references stored per hit.
   */
  addHits(hits: readonly Hit[], keep?: boolean): void;
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
