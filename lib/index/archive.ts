// The live archive: the segments searched together, one vocabulary over all of them, and
// the archive-wide statistics every segment is scored with. Changes (a segment added,
// a file's articles gone) are applied synchronously and then `refresh` recomputes the
// statistics, so a query (which also runs synchronously) never sees half an update.
//
// Several copies of one id may be present (a corrected article in a newer file): the
// copy from the last file in path order, and the last line of it, is the article; the
// others are deleted for ranking but kept, so removing the newer file brings the older
// copy back. A fresh build of the final corpus and any order of updates agree.
import SearchableMap from "minisearch/SearchableMap";
import type { Segment } from "@/lib/index/segment";
import {
  applyNorms,
  countPairs,
  emptySketch,
  foldedPostingOf,
  PairSet,
  termHash,
  tokenAt,
  type Lexicon,
  type PairSketch,
  type RankIndex,
} from "@/lib/search/rank-index";
import { caseOf, sumCases } from "@/lib/search/word-case";

export interface Loc {
  seg: Segment;
  d: number;
}

interface SegmentState {
  /** Order of arrival: of two copies from the same file and line, the newer segment's wins. */
  seq: number;
  /** Local folded / exact term id → archive term id. */
  folded: Int32Array;
  exact: Int32Array;
  /** Per local folded / exact term: how many deleted documents hold it. */
  deletedDf: Int32Array;
  deletedExactDf: Int32Array;
  /** Per local folded term: how many deleted documents say it mid-sentence, and mostly capitalised (word-case.ts). */
  deletedSaid: Int32Array;
  deletedCapital: Int32Array;
  /** Bumped whenever one of the segment's documents is deleted or comes back (`changesOf`). */
  changes: number;
  /** The archive-wide frequencies in the segment's own term ids (its `rank.shared`); null until the first refresh after it was added. */
  sharedDf: Int32Array | null;
  sharedExactDf: Int32Array | null;
}

/**
 * The archive's vocabulary. Term ids only grow (segments map their terms to them), but
 * `foldedId` and the radix tree hold only terms some live article has: a word whose
 * articles were all removed is unknown again, exactly as after a fresh build.
 */
class GrowingLexicon implements Lexicon {
  exactId = new Map<string, number>();
  private readonly allFolded = new Map<string, number>();
  exactTerm: string[] = [];
  private foldedOfList: number[] = [];
  /** Exact spellings of each folded term, as linked lists: the first exact id per folded id, then the next per exact id (-1 ends). */
  private firstExact: number[] = [];
  private nextExact: number[] = [];
  foldedOf = new Int32Array(0);
  foldedId = new Map<string, number>();
  foldedTerm: string[] = [];
  commonExact = new Int32Array(0);
  foldedHash = new Uint32Array(0);
  vocab = new SearchableMap<number>();
  shared: Lexicon["shared"] = null;

  folded(term: string): number {
    let f = this.allFolded.get(term);
    if (f === undefined) {
      f = this.foldedTerm.length;
      this.allFolded.set(term, f);
      this.foldedTerm.push(term);
    }
    return f;
  }

  /** Per folded term: 1 when it is in `foldedId` and the radix tree. */
  private followed = new Uint8Array(0);

  /**
   * Keep `foldedId` and the radix tree to the terms with live articles (df > 0): the terms
   * `changed` lists, or every term. Only terms whose frequency crossed zero are looked up: a
   * map lookup per term of the archive cost most of a refresh.
   */
  follow(df: Int32Array, changed: Iterable<number> | null) {
    if (this.followed.length < this.foldedTerm.length) this.followed = grownTo(this.followed, this.foldedTerm.length);
    const followed = this.followed;
    const one = (f: number) => {
      const live = df[f] > 0 ? 1 : 0;
      if (live === followed[f]) return;
      followed[f] = live;
      const term = this.foldedTerm[f];
      if (live) {
        this.foldedId.set(term, f);
        this.vocab.set(term, f);
      } else {
        this.foldedId.delete(term);
        this.vocab.delete(term);
      }
    };
    if (changed) for (const f of changed) one(f);
    else for (let f = 0; f < this.foldedTerm.length; f++) one(f);
  }

