// One reused gzip handle gives what gzipSync gives, body after body, in buffers of their own.
import { constants, gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReusedGzip } from "@/lib/http/reused-gzip";

const OPTIONS = { level: constants.Z_BEST_SPEED };

/** JSON-like text from a small vocabulary (deflate finds repeats), or raw noise. */
const body = fc.oneof(
  fc.array(fc.constantFrom('{"title":', '"Giá vàng"', ",", "hòa bình", " ", "\n", "😀", "}"), { maxLength: 5000 }).map((xs) => Buffer.from(xs.join(""))),
  fc.uint8Array({ maxLength: 4000 }).map((a) => Buffer.from(a)),
);

describe("ReusedGzip", () => {
  it("reuses one native handle on this Node (else every body falls back to gzipSync)", () => {
    expect(new ReusedGzip(OPTIONS).reusing).toBe(true);
  });

  it.each([
    ["level 1", OPTIONS],
    ["the default level", {}],
  ])("gives each body byte for byte as gzipSync does, one after another: %s", (_, options) => {
    const gzip = new ReusedGzip(options);
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 6 }), (bodies) => {
        for (const raw of bodies) {
          const out = gzip.gzip(raw);
          expect(out.equals(gzipSync(raw, options))).toBe(true);
          expect(gunzipSync(out).equals(raw)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    gzip.close();
  });

  it("gzips a body larger than its buffer (the buffer grows), then small ones again", () => {
    const gzip = new ReusedGzip(OPTIONS);
    const noise = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251));
    const small = Buffer.from('{"q":"xổ số"}');
    for (const raw of [small, noise, small, noise]) expect(gzip.gzip(raw).equals(gzipSync(raw, OPTIONS))).toBe(true);
  });

  it("hands back a buffer of its own: an earlier body is not overwritten by the next", () => {
    const gzip = new ReusedGzip(OPTIONS);
    const first = Buffer.from("Tai nạn giao thông ở Hà Nội. ".repeat(60));
    const kept = gzip.gzip(first);
    gzip.gzip(Buffer.from("Bóng đá Việt Nam ".repeat(90)));
    expect(gunzipSync(kept).equals(first)).toBe(true);
  });

  it("gzips again after close", () => {
    const gzip = new ReusedGzip(OPTIONS);
    const raw = Buffer.from("giá xăng ".repeat(300));
    gzip.gzip(raw);
    gzip.close();
    expect(gzip.gzip(raw).equals(gzipSync(raw, OPTIONS))).toBe(true);
  });
});
