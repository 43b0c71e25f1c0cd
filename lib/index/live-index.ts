// The live index of one corpus directory: loads the saved index (or builds one), then
// keeps it in step with the directory. Every change (new, appended, changed or removed
// files) becomes new segments plus deletions, applied to the archive in one synchronous
// step and committed to the index directory (segment files, then the pair sketch, then
// meta.json, each written atomically). Small segments are merged in the background.
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { withCheckedDates } from "@/lib/corpus/load";
import { todayInVietnam, type DateResult } from "@/lib/corpus/dates";
import { resolvePeople, type Candidate, type PeopleHelpers } from "@/lib/corpus/people";
import { type ArticleEvidence, type EvidenceData, PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";
import type { Entity, Skipped } from "@/lib/corpus/types";
import { analyseRecords, type Analyser, type HeldCandidates } from "@/lib/index/analysis";
import { Archive } from "@/lib/index/archive";
import { SavedEvidenceDecoder, type SavedFileEvidence } from "@/lib/index/saved-evidence";
import {
  countLines,
  INCOMPLETE_LAST_LINE,
  onlyAppended,
  probes,
  readRecords,
  sameContent,
  scanCorpus,
  stableDigest,
  type FileState,
  type ScannedFile,
} from "@/lib/index/corpus-files";
import { EncodedJson, IndexFileError, readIndexFile, writeIndexFileAsync } from "@/lib/index/format";
import { MANIFEST, readManifest, writeManifest } from "@/lib/index/manifest";
import { loadSegment, memorySegment, saveSegment, type Segment, type SourcedArticle } from "@/lib/index/segment";
import { MAX_SEGMENT_DOCS, type RankIndex, RankIndexWriter, sketchArraysSteps, sketchFromArrays, type PairSketch } from "@/lib/search/rank-index";
import {
  adoptStories,
  archiveStories,
  STORIES_VERSION,
  storiesArrays,
  storiesSettled as archiveStoriesSettled,
  stopRegrouping,
  type SavedStoriesMeta,
} from "@/lib/stories/archive-stories";
import { STORY_RULE } from "@/lib/stories/group";
import { STRIDE } from "@/lib/stories/signature";

export interface LiveIndexOptions {
  corpusDir: string;
  /** Where the index is saved; null keeps it in memory only. */
  indexDir: string | null;
  /** Tokens a segment may hold before it is written out: bounds the memory of a build. */
  segmentTokens?: number;
  /** Documents a segment may hold (at most and by default MAX_SEGMENT_DOCS; tests use less). */
  segmentDocs?: number;
  /** Counters per row of the pair sketch, as a power of two (default 2^23; tests use less). */
  sketchBits?: number;
  /**
   * Decide people with the whole archive's evidence and the tagger (default); false keeps the
   * article-only rules, for measuring what the archive-wide pass costs (scripts/people-bench.ts).
   */
  archivePeople?: boolean;
  /**
   * Analyses articles (cleaning, dates, people candidates) on other threads while this one
   * indexes (lib/index/analysis-pool.ts, used by `npm run index`); default: on this thread.
   * Same output either way. The caller closes it.
   */
  analyser?: Analyser | null;
  /** Called as a first build reads articles. */
  onProgress?: (done: number, total: number) => void;
  /** Log lines (skipped sources, reasons an index was rebuilt). */
  onEvent?: (event: string, fields: Record<string, unknown>) => void;
  /**
   * A reader never reads the corpus nor writes: it loads the saved index another process
   * (the writer) commits, waits for a first one, and `watch` follows the writer's commits.
   * Several server processes share one index this way (see scripts/start.mjs).
   */
  reader?: boolean;
  /**
   * A reader with no writer (a script reading a saved index) sets this false: an index it
   * cannot load (missing, of another corpus directory or version) is an error at once,
   * instead of a wait for a writer that never comes. Default true.
   */
  waitForWriter?: boolean;
  /** Called after every change is applied (an update, a merge): work derived from the archive can be redone here rather than by the next query. */
  onChange?: () => void;
}

export interface UpdateSummary {
  added: number;
  removedFiles: number;
  files: number;
}

/**
 * 100 M tokens: about 41k articles of the generated scale archive (13 KB each), whose build
 * peaked at about 3.8 GB RSS while the segment was finished (docs/history/performance-log.md, 2026-11-26).
 */
const SEGMENT_TOKENS = 100_000_000;
/** Merge when this many segments are small (under a tenth of the largest). */
const MERGE_AT = 6;
/** Work between two yields to the event loop, so queries wait at most about this long. */
const SLICE_MS = 15;
const PAIRS_FILE = "pairs.bin";
const PEOPLE_FILE = "people.bin";
const COMMA = Buffer.from(",");
/** The stories of the last commit (lib/stories/archive-stories.ts); optional: without it a load groups them. */
const STORIES_FILE = "stories.bin";
/** How often a reader looks for the writer's first commit. */
const READER_RETRY_MS = 200;

export class LiveIndex {
  readonly archive: Archive;
  /** Unreadable sources, by corpus file. */
  private skipped = new Map<string, Skipped[]>();
  private files = new Map<string, FileState>();
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastYield = performance.now();
  /**
   * Which names titles introduce and which name streets, from every article of the archive
   * (see people-evidence.ts), and the same per corpus file, so a removed or rewritten file is
   * uncounted. Saved with the index (people.bin), so after a restart new articles are still
   * decided with the whole archive's evidence.
   */
  private evidence = new PeopleEvidence();
  /**
   * Each corpus file's evidence in maps, for the files an update read since the index was
   * loaded (a file's evidence is counted into them as its articles are read).
   */
  private fileEvidence = new Map<string, PeopleEvidence>();
  /**
   * Each file's evidence as saved (`toData`), until the file's evidence changes: a commit
   * re-encodes only the files an update read or removed, not the whole archive's evidence.
   * Every file with evidence is here, in `fileEvidence`, or in both; a loaded file stays
   * encoded until it changes (decoding every file into maps of its own cost more time and
   * memory than the archive's total, which is all that deciding people needs).
   */
  private evidenceData = new Map<string, EvidenceData>();
  /** Each file's part of people.bin's header, encoded (saveEvidence), for as long as its saved evidence stands. */
  private readonly evidenceJson = new WeakMap<EvidenceData, Uint8Array>();
  /** people.bin as read and checked at open, until decoded (decodeEvidence). */
  private savedEvidence: SavedEvidenceDecoder | null = null;
  progress = { done: 0, total: 0 };
  /** Whether the last open used a saved index; the reason it did not. */
  loaded: { saved: boolean; reason: string | null } = { saved: false, reason: null };
  lastUpdate: string | null = null;
  /** A reader: the manifest last applied (inode and time: every commit renames a new file in). */
  private manifestStamp = "";
  private lastFollowError = "";
  private closed = false;
  /** The commit whose stories are in stories.bin (null: none, or not known to fit), and whether they are exact (not provisional). */
  private storiesOnDisk: number | null = null;
  private storiesOnDiskExact = false;
  /** stories.bin's file stamp when last read: a reader with provisional stories adopts the writer's exact ones when it changes. */
  private storiesStamp = "";
  /** A writer: the exact stories of its last commit, saved once the background regrouping is done. */
  private storiesSaving: Promise<unknown> | null = null;
  /** Why the saved stories were not adopted at the last load (null: adopted, or none saved). */
  storiesRefused: string | null = null;

  constructor(private readonly opts: LiveIndexOptions) {
    this.archive = new Archive(opts.sketchBits);
  }

  /** Open a corpus's index: load what is saved and valid, then catch up with the directory. */
  static async open(opts: LiveIndexOptions): Promise<LiveIndex> {
    const index = new LiveIndex(opts);
    await index.open();
    return index;
  }

  /** Searchable once this resolves; `progress` counts a first build meanwhile. */
  async open(): Promise<void> {
    const { indexDir } = this.opts;
    if (indexDir && this.opts.reader) return this.openReader();
    if (indexDir) {
      mkdirSync(indexDir, { recursive: true });
      try {
        this.applyManifest(false);
        this.loaded = { saved: true, reason: null };
      } catch (error) {
        const reason = error instanceof IndexFileError ? error.message : String(error);
        this.loaded = { saved: false, reason };
        // A corpus directory that cannot be read (a mistyped path, a disk not mounted yet)
        // says nothing against the saved index: keep its files rather than rebuild over them
        // from nothing. The unreadable directory is reported by the update below.
        if (isReadableDirectory(this.opts.corpusDir)) {
          this.opts.onEvent?.("index_rebuild", { indexDir, reason });
          this.reset();
        }
      }
    }
    await this.update();
    // An index saved before stories were (or whose stories.bin did not fit) gets them now: the
    // grouping is the one the server's engine needs anyway, and the next restart adopts it.
    // Generation 0: nothing was loaded or committed (an unreadable corpus beside a broken index).
    if (indexDir && this.generation > 0 && this.storiesOnDisk !== this.generation && adoptSavedStories()) {
      try {
        await this.saveStories(indexDir);
      } catch (error) {
        this.opts.onEvent?.("stories_not_saved", { indexDir, error: String(error) });
      }
    }
    // Provisional stories adopted (saved before the last commit's regrouping was done): regrouped now, in the background.
    if (indexDir && this.generation > 0 && !archiveStories(this.archive).exact) this.saveWhenSettled();
    if (this.savedEvidence) this.decodeInBackground();
  }

  /** Skipped sources, for /api/health. */
  get skippedSources(): Skipped[] {
    return [...this.skipped.values()].flat();
  }

  /**
   * Look at the corpus directory every `ms` milliseconds and apply what changed; a reader
   * looks at the saved index's manifest instead and applies the writer's newest commit.
   */
  watch(ms: number) {
    this.timer ??= setInterval(() => {
      if (this.isReader) void this.follow();
      else this.update().catch((error) => this.opts.onEvent?.("update_failed", { error: String(error) }));
    }, ms);
    this.timer.unref();
  }

  private get segmentDocs(): number {
    return Math.min(this.opts.segmentDocs ?? MAX_SEGMENT_DOCS, MAX_SEGMENT_DOCS);
  }

  get isReader(): boolean {
    return !!(this.opts.reader && this.opts.indexDir);
  }

  /**
   * A reader: apply the writer's newest commit, if the manifest changed since the last one
   * applied. Resolves to whether the archive changed; a commit that cannot be read whole yet
   * (the writer moved on meanwhile) is tried again at the next call.
   */
  follow(): Promise<boolean> {
    const run = this.queue.then(() => {
      const stamp = this.stampNow();
      if (stamp === this.manifestStamp) return this.followStories();
      try {
        this.applyManifest(true);
      } catch (error) {
        const reason = String(error instanceof IndexFileError ? error.message : error);
        if (reason !== this.lastFollowError) this.opts.onEvent?.("follow_failed", { reason });
        this.lastFollowError = reason;
        return false;
      }
      this.manifestStamp = stamp;
      this.lastFollowError = "";
      this.opts.onChange?.();
      return true;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private stampNow(file = MANIFEST): string {
    try {
      const st = statSync(path.join(this.opts.indexDir!, file));
      return `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch {
      return "";
    }
  }

  /**
   * A reader whose stories are provisional (the writer's, saved before its background
   * regrouping was done): adopt the writer's exact stories of the same commit once saved.
   * Resolves to whether they were.
   */
  private followStories(): boolean {
    if (archiveStories(this.archive).exact) return false;
    const stamp = this.stampNow(STORIES_FILE);
    if (stamp === this.storiesStamp) return false;
    this.loadStories(this.generation);
    if (!archiveStories(this.archive).exact) return false;
    this.opts.onChange?.();
    return true;
  }

  /**
   * A reader waits for the writer's first whole commit, then serves it; each new reason it
   * cannot load yet is logged once, so a wait that will not end says why.
   */
  private async openReader() {
    while (!this.closed) {
      const stamp = this.stampNow();
      try {
        this.applyManifest(true);
        this.manifestStamp = stamp;
        this.loaded = { saved: true, reason: null };
        return;
      } catch (error) {
        if (!(error instanceof IndexFileError) || this.opts.waitForWriter === false) throw error;
        if (error.message !== this.loaded.reason) this.opts.onEvent?.("reader_waiting", { indexDir: this.opts.indexDir, reason: error.message });
        this.loaded = { saved: false, reason: error.message };
        await new Promise((resolve) => setTimeout(resolve, READER_RETRY_MS));
      }
    }
  }

  async close() {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // The last commit's exact stories are saved before the index is let go, so the next open adopts them.
    await this.storiesSettled();
    stopRegrouping(this.archive);
    await this.queue.catch(() => undefined);
  }

  /**
   * A writer: resolves once the stories of the last commit are exact (the background
   * regrouping after a change that could not extend them is done) and saved, if the index is.
   */
  async storiesSettled(): Promise<void> {
    while (this.storiesSaving) await this.storiesSaving;
    if (!this.isReader && !this.closed) await archiveStoriesSettled(this.archive);
  }

  /** Apply the corpus directory's changes; calls run one after another, never interleaved. */
  update(): Promise<UpdateSummary> {
    if (this.isReader) return this.follow().then(() => ({ added: 0, removedFiles: 0, files: 0 }));
    const run = this.queue.then(() => this.sync());
    this.queue = run.then(
      () => this.maybeMerge(),
      () => undefined,
    );
    return run;
  }

  // ---- loading ------------------------------------------------------------------------

  /**
   * Bring the archive to the saved index's last commit: load the segments not held yet, drop
   * those it no longer names, mark what is gone. Everything is read before anything is
   * applied, in one synchronous step. With `strictPairs` a pair sketch of another commit is
   * an error (a reader tries again later) rather than recounted (slower, never wrong).
   */
  private applyManifest(strictPairs: boolean) {
    const dir = this.opts.indexDir!;
    const m = readManifest(dir, this.opts.corpusDir);
    const held = new Map(this.archive.segments.map((s) => [s.name, s]));
    const fresh = m.segments
      .filter((s) => !held.has(s.name))
      .map((s) => {
        const seg = loadSegment(dir, s.name);
        if (seg.rank.n !== s.docs) throw new IndexFileError(path.join(dir, `${s.name}.seg`), "document count differs from the manifest");
        for (const d of s.gone) seg.gone[d] = 1;
        return seg;
      });
    let pairs: PairSketch | null = null;
    try {
      const { json, arrays } = readIndexFile(path.join(dir, PAIRS_FILE), "pairs");
      const meta = json as { generation: number; bits: number };
      if (meta.generation === m.generation) pairs = sketchFromArrays(meta.bits, arrays);
    } catch {
      // Recounted below, or tried again by a reader.
    }
    if (!pairs && strictPairs) throw new IndexFileError(path.join(dir, PAIRS_FILE), "pair sketch missing or of another commit");
    // A reader never indexes: the people evidence is the writer's business.
    if (!this.isReader) this.loadEvidence(m.generation);
    const named = new Set(m.segments.map((s) => s.name));
    const dropped = this.archive.segments.filter((s) => !named.has(s.name));
    this.archive.suspendPairs();
    for (const seg of dropped) this.archive.drop(seg);
    for (const s of m.segments) {
      const seg = held.get(s.name);
      if (seg) this.archive.removeDocs(seg, s.gone);
    }
    for (const seg of fresh) this.archive.add(seg);
    this.archive.resumePairs(pairs);
    this.archive.refresh();
    for (const seg of dropped) seg.store.close();
    this.files = new Map(Object.entries(m.files));
    this.skipped = new Map(Object.entries(m.skipped));
    this.generation = m.generation;
    this.lastUpdate = m.updatedAt;
    this.loadStories(m.generation);
  }

  /**
   * Adopt the stories saved with this commit, so they are not grouped again. Optional: a
   * missing file (an index saved before stories were), one of another commit (a reader
   * whose writer moved on), of another rule or damaged is left, and the stories are grouped
   * as before (storiesRefused says why).
   */
  private loadStories(generation: number) {
    this.storiesOnDisk = null;
    if (!adoptSavedStories()) {
      this.storiesRefused = "TIMTIN_STORIES=0";
      return;
    }
    const file = path.join(this.opts.indexDir!, STORIES_FILE);
    let reason: string | null;
    this.storiesStamp = this.stampNow(STORIES_FILE);
    try {
      const { json, arrays } = readIndexFile(file, "stories");
      const meta = json as SavedStoriesMeta;
      reason = meta.generation !== generation ? `stories of commit ${meta.generation}, expected ${generation}` : adoptStories(this.archive, meta, arrays);
    } catch (error) {
      reason = error instanceof IndexFileError ? error.message : String(error);
    }
    this.storiesRefused = reason;
    if (reason === null) {
      this.storiesOnDisk = generation;
      this.storiesOnDiskExact = archiveStories(this.archive).exact;
    }
  }

  /**
   * stories.bin: the grouping of the archive as committed (generation `this.generation`):
   * provisional while the archive is regrouped in the background, and then saved again, exact.
   */
  private async saveStories(dir: string) {
    const { stories, exact } = archiveStories(this.archive);
    const meta: SavedStoriesMeta = {
      version: STORIES_VERSION,
      generation: this.generation,
      exact,
      rule: STORY_RULE,
      docs: this.archive.live,
      count: stories.count,
    };
    await writeIndexFileAsync(path.join(dir, STORIES_FILE), "stories", meta, storiesArrays(stories));
    this.storiesOnDisk = this.generation;
    this.storiesOnDiskExact = exact;
    if (!exact) this.saveWhenSettled();
  }

  /**
   * A writer: once the background regrouping is done, save the exact stories of the commit
   * then current (after any update in the queue), and let the engine take them (`onChange`).
   */
  private saveWhenSettled() {
    const dir = this.opts.indexDir;
    if (this.storiesSaving || !dir || this.isReader) return;
    this.storiesSaving = archiveStoriesSettled(this.archive).then(() => {
      const run = this.queue.then(async () => {
        this.storiesSaving = null;
        if (this.storiesOnDisk === this.generation && this.storiesOnDiskExact) return;
        if (archiveStories(this.archive).exact) {
          await this.saveStories(dir);
          this.opts.onChange?.();
        } else if (!this.closed) this.saveWhenSettled();
      });
      this.queue = run.catch((error) => this.opts.onEvent?.("stories_not_saved", { indexDir: dir, error: String(error) }));
      return this.queue;
    });
  }

  /**
   * The saved people evidence; without it, articles added later could not be decided as in a
   * fresh build. The file is read and checked now (a mismatch means a rebuild) and decoded
   * later (decodeEvidence).
   */
  private loadEvidence(generation: number) {
    const file = path.join(this.opts.indexDir!, PEOPLE_FILE);
    const { json, arrays } = readIndexFile(file, "people");
    const meta = json as SavedEvidence;
    if (meta.generation !== generation) throw new IndexFileError(file, `people evidence of generation ${meta.generation}, expected ${generation}`);
    this.savedEvidence = new SavedEvidenceDecoder(meta.files, arrays.counts);
  }

  /**
   * Decode the saved people evidence into the archive's total, if not done yet; with `until`
   * (a `performance.now()` time), stop then and return false if not done. A writer decodes
   * it in slices once open (decodeInBackground), so that an update, which needs it whole, rarely
   * waits for it (scripts/scale/evidence-decode.ts measures it whole).
   */
  decodeEvidence(until = Infinity): boolean {
    const saved = this.savedEvidence;
    if (!saved) return true;
    if (!saved.run(() => performance.now() <= until)) return false;
    for (const [file, data] of saved.byFile) this.evidenceData.set(file, data);
    this.evidence = saved.total;
    this.savedEvidence = null;
    return true;
  }

  /** Whether the saved people evidence is decoded (or there was none). */
  get evidenceDecoded(): boolean {
    return this.savedEvidence === null;
  }

  /** Decode the saved people evidence in slices between other work, until done or closed. */
  private decodeInBackground() {
    const step = () => {
      if (!this.closed && !this.decodeEvidence(performance.now() + SLICE_MS)) setImmediate(step).unref();
    };
    setImmediate(step).unref();
  }

  /** Forget a broken saved index: its files are removed, never served. */
  private reset() {
    for (const seg of [...this.archive.segments]) this.archive.drop(seg);
    this.savedEvidence = null;
    this.storiesOnDisk = null;
    this.storiesOnDiskExact = false;
    this.evidence = new PeopleEvidence();
    this.fileEvidence.clear();
    this.evidenceData.clear();
    this.files.clear();
    this.skipped.clear();
    const dir = this.opts.indexDir!;
    for (const f of readdirSync(dir)) if (isIndexFile(f)) rmSync(path.join(dir, f), { force: true });
  }

  // ---- updating -----------------------------------------------------------------------

  private async sync(): Promise<UpdateSummary> {
    const { corpusDir } = this.opts;
    let scanned: ScannedFile[];
    try {
      scanned = await scanCorpus(corpusDir);
    } catch (error) {
      this.skipped.set("", [{ source: corpusDir, reason: `cannot read corpus directory: ${(error as Error).message}` }]);
      this.lastUpdate ??= new Date().toISOString();
      return { added: 0, removedFiles: 0, files: 0 };
    }
    this.skipped.delete("");
    const present = new Set(scanned.map((s) => s.file));
    const removed = [...this.files.keys()].filter((f) => !present.has(f));
    const reads: { scan: ScannedFile; from: { byte: number; line: number }; replaces: boolean }[] = [];
    for (const scan of scanned) {
      const known = this.files.get(scan.file);
      if (known && known.size === scan.size && known.mtimeMs === scan.mtimeMs) continue;
      if (known && (await sameContent(corpusDir, scan, known))) {
        // Only touched (copied, restored): remembered with its new mtime, saved at the next commit.
        this.files.set(scan.file, { ...known, mtimeMs: scan.mtimeMs });
        continue;
      }
      if (known && (await onlyAppended(corpusDir, scan, known))) {
        reads.push({ scan, from: { byte: known.consumed, line: known.lines }, replaces: false });
      } else {
        reads.push({ scan, from: { byte: 0, line: 0 }, replaces: known !== undefined });
      }
    }
    if (!reads.length && !removed.length) {
      // An empty corpus is committed too, so readers waiting for a first commit start.
      if (this.generation === 0) await this.commit();
      return { added: 0, removedFiles: 0, files: 0 };
    }

    // The people evidence of removed and rewritten files goes before any new article is decided;
    // an appended file's evidence is decoded, to count its new articles into. The saved evidence
    // (a first update soon after a restart) is decoded first, in slices between searches.
    while (!this.decodeEvidence(performance.now() + SLICE_MS)) await this.yieldNow();
    for (const f of [...removed, ...reads.filter((r) => r.from.byte === 0).map((r) => r.scan.file)]) {
      const e = this.fileEvidence.get(f);
      const data = this.evidenceData.get(f);
      if (e) this.evidence.merge(e, -1);
      else if (data) this.evidence.mergeData(data, -1);
      this.fileEvidence.delete(f);
    }
    for (const r of reads) {
      const data = this.evidenceData.get(r.scan.file);
      if (r.from.byte > 0 && data && !this.fileEvidence.has(r.scan.file)) this.fileEvidence.set(r.scan.file, PeopleEvidence.fromData(data));
    }
    for (const f of [...removed, ...reads.map((r) => r.scan.file)]) this.evidenceData.delete(f);
    const before = [...this.archive.segments];
    const firstBuild = before.length === 0;
    if (firstBuild) {
      this.progress = { done: 0, total: 0 };
      for (const r of reads) this.progress.total += await countLines(path.join(corpusDir, r.scan.file));
    }
    // Only the segments: their articles are on disk (or in the segment's memory store) once
    // written, and holding them here made a build's memory grow with the whole archive.
    const built: Segment[] = [];
    const archivePeople = this.opts.archivePeople ?? true;
    const today = todayInVietnam();
    let batch = new Batch(this.evidence, archivePeople, today);
    // A finished segment is saved while the next one is read and tokenised (its text is
    // compressed off this thread); one save at a time, so the segments stay in order and at
    // most one finished segment's articles wait in memory.
    let saving: Promise<unknown> = Promise.resolve();
    const flush = async () => {
      if (!batch.items.length) return;
      const { items, rank } = await batch.finish(this.opts.analyser ?? null);
      await this.yieldNow();
      const seg = memorySegment(this.segmentName(), items, rank);
      await saving;
      const dir = this.opts.indexDir;
      if (dir) saving = saveSegment(dir, items, seg).then((saved) => built.push(saved));
      else built.push(seg);
      // Awaited at the next flush or after the last: handled now, so a failed save waits there.
      saving.catch(() => {});
      batch = new Batch(this.evidence, archivePeople, today);
    };

    const newStates = new Map<string, FileState>();
    const newSkipped = new Map<string, Skipped[]>();
    let added = 0;
    for (const r of reads) {
      const file = r.scan.file;
      // An appended part keeps the file's earlier skips, but for its incomplete last line: read again now.
      const skipped: Skipped[] = r.replaces || r.from.byte === 0 ? [] : (this.skipped.get(file) ?? []).filter((s) => s.reason !== INCOMPLETE_LAST_LINE);
      // A whole file lists the reader's skips before the articles that could not be cleaned
      // (as when files were read whole before being indexed); an appended part, in line order.
      const unclean: Skipped[] = r.from.byte === 0 ? [] : skipped;
      const state = { consumed: 0, lines: 0 };
      let fileEvidence = this.fileEvidence.get(file);
      if (!fileEvidence) this.fileEvidence.set(file, (fileEvidence = new PeopleEvidence()));
      for await (const rec of analyseRecords(readRecords(corpusDir, file, r.from, state), today, this.opts.analyser ?? null)) {
        if ("skipped" in rec) {
          skipped.push(rec.skipped);
          continue;
        }
        const where = rec.raw.format === "txt" ? file : `${file} (id ${rec.raw.id})`;
        const a = rec.analysis;
        if ("error" in a) unclean.push({ source: where, reason: `could not be cleaned: ${a.error}` });
        else if (a.article.paragraphs.length === 0) unclean.push({ source: where, reason: "empty article: no text left after cleaning" });
        else {
          batch.add({ article: a.article, line: rec.line, signature: a.signature }, a.date, a.candidates, a.evidence, fileEvidence);
          added++;
        }
        if (firstBuild) this.progress.done++;
        if (batch.writer.docs >= this.segmentDocs || batch.writer.tokens >= (this.opts.segmentTokens ?? SEGMENT_TOKENS)) await flush();
        if (performance.now() - this.lastYield > SLICE_MS) {
          if (firstBuild) this.opts.onProgress?.(this.progress.done, this.progress.total);
          await this.yieldNow();
        }
      }
      if (unclean !== skipped) skipped.push(...unclean);
      const full = path.join(corpusDir, file);
      // Only a plain .jsonl can be appended to: hash what was read of it, and never open
      // anything else again (a FIFO would block).
      const probed = /\.jsonl$/i.test(file) && r.scan.regular ? await probes(full, state.consumed).catch(() => null) : null;
      const digest = await stableDigest(corpusDir, r.scan);
      newStates.set(file, { size: r.scan.size, mtimeMs: r.scan.mtimeMs, ...state, ...(probed ?? { head: "", tail: "" }), ...(digest ? { digest } : {}) });
      newSkipped.set(file, skipped);
    }
    await flush();
    await saving;

    // One synchronous step: queries see the archive before or after, never between.
    for (const f of removed) {
      this.archive.removeFile(f, before);
      this.files.delete(f);
      this.skipped.delete(f);
    }
    for (const r of reads) if (r.replaces) this.archive.removeFile(r.scan.file, before);
    for (const seg of built) this.archive.add(seg);
    for (const [f, s] of newStates) this.files.set(f, s);
    for (const [f, s] of newSkipped) {
      if (s.length) this.skipped.set(f, s);
      else this.skipped.delete(f);
      for (const x of s) this.opts.onEvent?.("skipped", { source: x.source, reason: x.reason });
    }
    this.archive.refresh();
    await this.commit();
    if (firstBuild) this.opts.onProgress?.(this.progress.done, this.progress.total);
    return { added, removedFiles: removed.length, files: reads.length };
  }

  /** Merge the small segments into one, so a long-lived archive keeps few segments. */
  private async maybeMerge() {
    const segs = this.archive.segments;
    if (segs.length < MERGE_AT) return;
    const largest = Math.max(...segs.map((s) => s.rank.n));
    const candidates = segs.filter((s) => s.rank.n < largest / 10);
    if (candidates.length < MERGE_AT) return;
    // The merged segment must fit in one segment. A safety net: merges start as soon as
    // MERGE_AT segments are under a tenth of the largest, so they add up to less than it.
    const small: Segment[] = [];
    let docs = 0;
    for (const s of candidates) {
      if (docs + s.rank.n > this.segmentDocs) break;
      small.push(s);
      docs += s.rank.n;
    }
    if (small.length < 2) return;
    const items: SourcedArticle[] = [];
    const writer = new RankIndexWriter();
    for (const seg of small) {
      for (let d = 0; d < seg.rank.n; d++) {
        if (seg.gone[d]) continue;
        const article = seg.store.get(d);
        // The signature as saved: the text is the same, so it need not be worked out again.
        items.push({ article, line: seg.cols.line[d], signature: seg.cols.story.subarray(d * STRIDE, (d + 1) * STRIDE) });
        writer.add(article);
        if (performance.now() - this.lastYield > SLICE_MS) await this.yieldNow();
      }
    }
    // Updates wait in the same queue, so no document changed while we read.
    const rank = writer.finish();
    let merged = memorySegment(this.segmentName(), items, rank);
    if (this.opts.indexDir) merged = await saveSegment(this.opts.indexDir, items, merged);
    for (const seg of small) this.archive.drop(seg);
    this.archive.add(merged);
    this.archive.refresh();
    await this.commit();
    for (const seg of small) seg.store.close();
  }

  /**
   * The archive as changed is searched from now on (`onChange`); its files are then written
   * without holding the event loop (pairs.bin, people.bin, stories.bin), and the manifest last.
   * Awaited in the update queue, so nothing changes them meanwhile.
   */
  private async commit() {
    this.opts.onChange?.();
    this.generation++;
    this.lastUpdate = new Date().toISOString();
    const dir = this.opts.indexDir;
    if (!dir) return;
    const sketch = this.archive.pairSketch;
    const steps = sketchArraysSteps(sketch);
    let step = steps.next();
    for (; !step.done; step = steps.next()) if (performance.now() - this.lastYield > SLICE_MS) await this.yieldNow();
    await writeIndexFileAsync(path.join(dir, PAIRS_FILE), "pairs", { generation: this.generation, bits: sketch.bits }, step.value);
    await this.saveEvidence(dir);
    await this.saveStories(dir);
    writeManifest(dir, {
      corpusDir: this.opts.corpusDir,
      generation: this.generation,
      updatedAt: this.lastUpdate,
      segments: this.archive.segments.map((s) => ({ name: s.name, docs: s.rank.n, gone: goneList(s) })),
      files: Object.fromEntries(this.files),
      skipped: Object.fromEntries(this.skipped),
    });
    // Files of merged-away segments and temporaries of an interrupted write.
    const keep = new Set([MANIFEST, PAIRS_FILE, PEOPLE_FILE, STORIES_FILE, ...this.archive.segments.flatMap((s) => [`${s.name}.seg`, `${s.name}.docs`])]);
    for (const f of readdirSync(dir)) if (isIndexFile(f) && !keep.has(f)) rmSync(path.join(dir, f), { force: true });
  }

  /**
   * people.bin: each corpus file's evidence, names in the JSON header and their counts in one
   * array. Each file's part of the header is encoded once and kept with its saved evidence
   * (about 20 MB of JSON at 1M articles, encoded whole at every commit before); the files an
   * update read are encoded one at a time between searches.
   */
  private async saveEvidence(dir: string) {
    this.decodeEvidence();
    const header: Uint8Array[] = [Buffer.from(`{"generation":${this.generation},"files":[`)];
    const parts: ArrayLike<number>[] = [];
    let length = 0;
    for (const file of new Set([...this.evidenceData.keys(), ...this.fileEvidence.keys()])) {
      let data = this.evidenceData.get(file);
      if (!data) this.evidenceData.set(file, (data = this.fileEvidence.get(file)!.toData()));
      let json = this.evidenceJson.get(data);
      if (!json) {
        const saved: SavedFileEvidence = { file, articles: data.articles, names: data.names, singles: data.singles };
        this.evidenceJson.set(data, (json = Buffer.from(JSON.stringify(saved))));
        if (performance.now() - this.lastYield > SLICE_MS) await this.yieldNow();
      }
      if (header.length > 1) header.push(COMMA);
      header.push(json);
      parts.push(data.counts);
      length += data.counts.length;
    }
    header.push(Buffer.from("]}"));
    // Saved: each file's evidence stays encoded until the file changes again.
    this.fileEvidence.clear();
    const counts = new Int32Array(length);
    let at = 0;
    for (const p of parts) {
      counts.set(p, at);
      at += p.length;
    }
    await writeIndexFileAsync(path.join(dir, PEOPLE_FILE), "people", new EncodedJson(header), { counts });
  }

  private segmentName(): string {
    return `seg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  }

  private async yieldNow() {
    await new Promise((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
  }
}

/** people.bin's header: each corpus file's names (their counts are one array beside it). */
interface SavedEvidence {
  generation: number;
  files: SavedFileEvidence[];
}

/** Articles of one segment being built, with what the date check and the people pass need. */
class Batch {
  readonly writer = new RankIndexWriter();
  readonly items: SourcedArticle[] = [];
  private readonly dates: DateResult[] = [];
  private readonly candidates: (Candidate[] | HeldCandidates)[] = [];

  constructor(
    private readonly evidence: PeopleEvidence,
    private readonly archivePeople: boolean,
    /** No date is estimated after this day: one day for a whole update. */
    readonly today: string,
  ) {}

  /**
   * `candidates` and `evidence` as the analysis gives them (candidatesToResolve, or where an
   * analyser holds them; articleEvidence).
   */
  add(item: SourcedArticle, date: DateResult, candidates: Candidate[] | HeldCandidates, evidence: ArticleEvidence, fileEvidence: PeopleEvidence) {
    const { article } = item;
    this.items.push(item);
    this.dates.push(date);
    this.writer.add(article);
    // The analysis leaves people to the build (see analysis.ts): by the article alone here.
    if (!this.archivePeople) {
      if (!Array.isArray(candidates)) throw new Error("article-only people need the candidates (an analyser with hold: false)");
      article.persons = resolvePeople(candidates);
      return;
    }
    this.evidence.count(evidence, 1, fileEvidence);
    this.candidates.push(candidates);
  }

  /**
   * The batch's articles and rank index, ready to be written: people decided with the archive's
   * evidence and the tagger (as buildCorpus does), and estimated dates checked against their
   * neighbours in this batch (see date-check.ts). People an analyser holds are decided on its
   * threads while this one finishes the rank index and checks the dates, which need no people.
   */
  async finish(analyser: Analyser | null): Promise<{ items: SourcedArticle[]; rank: RankIndex }> {
    const persons = this.decidePeople(analyser);
    const rank = this.writer.finish();
    const checked = withCheckedDates(
      this.items.map((i) => i.article),
      this.dates,
      this.today,
    );
    // The date check copies the articles it changes: people go on the articles kept.
    const decided = await persons;
    if (decided) checked.forEach((article, i) => (article.persons = decided[i]));
    return { items: checked.map((article, i) => ({ ...this.items[i], article })), rank };
  }

  /** Each article's people (null: decided already, by the article alone, in `add`). */
  private async decidePeople(analyser: Analyser | null): Promise<Entity[][] | null> {
    if (!this.archivePeople) return null;
    const out: Entity[][] = new Array(this.candidates.length);
    const held: HeldCandidates[] = [];
    const heldAt: number[] = [];
    let helpers: PeopleHelpers | undefined;
    this.candidates.forEach((c, i) => {
      if (Array.isArray(c)) out[i] = resolvePeople(c, (helpers ??= this.evidence.helpers(loadTagger())));
      else {
        held.push(c);
        heldAt.push(i);
      }
    });
    if (!held.length) return out;
    if (!analyser?.resolve) throw new Error("candidates held by an analyser that cannot resolve them");
    const data = this.evidence.toData();
    const persons = await analyser.resolve(held, { ...data, counts: Int32Array.from(data.counts) });
    heldAt.forEach((i, k) => (out[i] = persons[k]));
    return out;
  }
}

function goneList(seg: Segment): number[] {
  const out: number[] = [];
  for (let d = 0; d < seg.gone.length; d++) if (seg.gone[d]) out.push(d);
  return out;
}

function isIndexFile(name: string): boolean {
  return (
    name === MANIFEST ||
    name === PAIRS_FILE ||
    name === PEOPLE_FILE ||
    name === STORIES_FILE ||
    /^seg-[\w-]+\.(seg|docs)$/.test(name) ||
    /\.tmp-\d+-\w+$/.test(name)
  );
}

/** `TIMTIN_STORIES=0` groups the stories at every load, as before stories.bin (to measure what it saves). */
function adoptSavedStories(): boolean {
  return process.env.TIMTIN_STORIES !== "0";
}

function isReadableDirectory(dir: string): boolean {
  try {
    readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