  /**
   * Keep `commonExact` (each folded term's most frequent spelling, the lowest exact id on a
   * tie) for the folded terms of the exact terms `changed` lists, or for every term.
   */
  pickCommon(exactDf: Int32Array, changed: Iterable<number> | null) {
    const n = this.foldedTerm.length;
    if (!changed || this.commonExact.length !== n) {
      const grown = new Int32Array(n).fill(-1);
      grown.set(this.commonExact.subarray(0, Math.min(n, this.commonExact.length)));
      this.commonExact = grown;
    }
    const common = this.commonExact;
    if (!changed) {
      common.fill(-1);
      for (let e = 0; e < this.exactTerm.length; e++) {
        const f = this.foldedOf[e];
        if (common[f] < 0 || exactDf[e] > exactDf[common[f]]) common[f] = e;
      }
      return;
    }
    const done = new Set<number>();
    for (const e of changed) {
      const f = this.foldedOf[e];
      if (done.has(f)) continue;
      done.add(f);
      let best = -1;
      for (let x = this.firstExact[f]; x >= 0; x = this.nextExact[x])
        if (best < 0 || exactDf[x] > exactDf[best] || (exactDf[x] === exactDf[best] && x < best)) best = x;
      common[f] = best;
    }
  }

  exact(term: string, folded: number): number {
    let e = this.exactId.get(term);
    if (e === undefined) {
      e = this.exactTerm.length;
      this.exactId.set(term, e);
      this.exactTerm.push(term);
      this.foldedOfList.push(folded);
      while (this.firstExact.length <= folded) this.firstExact.push(-1);
      this.nextExact.push(this.firstExact[folded]);
      this.firstExact[folded] = e;
    }
    return e;
  }

  /** Typed views of what grew since the last call. */
  seal() {
    if (this.foldedOf.length !== this.foldedOfList.length) this.foldedOf = Int32Array.from(this.foldedOfList);
    if (this.foldedHash.length !== this.foldedTerm.length) {
      const hashes = new Uint32Array(this.foldedTerm.length);
      hashes.set(this.foldedHash);
      for (let f = this.foldedHash.length; f < hashes.length; f++) hashes[f] = termHash(this.foldedTerm[f]);
      this.foldedHash = hashes;
    }
  }
}

/**
 * `values[at[i]]` for each i. A plain loop: `Int32Array.from(at, (g) => values[g])` calls a
 * function per element, and over every segment's terms that was most of a refresh (tens of
 * milliseconds at 35k, on each live update).
 */
/** Per folded term of a segment: its articles saying it mid-sentence, and mostly capitalised (deleted ones too). */
function segmentCases(rank: RankIndex): { said: Int32Array; capital: Int32Array } {
  const size = rank.foldedStart.length - 1;
  const said = new Int32Array(size);
  const capital = new Int32Array(size);
  sumCases(rank.foldedCase, rank.foldedStart, said, capital);
  return { said, capital };
}

/** The case code of document d's posting of folded term f (the term is in the document). */
function caseIn(rank: RankIndex, f: number, d: number): number {
  return caseOf(rank.foldedCase, foldedPostingOf(rank, f, d));
}

function gather(values: Int32Array, at: Int32Array): Int32Array {
  const out = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]];
  return out;
}

/** A copy of `a` with room for `length` elements (new ones 0), or `a` if it has it. */
function grownTo<T extends Int32Array | Uint8Array>(a: T, length: number): T {
  if (a.length >= length) return a;
  const out = new (a.constructor as new (n: number) => T)(Math.max(length, Math.ceil(a.length * 1.5)));
  out.set(a);
  return out;
}

