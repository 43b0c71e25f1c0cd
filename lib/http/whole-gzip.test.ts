import http, { IncomingMessage, ServerResponse } from "node:http";
import { Socket, type AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GZIP_OPTIONS } from "@/lib/http/node-search-api";
import { gzipWhole, wholeBody, withAcceptEncoding } from "@/lib/http/whole-gzip";

/** What the handler below saw of the request's Accept-Encoding (Next's compression reads it). */
let seenEncoding: string | undefined;

/** Writes a body in chunks as Next.js writes a page: headers set, flushed, then many writes. */
function nextLike(req: IncomingMessage, res: ServerResponse, parts: string[], viaWriteHead: boolean) {
  seenEncoding = req.headers["accept-encoding"] as string | undefined;
  if (viaWriteHead) res.writeHead(201, { "Content-Type": "text/html; charset=utf-8", "X-Part": String(parts.length) });
  else {
    res.statusCode = 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "RSC, Next-Router-State-Tree");
    res.flushHeaders();
  }
  parts.forEach((p, i) => (i % 2 ? res.write(Buffer.from(p)) : res.write(p)));
  res.end();
}

const big = Array.from({ length: 40 }, (_, i) => `<li>Giá vàng hôm nay ${i}: tăng nhẹ</li>`.repeat(20));
let base = "";
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  gzipWhole(req, res);
  nextLike(req, res, url.searchParams.has("small") ? ["<p>ngắn</p>"] : big, url.searchParams.has("head"));
});
beforeAll(
  () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => ((base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`), resolve()))),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A GET with the body as sent (not decoded). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("withAcceptEncoding", () => {
  it("adds Accept-Encoding to a Vary header once, keeping its other names", () => {
    expect(withAcceptEncoding(undefined)).toBe("Accept-Encoding");
    expect(withAcceptEncoding("RSC, Next-Router-State-Tree")).toBe("RSC, Next-Router-State-Tree, Accept-Encoding");
    expect(withAcceptEncoding(["RSC", "accept-encoding"])).toBe("RSC, accept-encoding");
  });
});

describe("gzipWhole", () => {
  it("sends what was written in chunks as one gzip body with its length, and hides the encoding from the handler", async () => {
    const r = await get("/", { "accept-encoding": "gzip, deflate, br" });
    expect(seenEncoding).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(r.headers.vary).toBe("RSC, Next-Router-State-Tree, Accept-Encoding");
    expect(gunzipSync(r.body).toString("utf8")).toBe(big.join(""));
    expect(r.body.length).toBeLessThan(Buffer.byteLength(big.join("")) / 4);
  });

  it("keeps writeHead's status and headers", async () => {
    const r = await get("/?head", { "accept-encoding": "gzip" });
    expect(r.status).toBe(201);
    expect(r.headers["x-part"]).toBe(String(big.length));
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(gunzipSync(r.body).toString("utf8")).toBe(big.join(""));
  });

  it("sends the body as it is to a client that does not take gzip, and a small body always", async () => {
    for (const [path, headers, text] of [
      ["/", {}, big.join("")],
      ["/", { "accept-encoding": "gzip;q=0, br" }, big.join("")],
      ["/?small", { "accept-encoding": "gzip" }, "<p>ngắn</p>"],
    ] as const) {
      const r = await get(path, headers);
      expect(r.headers["content-encoding"]).toBeUndefined();
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
      expect(r.body.toString("utf8")).toBe(text);
    }
  });
});

describe("wholeBody", () => {
  const page = (i: number) => Buffer.from(big.map((p) => p.replace("Giá vàng", `Giá vàng ${i}`)).join(""));
  const send = (body: Buffer) => {
    const req = new IncomingMessage(new Socket());
    req.method = "GET";
    const res = new ServerResponse(req);
    return { res, sent: wholeBody(req, res, body, true) };
  };

  it("gzips a page byte for byte as gzipSync at the API's level, each page in a buffer of its own", () => {
    const large = Buffer.concat([page(2), page(3), page(4)]);
    const first = send(large);
    const firstBytes = Buffer.from(first.sent);
    // A smaller page next: the first page's bytes stay as they were sent.
    const second = send(page(1));
    expect(first.res.getHeader("Content-Encoding")).toBe("gzip");
    expect(first.sent.equals(gzipSync(large, GZIP_OPTIONS))).toBe(true);
    expect(first.sent.equals(firstBytes)).toBe(true);
    expect(second.sent.equals(gzipSync(page(1), GZIP_OPTIONS))).toBe(true);
    expect(Number(second.res.getHeader("Content-Length"))).toBe(second.sent.length);
  });
});
