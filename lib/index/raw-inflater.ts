// Many small raw-deflate blocks inflated against one preset dictionary through one zlib handle
// kept for the store (lib/zlib/kept-handle.ts): `inflateRawSync` builds a stream object and a
// native zlib state (its window, the dictionary set) for every call and closes them after it, and
// for a shown article (about 1.5 KB deflated) that setup cost more than the inflate itself
// (docs/history/performance-log.md, http19: `scripts/scale/docstore-read.ts`). The handle's reset
// sets the dictionary again. Falls back to `inflateRawSync` when the kept handle is missing or
// disagrees with it on a probe block.
import { deflateRawSync, InflateRaw, inflateRawSync, type ZlibOptions } from "node:zlib";
import { KeptZlibHandle } from "@/lib/zlib/kept-handle";

/** Output room to start with: a shown article's block inflates to about 8 KB. */
const FIRST_ROOM = 32 * 1024;

export class RawInflater {
  private readonly kept: KeptZlibHandle;
  /** Null until the first use's probe; false: every block goes through inflateRawSync. */
  private reusable: boolean | null = null;

  constructor(private readonly dictionary: Uint8Array | null) {
    this.kept = new KeptZlibHandle(() => new InflateRaw(this.options()), FIRST_ROOM);
  }

  /** Whether blocks go through one reused native handle (false: inflateRawSync per block). */
  get reusing(): boolean {
    return this.reusable ?? this.probe();
  }

  /**
   * The inflated bytes of one raw-deflate block. The result is a view of this inflater's own
   * buffer, valid until its next call: a caller that keeps the bytes copies them.
   */
  inflate(input: Uint8Array): Buffer {
    return (this.reusing ? this.kept.run(input) : null) ?? inflateRawSync(input, this.options());
  }

  close() {
    this.kept.close();
  }

  private options(): ZlibOptions {
    return this.dictionary ? { dictionary: this.dictionary } : {};
  }

  /** The kept handle against inflateRawSync on a probe block, twice (the second after its reset). */
  private probe(): boolean {
    const probe = Buffer.from("tìm tin: probe block, probe block");
    const packed = deflateRawSync(probe, this.options());
    const expected = inflateRawSync(packed, this.options());
    try {
      this.reusable = expected.equals(probe) && [0, 1].every(() => this.kept.run(packed)?.equals(expected) === true);
    } catch {
      this.reusable = false;
    }
    if (!this.reusable) this.kept.close();
    return this.reusable;
  }
}