/**
 * A refresh updates each segment's copy of the archive-wide frequencies term by term (a map
 * lookup per changed term and segment) while that stays under this share of the segments'
 * own vocabularies; past it (a large segment added or dropped), it copies them whole.
 */
const LOOKUPS_PER_TERM = 32;

export class Archive {
  segments: Segment[] = [];
  readonly lexicon = new GrowingLexicon();
  /** Bumped by every refresh: caches of query results key on it. */
  generation = 0;
  /**
   * Bumped whenever a document already in the archive is deleted or comes back, or a segment
   * is dropped: work derived from the archive (stories) can be extended with new segments
   * only while this stays the same.
   */
  reshuffles = 0;
  /** The segment `add` is placing, whose own documents' states are new, not changes. */
  private adding: Segment | null = null;
  /** Live documents (not deleted). */
  live = 0;
  private pairs: PairSketch;
  /** While loading a saved index whose sketch is on disk, pairs are not counted. */
  private countingPairs = true;
  private seq = 0;
  private readonly state = new Map<Segment, SegmentState>();
  /** The copy of each id that is the article. */
  private readonly winners = new Map<string, Loc>();
  /** Ids present more than once: every present copy, the winner included. */
  private readonly copies = new Map<string, Loc[]>();
  private readonly seen = new Set<number>();
  private readonly pairsSeen = new PairSet();
  /**
   * Archive-wide document frequencies by archive term id (room for more terms past the
   * lexicon's length), kept as documents come and go, so a refresh after a small change reads
   * only the terms it changed, not every term of every segment.
   */
  private df = new Int32Array(0);
  private exactDf = new Int32Array(0);
  /** Archive-wide, by archive folded id: live documents saying each term mid-sentence, and mostly capitalised. */
  private said = new Int32Array(0);
  private capital = new Int32Array(0);
  /** See LOOKUPS_PER_TERM (tests set 0 or Infinity to take one way only). */
  lookupsPerTerm = LOOKUPS_PER_TERM;
  /** Terms whose frequency changed since the last refresh. */
  private readonly changedFolded = new Set<number>();
  private readonly changedExact = new Set<number>();
  /**
   * The archive term ids of segments counted whole (added or dropped) since the last refresh:
   * put in the changed sets only if the refresh goes term by term (a load adds millions of terms,
   * and copies the statistics whole anyway).
   */
  private readonly countedWhole: { folded: Int32Array; exact: Int32Array }[] = [];
  /** Live documents and the sums of their field lengths (integers: their means equal `meanLengths`). */
  private readonly lengths = { docs: 0, title: 0, lead: 0, body: 0 };

  constructor(sketchBits?: number) {
    this.pairs = emptySketch(sketchBits);
  }

  /**
   * How many times one of `seg`'s documents was deleted or came back since it was added: what
   * is derived per segment from its live documents (the engine's dates) is redone only for the
   * segments whose count moved, not for every segment after any deletion (`reshuffles`).
   */
  changesOf(seg: Segment): number {
    return this.state.get(seg)?.changes ?? 0;
  }

  /** The article with this id: its segment and document. */
  locate(id: string): Loc | undefined {
    return this.winners.get(id);
  }

  /** Add a segment; documents it replaces (same id, earlier file or line) are deleted. */
  add(seg: Segment) {
    const { rank } = seg;
    rank.deleted ??= new Uint8Array(rank.n);
    const lex = this.lexicon;
    const folded = Int32Array.from(rank.foldedTerm, (t) => lex.folded(t));
    const exact = Int32Array.from(rank.exactTerm, (t, e) => lex.exact(t, folded[rank.foldedOf[e]]));
    this.state.set(seg, {
      seq: this.seq++,
      folded,
      exact,
      deletedDf: new Int32Array(rank.foldedTerm.length),
      deletedExactDf: new Int32Array(rank.exactTerm.length),
      deletedSaid: new Int32Array(rank.foldedTerm.length),
      deletedCapital: new Int32Array(rank.foldedTerm.length),
      changes: 0,
      sharedDf: null,
      sharedExactDf: null,
    });
    this.segments.push(seg);
    this.adding = seg;
    // Every document counts as live, then the gone ones and the older copies are taken out.
    this.countSegment(seg, 1);
    for (let d = 0; d < rank.n; d++) {
      this.countLengths(seg, d, 1);
      if (seg.gone[d]) {
        rank.deleted[d] = 1;
        this.countTerms(seg, d, 1);
        this.countLengths(seg, d, -1);
        continue;
      }
      // Count the document as present, then let the id's copies decide which one is live.
      this.countDocPairs(seg, d, 1);
      rank.deleted[d] = 0;
      this.place({ seg, d });
    }
    this.adding = null;
  }

