// The judged sets the ranking may be tuned on, read from data/eval instead of listed by hand, so
// flipping a held-out set to a tuning set needs no edit in the scripts: the frozen set
// (judged-queries.json) and every judged-heldoutN.json whose "frozen" is false. A held-out set
// kept for reporting says "frozen": true (as the people-label files do) and is never listed here;
// a held-out file that says neither is an error, so a new set cannot slip in by omission.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const EVAL_DIR = path.resolve(__dirname, "../../data/eval");

/** The frozen set: tuned on since the first session, whatever its file says. */
export const FROZEN_SET_FILE = "judged-queries.json";

const HELD_OUT_FILE = /^judged-heldout(\d+)\.json$/;

export interface TuningSet {
  /** The fold or table name: "frozen", "heldout2", "heldout3", … */
  name: string;
  /** The file name inside data/eval. */
  file: string;
}

/**
 * The tuning sets among data/eval's file names, given how to read a held-out file's "frozen"
 * flag: the frozen set first, then the held-out sets by number (not by name: 10 after 9).
 */
export function pickTuningSets(files: string[], frozenOf: (file: string) => unknown): TuningSet[] {
  const heldOut = files
    .map((file) => ({ file, n: Number(HELD_OUT_FILE.exec(file)?.[1]) }))
    .filter((f) => Number.isInteger(f.n))
    .sort((a, b) => a.n - b.n)
    .filter(({ file }) => {
      const frozen = frozenOf(file);
      if (typeof frozen !== "boolean") throw new Error(`data/eval/${file}: "frozen" must be true (held out) or false (a tuning set)`);
      return !frozen;
    });
  const first = files.includes(FROZEN_SET_FILE) ? [{ name: "frozen", file: FROZEN_SET_FILE }] : [];
  return [...first, ...heldOut.map(({ file, n }) => ({ name: `heldout${n}`, file }))];
}

/** The tuning sets on disk (data/eval unless `dir` says otherwise). */
export function tuningSets(dir = EVAL_DIR): TuningSet[] {
  return pickTuningSets(readdirSync(dir), (file) => (JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { frozen?: unknown }).frozen);
}
