// An answer gzipped through one zlib handle kept for the process (lib/zlib/kept-handle.ts), instead
// of `gzipSync`'s stream object and native deflate state (with its window and hash tables) made and
// closed for every answer: for a computed API answer (about 17 KB of JSON at level 1) that setup
// was about a third of the gzip's CPU (docs/history/performance-log.md, api23). Falls back to
// `gzipSync` when the kept handle is missing or disagrees with it on a probe.
import { Gzip, gzipSync, type ZlibOptions } from "node:zlib";
import { KeptZlibHandle } from "@/lib/zlib/kept-handle";

/** Output room to start with: a computed answer gzips to about 5 KB. */
const FIRST_ROOM = 16 * 1024;

export class ReusedGzip {
  private readonly kept: KeptZlibHandle;
  /** Null until the first use's probe; false: every body goes through gzipSync. */
  private reusable: boolean | null = null;

  constructor(private readonly options: ZlibOptions = {}) {
    this.kept = new KeptZlibHandle(() => new Gzip(options), FIRST_ROOM);
  }

  /** Whether bodies go through one reused native handle (false: gzipSync per body). */
  get reusing(): boolean {
    return this.reusable ?? this.probe();
  }

  /**
   * `input` gzipped, byte for byte what `gzipSync(input, options)` gives, in a buffer of its own
   * (a response may still be writing it when the next body is gzipped).
   */
  gzip(input: Uint8Array): Buffer {
    const out = this.reusing ? this.kept.run(input) : null;
    return out ? Buffer.from(out) : gzipSync(input, this.options);
  }

  close() {
    this.kept.close();
  }

  /** The kept handle against gzipSync on a probe, twice (the second after its reset). */
  private probe(): boolean {
    const probe = Buffer.from('{"probe":"tìm tin, tìm tin, tìm tin"}');
    const expected = gzipSync(probe, this.options);
    try {
      this.reusable = [0, 1].every(() => this.kept.run(probe)?.equals(expected) === true);
    } catch {
      this.reusable = false;
    }
    if (!this.reusable) this.kept.close();
    return this.reusable;
  }
}