  /** Add (1) or take out (-1) every term's postings of `seg` not counted as deleted. */
  private countSegment(seg: Segment, sign: 1 | -1) {
    const st = this.state.get(seg)!;
    const { foldedStart, exactStart } = seg.rank;
    this.df = grownTo(this.df, this.lexicon.foldedTerm.length);
    this.exactDf = grownTo(this.exactDf, this.lexicon.exactTerm.length);
    this.said = grownTo(this.said, this.lexicon.foldedTerm.length);
    this.capital = grownTo(this.capital, this.lexicon.foldedTerm.length);
    const cases = segmentCases(seg.rank);
    for (let f = 0; f < st.folded.length; f++) {
      const g = st.folded[f];
      this.df[g] += sign * (foldedStart[f + 1] - foldedStart[f] - st.deletedDf[f]);
      this.said[g] += sign * (cases.said[f] - st.deletedSaid[f]);
      this.capital[g] += sign * (cases.capital[f] - st.deletedCapital[f]);
    }
    for (let e = 0; e < st.exact.length; e++) {
      const g = st.exact[e];
      this.exactDf[g] += sign * (exactStart[e + 1] - exactStart[e] - st.deletedExactDf[e]);
    }
    this.countedWhole.push({ folded: st.folded, exact: st.exact });
  }

  /** Count (1) or uncount (-1) document d as live in the archive's length sums. */
  private countLengths(seg: Segment, d: number, sign: 1 | -1) {
    const { titleLen, leadLen, bodyLen } = seg.rank;
    const l = this.lengths;
    l.docs += sign;
    l.title += sign * titleLen[d];
    l.lead += sign * leadLen[d];
    l.body += sign * bodyLen[d];
  }

  /** Remove a segment whose documents are all in another (after a merge). */
  drop(seg: Segment) {
    this.reshuffles++;
    for (let d = 0; d < seg.rank.n; d++) if (!seg.gone[d]) this.unplace({ seg, d }, false);
    for (let d = 0; d < seg.rank.n; d++) {
      if (seg.rank.deleted![d]) continue;
      this.countDocPairs(seg, d, -1);
      this.countLengths(seg, d, -1);
    }
    this.countSegment(seg, -1);
    this.segments = this.segments.filter((s) => s !== seg);
    this.state.delete(seg);
  }

  /** Every document read from `file` by the given segments (default: all) is gone. */
  removeFile(file: string, among: readonly Segment[] = this.segments) {
    for (const seg of among) {
      const f = seg.cols.dicts.files.indexOf(file);
      if (f < 0) continue;
      for (let d = 0; d < seg.rank.n; d++) {
        if (seg.cols.file[d] !== f || seg.gone[d]) continue;
        seg.gone[d] = 1;
        this.unplace({ seg, d }, true);
      }
    }
  }

  /** These documents of `seg` are gone (a reader following another process's commits). */
  removeDocs(seg: Segment, docs: readonly number[]) {
    for (const d of docs) {
      if (seg.gone[d]) continue;
      seg.gone[d] = 1;
      this.unplace({ seg, d }, true);
    }
  }

  /** Files each segment holds live documents of (for the manifest). */
  filesOf(seg: Segment): Set<string> {
    const out = new Set<string>();
    for (let d = 0; d < seg.rank.n; d++) if (!seg.gone[d]) out.add(seg.cols.dicts.files[seg.cols.file[d]]);
    return out;
  }

