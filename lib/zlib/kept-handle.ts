// One node:zlib native handle kept for many synchronous calls. node:zlib's sync API
// (`gzipSync`, `inflateRawSync`) builds a stream object and a native zlib state (its window and
// tables, a dictionary set) for every call and closes them after it; for the document store's
// small blocks that setup cost about as much as the work (docs/history/performance-log.md, http19). Node has no public way to keep a handle for
// sync calls, so this drives one stream's native handle the way node:zlib's own sync path does
// (lib/zlib.js `processChunkSync`: `writeSync` with Z_FINISH, then `reset`). Its users check it
// against the public sync call on a probe and fall back to that call when it is missing or
// differs (`RawInflater`). Inflating is exact whatever the handle's history; deflating is not
// (a reset deflate handle may choose other matches than a fresh one), so no gzip uses it.
import { constants } from "node:zlib";

/** The parts of node:zlib's native handle this uses. */
interface NativeHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: ((message: string, errno: number, code?: string) => void) | null;
}

/** What a zlib stream holds that this reads (not part of Node's public API). */
interface StreamInternals {
  _handle?: NativeHandle | null;
  _writeState?: Uint32Array;
}

export class KeptZlibHandle {
  private handle: NativeHandle | null = null;
  private state: Uint32Array | null = null;
  private failure: Error | null = null;
  private out: Buffer;

  /** `makeStream`: a fresh node:zlib stream (`new Gzip(options)`, `new InflateRaw(options)`) whose handle is kept. */
  constructor(
    private readonly makeStream: () => object,
    firstRoom: number,
  ) {
    this.out = Buffer.allocUnsafe(firstRoom);
  }

  /**
   * `input` run to its end (Z_FINISH) through the kept handle, which is then reset: a view of this
   * object's own buffer, valid until the next call. Null when this Node's zlib streams lack the
   * internals used. Throws zlib's error on bad input; the handle is dropped and the next call
   * opens another.
   */
  run(input: Uint8Array): Buffer | null {
    const handle = this.handle ?? this.open();
    if (!handle) return null;
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
        this.close();
        throw failure;
      }
      const outLeft = state[0];
      const inLeftAfter = state[1];
      outAt += room - outLeft;
      inOff += inLeft - inLeftAfter;
      inLeft = inLeftAfter;
      // Room left over with Z_FINISH: the stream ended (a truncated input is reported through onerror).
      if (outLeft > 0) break;
      const bigger = Buffer.allocUnsafe(this.out.length * 2);
      this.out.copy(bigger, 0, 0, outAt);
      this.out = bigger;
    }
    handle.reset();
    return this.out.subarray(0, outAt);
  }

  close() {
    try {
      this.handle?.close();
    } catch {
      // Already closed by zlib after an error.
    }
    this.handle = null;
    this.state = null;
  }

  private open(): NativeHandle | null {
    const stream = this.makeStream() as StreamInternals;
    const handle = stream._handle;
    const state = stream._writeState;
    if (!handle || typeof handle.writeSync !== "function" || typeof handle.reset !== "function" || !(state instanceof Uint32Array)) return null;
    handle.onerror = (message, errno, code) => {
      this.failure = Object.assign(new Error(message), { errno, code });
    };
    this.handle = handle;
    this.state = state;
    return handle;
  }
}
