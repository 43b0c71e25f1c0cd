// An answer gzipped through one zlib handle kept for the process, instead of `gzipSync`'s stream
// object and native deflate state (with its window and hash tables) made and closed for every
// answer: for a computed API answer (about 17 KB of JSON at level 1) that setup was about a third
// of the gzip's CPU (docs/history/performance-log.md, api23). Node has no public way to keep a
// handle for sync calls, so this drives one Gzip stream's native handle the way node:zlib's own
// sync path does (`writeSync` with Z_FINISH, then `reset`), as lib/index/raw-inflater.ts does for
// inflating, and falls back to `gzipSync` when those internals are missing or disagree with it on
// a probe.
import { constants, Gzip, gzipSync, type ZlibOptions } from "node:zlib";

/** The parts of node:zlib's native handle this uses (lib/zlib.js `processChunkSync`). */
interface NativeHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: ((message: string, errno: number, code?: string) => void) | null;
}

/** What a Gzip stream holds that this reads (not part of Node's public API). */
interface StreamInternals {
  _handle?: NativeHandle | null;
  _writeState?: Uint32Array;
}

/** Output room to start with: a computed answer gzips to about 5 KB. */
const FIRST_ROOM = 16 * 1024;

export class ReusedGzip {
  private handle: NativeHandle | null = null;
  private state: Uint32Array | null = null;
  private failure: Error | null = null;
  private out: Buffer = Buffer.allocUnsafe(FIRST_ROOM);
  /** False once the native handle was found missing or wrong: every call then uses gzipSync. */
  private reusable = true;

  constructor(private readonly options: ZlibOptions = {}) {}

  /** Whether bodies go through one reused native handle (false: gzipSync per body). */
  get reusing(): boolean {
    return this.reusable && (this.handle !== null || this.open() !== null);
  }

  /**
   * `input` gzipped, byte for byte what `gzipSync(input, options)` gives, in a buffer of its own
   * (a response may still be writing it when the next body is gzipped).
   */
  gzip(input: Uint8Array): Buffer {
    const handle = this.reusable ? (this.handle ?? this.open()) : null;
    if (!handle) return gzipSync(input, this.options);
    return Buffer.from(this.run(handle, input));
  }

  close() {
    this.drop();
  }

  /** One whole gzip member of `input` through `handle`: a view of this instance's buffer. */
  private run(handle: NativeHandle, input: Uint8Array): Buffer {
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
      // Room left over with Z_FINISH: the member is complete.
      if (outLeft > 0) break;
      const bigger = Buffer.allocUnsafe(this.out.length * 2);
      this.out.copy(bigger, 0, 0, outAt);
      this.out = bigger;
    }
    handle.reset();
    return this.out.subarray(0, outAt);
  }

  /** A fresh native handle, checked on a probe against gzipSync; null (and no more tries) when that fails. */
  private open(): NativeHandle | null {
    try {
      const stream = new Gzip(this.options) as Gzip & StreamInternals;
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
      const probe = Buffer.from('{"probe":"tìm tin, tìm tin, tìm tin"}');
      const expected = gzipSync(probe, this.options);
      // Twice: the second through the handle after its reset.
      if (!this.run(handle, probe).equals(expected) || !this.run(handle, probe).equals(expected)) throw new Error("probe differs");
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