  /**
   * Bring the archive-wide statistics every segment is scored with up to date after changes.
   * The frequencies are kept as documents come and go: only the terms they changed are copied
   * into each segment's term ids, looked up in the vocabulary and the most common spellings.
   */
  refresh() {
    const lex = this.lexicon;
    lex.seal();
    const df = this.df.subarray(0, lex.foldedTerm.length);
    const exactDf = this.exactDf.subarray(0, lex.exactTerm.length);
    const changedFolded = this.changedFolded;
    const changedExact = this.changedExact;
    const vocabulary = this.segments.reduce((sum, seg) => sum + seg.rank.foldedTerm.length + seg.rank.exactTerm.length, 0);
    const whole = this.countedWhole.reduce((sum, c) => sum + c.folded.length + c.exact.length, 0);
    const termByTerm = (changedFolded.size + changedExact.size + whole) * this.segments.length * this.lookupsPerTerm < vocabulary;
    if (termByTerm)
      for (const c of this.countedWhole) {
        for (const g of c.folded) changedFolded.add(g);
        for (const g of c.exact) changedExact.add(g);
      }
    this.countedWhole.length = 0;
    lex.pickCommon(exactDf, termByTerm ? changedExact : null);
    lex.follow(df, termByTerm ? changedFolded : null);
    const { docs: live, ...sums } = this.lengths;
    const n = lex.foldedTerm.length;
    lex.shared = { n: live, df, pairs: this.pairs, exactDf, cases: { said: this.said.subarray(0, n), capital: this.capital.subarray(0, n) } };
    const k = live || 1;
    const mean = { title: sums.title / k, lead: sums.lead / k, body: sums.body / k };
    for (const seg of this.segments) {
      const st = this.state.get(seg)!;
      if (!st.sharedDf || !st.sharedExactDf || !termByTerm) {
        st.sharedDf = gather(df, st.folded);
        st.sharedExactDf = gather(exactDf, st.exact);
      } else {
        for (const g of changedFolded) {
          const f = seg.rank.foldedId.get(lex.foldedTerm[g]);
          if (f !== undefined) st.sharedDf[f] = df[g];
        }
        for (const g of changedExact) {
          const e = seg.rank.exactId.get(lex.exactTerm[g]);
          if (e !== undefined) st.sharedExactDf[e] = exactDf[g];
        }
      }
      seg.rank.shared = { n: live, df: st.sharedDf, pairs: this.pairs, exactDf: st.sharedExactDf };
      applyNorms(seg.rank, mean);
    }
    changedFolded.clear();
    changedExact.clear();
    this.live = live;
    this.generation++;
  }

  /** Archive term id of a segment's local folded term, and back. */
  localFolded(seg: Segment, global: number): number {
    return seg.rank.foldedId.get(this.lexicon.foldedTerm[global]) ?? -1;
  }

  localExact(seg: Segment, global: number): number {
    return seg.rank.exactId.get(this.lexicon.exactTerm[global]) ?? -1;
  }

  /** Make `loc` a present copy of its id and settle which copy is live. */
  private place(loc: Loc) {
    const id = loc.seg.rank.ids[loc.d];
    const current = this.winners.get(id);
    if (!current) {
      this.winners.set(id, loc);
      return;
    }
    let list = this.copies.get(id);
    if (!list) this.copies.set(id, (list = [current]));
    list.push(loc);
    const best = list.reduce((a, b) => (this.later(b, a) ? b : a));
    for (const c of list) this.setDeleted(c.seg, c.d, c !== best);
    this.winners.set(id, best);
  }

