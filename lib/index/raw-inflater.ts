// Many small raw-deflate blocks inflated against one preset dictionary through one zlib handle.
// node:zlib's sync API (`inflateRawSync`) builds a stream object and a native zlib state (its
// window, the dictionary set) for every call and closes them after it: for a shown article
// (about 1.5 KB deflated) that setup cost more than the inflate itself
// (docs/history/performance-log.md, http19: `scripts/scale/docstore-read.ts`). Node has no public
// way to keep a handle for sync calls, so this drives one InflateRaw stream's native handle the
// way node:zlib's own sync path does (`writeSync` with Z_FINISH, then `reset`, which sets the
// dictionary again), and falls back to `inflateRawSync` when those internals are missing or
// disagree with it on a probe block.
import { constants, deflateRawSync, InflateRaw, inflateRawSync, type ZlibOptions } from "node:zlib";

/** The parts of node:zlib's native handle this uses (lib/zlib.js `processChunkSync`). */
interface NativeHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: ((message: string, errno: number, code?: string) => void) | null;
}

/** What an InflateRaw stream holds that this reads (not part of Node's public API). */
interface StreamInternals {
  _handle?: NativeHandle | null;
  _writeState?: Uint32Array;
}

/** Output room to start with: a shown article's block inflates to about 8 KB. */
const FIRST_ROOM = 32 * 1024;

export class RawInflater {
  private handle: NativeHandle | null = null;
  private state: Uint32Array | null = null;
  private failure: Error | null = null;
  private out: Buffer = Buffer.allocUnsafe(FIRST_ROOM);
  /** False once the native handle was found missing or wrong: every call then uses inflateRawSync. */
  private reusable = true;

  constructor(private readonly dictionary: Uint8Array | null) {}

  /** Whether blocks go through one reused native handle (false: inflateRawSync per block). */
  get reusing(): boolean {
    return this.reusable && (this.handle !== null || this.open() !== null);
  }

  /**
   * The inflated bytes of one raw-deflate block. The result is a view of this inflater's own
   * buffer, valid until its next call: a caller that keeps the bytes copies them.
   */
  inflate(input: Uint8Array): Buffer {
    const handle = this.reusable ? (this.handle ?? this.open()) : null;
    if (!handle) return inflateRawSync(input, this.options());
    const state = this.state!;
    let inOff = 0;
    let inLeft = input.length;
    let outAt = 0;
    for (;;) {
      const room = this.out.length - outAt;
      this.failure = null;
      handle.writeSync(constants.Z_FINISH, input, inOff, inLeft, this.out, outAt, room);
      if (this.failure) {
        // zlib's stream is in an error state: drop the handle, a later call opens another.
        const failure = this.failure;
        this.drop();
        throw failure;
      }
      const outLeft = state[0];
      const inLeftAfter = state[1];
      outAt += room - outLeft;
      inOff += inLeft - inLeftAfter;
      inLeft = inLeftAfter;
      // Room left over: the stream ended (zlib reports a truncated block through onerror).
      if (outLeft > 0) break;
      const bigger = Buffer.allocUnsafe(this.out.length * 2);
      this.out.copy(bigger, 0, 0, outAt);
      this.out = bigger;
    }
    handle.reset();
    return this.out.subarray(0, outAt);
  }

  close() {
    this.drop();
  }

  private options(): ZlibOptions {
    return this.dictionary ? { dictionary: this.dictionary } : {};
  }

  /** A fresh native handle, checked on a probe block against inflateRawSync; null (and no more tries) when that fails. */
  private open(): NativeHandle | null {
    try {
      const stream = new InflateRaw(this.options()) as InflateRaw & StreamInternals;
      const handle = stream._handle;
      const state = stream._writeState;
      if (!handle || typeof handle.writeSync !== "function" || typeof handle.reset !== "function" || !(state instanceof Uint32Array)) {
        this.reusable = false;
        return null;
      }
      handle.onerror = (message, errno, code) => {
        this.failure = Object.assign(new Error(message), { errno, code });
      };
      this.handle = handle;
      this.state = state;
      const probe = Buffer.from("tìm tin: probe block, probe block");
      const packed = deflateRawSync(probe, this.options());
      if (!this.inflate(packed).equals(probe) || !this.inflate(packed).equals(inflateRawSync(packed, this.options()))) throw new Error("probe differs");
      return handle;
    } catch {
      this.drop();
      this.reusable = false;
      return null;
    }
  }

  private drop() {
    try {
      this.handle?.close();
    } catch {
      // Already closed by zlib after an error.
    }
    this.handle = null;
    this.state = null;
  }
}
