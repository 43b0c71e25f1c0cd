// people.bin's evidence decoded in steps. The file holds each corpus file's evidence (names in
// the JSON header, counts in one array); deciding people needs only the archive's total, so
// the files stay encoded (their `EvidenceData`, views into the array) and only the total is
// built, in steps a caller can stop between: a server decodes it between searches after a
// restart instead of in the first update (at 1M about a second and a half of CPU).
import { type EvidenceData, KINDS, PeopleEvidence } from "@/lib/corpus/people-evidence";

/** One corpus file's evidence in people.bin's header (its counts are in the array beside it). */
export type SavedFileEvidence = Omit<EvidenceData, "counts"> & { file: string };

/** Keys decoded between two asks whether to go on. */
const STEP = 2048;

export class SavedEvidenceDecoder {
  /** Each corpus file's evidence as saved, once its keys are in `total`. */
  readonly byFile = new Map<string, EvidenceData>();
  readonly total = new PeopleEvidence();
  private file = 0;
  private key = 0;
  private at = 0;

  constructor(
    private readonly files: readonly SavedFileEvidence[],
    private readonly counts: ArrayLike<number> & { subarray(from: number, to: number): ArrayLike<number> },
    private readonly step = STEP,
  ) {}

  get done(): boolean {
    return this.file >= this.files.length;
  }

  /** Decode until done (true), or until `goOn`, asked before each step, says no (false). */
  run(goOn: () => boolean = () => true): boolean {
    for (; this.file < this.files.length; this.file++, this.key = 0) {
      const { file, ...f } = this.files[this.file];
      const keys = f.names.length + f.singles.length;
      const data = { ...f, counts: this.counts.subarray(this.at, this.at + KINDS.length * keys) };
      do {
        if (!goOn()) return false;
        const from = this.key;
        this.key = Math.min(keys, from + this.step);
        this.total.mergeData(data, 1, from, this.key); // the step from 0 counts the file's articles
      } while (this.key < keys);
      this.byFile.set(file, data);
      this.at += KINDS.length * keys;
    }
    return true;
  }
}