  /** `loc` is no longer present; a remaining copy of its id may become live. */
  private unplace(loc: Loc, deleteIt: boolean) {
    const id = loc.seg.rank.ids[loc.d];
    if (deleteIt) this.setDeleted(loc.seg, loc.d, true);
    const list = this.copies.get(id);
    if (!list) {
      if (this.winners.get(id)?.seg === loc.seg && this.winners.get(id)?.d === loc.d) this.winners.delete(id);
      return;
    }
    const rest = list.filter((c) => !(c.seg === loc.seg && c.d === loc.d));
    if (rest.length === 1) this.copies.delete(id);
    else this.copies.set(id, rest);
    const best = rest.reduce((a, b) => (this.later(b, a) ? b : a));
    this.setDeleted(best.seg, best.d, false);
    this.winners.set(id, best);
  }

  private setDeleted(seg: Segment, d: number, deleted: boolean) {
    const flags = seg.rank.deleted!;
    if (!!flags[d] === deleted) return;
    flags[d] = deleted ? 1 : 0;
    if (seg !== this.adding) this.reshuffles++;
    const st = this.state.get(seg);
    if (st) st.changes++;
    const sign = deleted ? -1 : 1;
    this.countDocPairs(seg, d, sign);
    this.countTerms(seg, d, deleted ? 1 : -1);
    this.countLengths(seg, d, sign);
  }

  private countDocPairs(seg: Segment, d: number, sign: 1 | -1) {
    if (this.countingPairs) countPairs(this.pairs, seg.rank, d, sign, this.pairsSeen);
  }

  /** The pair sketch, to save beside the segments. */
  get pairSketch(): PairSketch {
    return this.pairs;
  }

  /** Stop counting pairs while segments are added back from a saved index. */
  suspendPairs() {
    this.countingPairs = false;
  }

  /** Count pairs again: take the saved sketch, or recount every live document (slow). */
  resumePairs(saved: PairSketch | null) {
    this.countingPairs = true;
    if (saved && saved.bits === this.pairs.bits) {
      this.pairs = saved;
      return;
    }
    this.pairs = emptySketch(this.pairs.bits);
    for (const seg of this.segments) for (let d = 0; d < seg.rank.n; d++) if (!seg.rank.deleted![d]) this.countDocPairs(seg, d, 1);
  }

  /** Whether copy `a` comes after copy `b` in corpus order (file path, then line, then arrival). */
  private later(a: Loc, b: Loc): boolean {
    const fa = a.seg.cols.dicts.files[a.seg.cols.file[a.d]];
    const fb = b.seg.cols.dicts.files[b.seg.cols.file[b.d]];
    if (fa !== fb) return fa > fb;
    const la = a.seg.cols.line[a.d];
    const lb = b.seg.cols.line[b.d];
    if (la !== lb) return la > lb;
    return (this.state.get(a.seg)?.seq ?? 0) > (this.state.get(b.seg)?.seq ?? 0);
  }

  /** Count (1) or uncount (-1) document d's distinct folded and exact terms as deleted. */
  private countTerms(seg: Segment, d: number, delta: 1 | -1) {
    const st = this.state.get(seg);
    if (!st) return;
    const { stream, docStart, foldedOf } = seg.rank;
    this.seen.clear();
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const e = tokenAt(stream, i);
      if (e < 0) continue;
      // Exact ids as negative keys (-1 - e), folded ids as they are: one set for both.
      if (!this.seen.has(-1 - e)) {
        this.seen.add(-1 - e);
        st.deletedExactDf[e] += delta;
        this.exactDf[st.exact[e]] -= delta;
        this.changedExact.add(st.exact[e]);
      }
      const f = foldedOf[e];
      if (this.seen.has(f)) continue;
      this.seen.add(f);
      st.deletedDf[f] += delta;
      this.df[st.folded[f]] -= delta;
      const code = caseIn(seg.rank, f, d);
      st.deletedSaid[f] += delta * (code & 1);
      st.deletedCapital[f] += delta * (code >> 1);
      this.said[st.folded[f]] -= delta * (code & 1);
      this.capital[st.folded[f]] -= delta * (code >> 1);
      this.changedFolded.add(st.folded[f]);
    }
  }
}
