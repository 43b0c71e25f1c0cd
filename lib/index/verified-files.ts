// Which index files have had their whole-file CRC-32 checked since the machine booted, so a
// file is checked once, not at every process open (at 100k articles every open of every
// server process read 1.4 GiB to check them).
//
// Index files are immutable: written to a temporary name, then renamed into place, never
// rewritten. A check is recorded with the file's identity (device, inode, size, modification
// and change times in nanoseconds); any later write to the file changes its change time, which
// no program can set back, so a file whose identity still matches has not been written since
// it was found whole. The record is kept per boot (in a directory named by the kernel's boot
// id), so after a reboot every file is checked once more, from the disk rather than the page
// cache. What this does not catch is a disk that changes a file's bytes later under an
// unchanged identity, which a check at every open would only catch while the page cache was
// cold: the damage then surfaces in the document store's per-block CRC, and at the next boot.
//
// Racy timestamps (as in git's index): a file's change time has the resolution of the
// kernel's clock tick, so a write within the same tick as a check could leave the identity
// unchanged. A check is therefore recorded only for a file whose change time is at least
// RACY_MS older than the check; a file written moments ago is checked at every open.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type BigIntStats } from "node:fs";
import os from "node:os";
import path from "node:path";

/** How much older than a check a file's change time must be for the check to be recorded. */
export const RACY_MS = 2000;

export interface VerifiedFilesOptions {
  /** Where the records are kept (default: one directory per user and boot under the temp dir). */
  dir?: string;
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
}

/** A file's identity: what any write to it would change. */
function identity(st: BigIntStats): string {
  return [st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].join(":");
}

/** The kernel's id of this boot (Linux), else the boot time to the minute. */
function bootId(): string {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return `t${Math.round((Date.now() / 1000 - os.uptime()) / 60)}`;
  }
}

function defaultDir(): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return path.join(os.tmpdir(), `timtin-verified-${uid}-${bootId()}`);
}

/**
 * The record of whole-file checks. `TIMTIN_CRC=always` turns it off: every open checks every
 * file, as before. Every failure to read or write a record only means the file is checked.
 */
export class VerifiedFiles {
  private readonly dir: string;
  private readonly now: () => number;
  private ready: boolean | undefined;
  /** Whole-file checks made and skipped by this process (shown in /api/health). */
  readonly stats = { checked: 0, skipped: 0 };

  constructor(options: VerifiedFilesOptions = {}) {
    this.dir = options.dir ?? defaultDir();
    this.now = options.now ?? Date.now;
  }

  private recordFile(file: string): string {
    return path.join(this.dir, createHash("sha1").update(path.resolve(file)).digest("hex"));
  }

  /** Whether `file` (with stats `st`) was found whole, as it is now, since this boot. */
  isVerified(file: string, st: BigIntStats): boolean {
    if (process.env.TIMTIN_CRC === "always" || !this.usable()) return false;
    try {
      return readFileSync(this.recordFile(file), "utf8") === identity(st);
    } catch {
      return false;
    }
  }

  /** Record that `file`, with stats `st` taken before it was read, was found whole. */
  record(file: string, st: BigIntStats) {
    // A file changed within RACY_MS of now could change again within the same clock tick.
    if (this.now() - Number(st.ctimeNs / 1_000_000n) < RACY_MS || !this.usable()) return;
    const target = this.recordFile(file);
    const tmp = `${target}.tmp-${process.pid}`;
    try {
      writeFileSync(tmp, identity(st), { mode: 0o600 });
      renameSync(tmp, target);
    } catch {
      // Not recorded: the next open checks the file again.
    }
  }

  /** The record directory exists and belongs to this user, else records are neither read nor written. */
  private usable(): boolean {
    if (this.ready === undefined) {
      try {
        mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        const st = statSync(this.dir);
        const uid = typeof process.getuid === "function" ? process.getuid() : st.uid;
        this.ready = st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0;
      } catch {
        this.ready = false;
      }
    }
    return this.ready;
  }
}

let shared: VerifiedFiles | null = null;

/** This process's record of checked files. */
export function verifiedFiles(): VerifiedFiles {
  return (shared ??= new VerifiedFiles());
}

/** Replace this process's record (tests). */
export function setVerifiedFiles(v: VerifiedFiles) {
  shared = v;
}
