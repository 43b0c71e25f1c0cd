import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { keptPageKey, pageKeeper, sendKeptPage, type PageAnswer } from "@/lib/http/kept-page-front";
import { KeptPages } from "@/lib/http/kept-pages";
import { gzipWhole } from "@/lib/http/whole-gzip";

/** The archive and answer the server below reads: its generation, whether the answer is kept. */
const archive = { generation: 1, answerKept: true };
const answer: PageAnswer = { kept: () => archive.answerKept, generation: () => archive.generation };
let pages = new KeptPages(1 << 20);
let renders = 0;

/** A page as Next.js renders one (in chunks, headers first), with the request's nonce and id and a computed tookMs. */
function render(res: ServerResponse, nonce: string, id: string, status: number) {
  renders++;
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Vary", "rsc, next-router-state-tree");
  res.setHeader("X-Frame-Options", "DENY");
  const took = JSON.stringify(JSON.stringify({ total: 2, tookMs: 87.25, hits: ["Giá vàng"] }));
  const parts = [
    `<html><head><script src="/a.js" nonce="${nonce}"></script></head><body><main>Giá vàng ${"tin ".repeat(400)}</main>`,
    `<script nonce="${nonce}">self.__next_f.push([1,"3:{\\"id\\":\\"${id}\\"}\\n"])</script>`,
    `<script nonce="${nonce}">self.__next_f.push([1,${took}])</script></body></html>`,
  ];
  for (const p of parts) res.write(p);
  res.end();
}

/** The front's steps for a results page (node-page-front.ts), around `render`. */
function front(req: IncomingMessage, res: ServerResponse) {
  const given = req.headers["x-request-id"] as string | undefined;
  const requestId = given ?? randomUUID();
  const nonce = randomUUID().replace(/-/g, "").slice(0, 22) + "==";
  res.setHeader("Content-Security-Policy", `script-src 'nonce-${nonce}'`);
  res.setHeader("X-Request-Id", requestId);
  const key = keptPageKey("tag", req);
  const tokens = { nonce, requestId, madeHere: given === undefined };
  if (sendKeptPage(req, res, pages, key, answer, tokens)) return;
  gzipWhole(req, res, pageKeeper(pages, key, answer, tokens));
  render(res, nonce, requestId, new URL(req.url ?? "/", "http://x").searchParams.has("fail") ? 500 : 200);
}

let base = "";
const server = http.createServer(front);
beforeAll(
  () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => ((base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`), resolve()))),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  pages = new KeptPages(1 << 20);
  renders = 0;
  archive.generation = 1;
  archive.answerKept = true;
});

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  html: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const html = (res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, html });
        });
      })
      .on("error", reject);
  });
}

const nonceOf = (g: Got) => /'nonce-([^']+)'/.exec(g.headers["content-security-policy"] as string)![1];
/** A page as `render` writes it for a response's nonce and id, with `tookMs` as written. */
function rendered(g: Got, took: string) {
  const nonce = nonceOf(g);
  const id = g.headers["x-request-id"] as string;
  const answer = `{\\"total\\":2,\\"tookMs\\":${took},\\"hits\\":[\\"Giá vàng\\"]}`;
  return (
    `<html><head><script src="/a.js" nonce="${nonce}"></script></head><body><main>Giá vàng ${"tin ".repeat(400)}</main>` +
    `<script nonce="${nonce}">self.__next_f.push([1,"3:{\\"id\\":\\"${id}\\"}\\n"])</script>` +
    `<script nonce="${nonce}">self.__next_f.push([1,"${answer}"])</script></body></html>`
  );
}
/** The headers a response carries but those each response sets for itself. */
const sameHeaders = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !["date", "content-security-policy", "x-request-id", "content-length"].includes(name)));

describe("a results page kept whole", () => {
  it("is sent again, not rendered, with the new request's nonce and id, the answer's tookMs written in its width, and the rendered page's status and headers", async () => {
    const first = await get("/?q=gi%C3%A1+v%C3%A0ng");
    const second = await get("/?q=gi%C3%A1+v%C3%A0ng");
    expect(renders).toBe(1);
    expect(first.html).toBe(rendered(first, "87.25"));
    const took = /tookMs\\":([^,]*),/.exec(second.html)![1];
    expect(took).toHaveLength(5);
    expect(Number(took)).toBeLessThan(87.25);
    expect(second.html).toBe(rendered(second, took));
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    expect(second.status).toBe(200);
    expect(sameHeaders(second.headers)).toEqual(sameHeaders(first.headers));
    expect(second.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
  });

  it("is sent plain to a client that takes no gzip", async () => {
    await get("/?q=a");
    const plain = await get("/?q=a", { "accept-encoding": "identity" });
    expect(renders).toBe(1);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.html).toBe(rendered(plain, /tookMs\\":([^,]*),/.exec(plain.html)![1]));
  });

  it("is rendered again once its answer is no longer kept, or the archive has a new generation", async () => {
    await get("/?q=a");
    archive.answerKept = false;
    await get("/?q=a");
    expect(renders).toBe(2);
    archive.answerKept = true;
    archive.generation = 2;
    await get("/?q=a");
    await get("/?q=a");
    expect(renders).toBe(3);
  });

  it("is kept per URL as written and per kind of client Next.js renders for", async () => {
    await get("/?q=a");
    await get("/?q=a&x=1");
    await get("/?q=a", { "user-agent": "facebookexternalhit/1.1" });
    expect(renders).toBe(3);
    await get("/?q=a", { "user-agent": "Mozilla/5.0 Chrome/120" });
    await get("/?q=a", { "user-agent": "facebookexternalhit/1.1" });
    expect(renders).toBe(3);
  });

  it("is not kept from a render with a client's request id, nor sent to a request whose id is of another length", async () => {
    await get("/?q=a", { "x-request-id": "0123456789abcdef0123456789abcdef0123" });
    await get("/?q=a", { "x-request-id": "0123456789abcdef0123456789abcdef0123" });
    expect(renders).toBe(2);
    await get("/?q=a");
    expect(renders).toBe(3);
    const same = await get("/?q=a", { "x-request-id": "ffffffff-0000-4000-8000-000000000000" });
    expect(renders).toBe(3);
    expect(same.html).toContain("ffffffff-0000-4000-8000-000000000000");
    await get("/?q=a", { "x-request-id": "short-id-1" });
    expect(renders).toBe(4);
  });

  it("is not kept when the render's status is not 200, or while the answer is not kept", async () => {
    await get("/?q=a&fail=1");
    await get("/?q=a&fail=1");
    expect(renders).toBe(2);
    archive.answerKept = false;
    await get("/?q=b");
    archive.answerKept = true;
    await get("/?q=b");
    expect(renders).toBe(4);
  });
});
