// One kept native handle: whole inputs through it, null without Node's internals, a new handle after an error.
import { Gzip, gunzipSync, InflateRaw, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { KeptZlibHandle } from "@/lib/zlib/kept-handle";

describe("KeptZlibHandle", () => {
  it("runs each input to its end through one handle, growing its buffer when an output is larger", () => {
    const kept = new KeptZlibHandle(() => new Gzip(), 64);
    for (const text of ["hòa bình", "Nhà Trắng ".repeat(5000), "đàm phán"]) {
      const out = kept.run(Buffer.from(text));
      expect(out && gunzipSync(out).toString()).toBe(text);
    }
  });

  it("gives null when the stream lacks the internals it drives (a Node whose zlib changed)", () => {
    expect(new KeptZlibHandle(() => ({}), 64).run(Buffer.from("x"))).toBeNull();
  });

  it("throws zlib's error on a corrupt input, then opens another handle for the next", () => {
    let opened = 0;
    const kept = new KeptZlibHandle(() => (opened++, new InflateRaw()), 64);
    expect(() => kept.run(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow();
    const packed = deflateRawSync(Buffer.from("tin mới"));
    expect(kept.run(packed)?.toString()).toBe("tin mới");
    expect(opened).toBe(2);
  });
});
