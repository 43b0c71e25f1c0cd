import http from "node:http";
import { expect, test } from "@playwright/test";
import fc from "fast-check";

// Hostile requests against the built server, sent byte for byte (no client-side URL
// clean-up): never a 5xx, and every API 400 names a parameter the request carried.

const KNOWN = ["q", "from", "to", "person", "outlet", "sources", "sort", "page", "size"];
const RUNS = Number(process.env.FUZZ_RUNS || 150);
let origin: URL;
// Many requests on a busy shared machine: a generous wait, not a limit on speed.
test.describe.configure({ timeout: 600_000 });

test.beforeAll(({}, info) => {
  origin = new URL(String(info.project.use.baseURL));
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** GET a raw path; resolves with the status and body (no time limit: the property is the status). */
function rawGet(path: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: origin.hostname, port: origin.port, path, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), type: String(res.headers["content-type"] ?? "") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Any character a hostile link may carry: controls, bidi overrides, astral, lone surrogates. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u007f",
      "\u202e",
      "\u2066",
      "\u2069",
      "\u200f",
      "\ufeff",
      "\ud800",
      "\udfff",
      "💥",
      "ệ",
      "'",
      '"',
      "<",
      ">",
      "&",
      "%",
      "+",
      "\\",
      "/",
      ".",
      " ",
    ),
    maxLength: 40,
  }),
  fc.constantFrom(
    "",
    " ",
    "2025-02-30",
    "2025-13-01",
    "99999-01-01",
    "-1",
    "0",
    "1e9",
    "NaN",
    "Infinity",
    "1.5",
    "0x10",
    "relevance",
    "NEWEST",
    "vladimir-putin",
    "__proto__",
    "constructor",
    "toString",
    "<script>alert(1)</script>",
  ),
  fc.integer({ min: 1000, max: 6000 }).map((n) => "a".repeat(n)), // under Node's 16 KB header limit: tests the app, not the parser
);

/** Encode as a browser would, or leave raw percent signs and bytes that do not decode. */
const encoded = fc.oneof(
  nasty.map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "\ufffd"))),
  fc.constantFrom("%", "%%", "%E0%A4%A", "%ZZ", "%C3%28", "%FF%FE", "%ED%A0%80", "%00", "%0D%0A", "%2", "a%", "%u202e"),
);

const pair = fc.tuple(
  fc.oneof(
    fc.constantFrom(...KNOWN),
    fc.constantFrom("Q", "q[]", "__proto__", "page%20", "%71", "size%00"),
    fc.string({ maxLength: 8 }).map(encodeURIComponent),
  ),
  encoded,
);
const queryString = fc.array(pair, { maxLength: 30 }).map((ps) => ps.map(([k, v]) => `${k}=${v}`).join("&"));
const manyFacets = fc
  .tuple(fc.constantFrom("person", "outlet", "sources"), fc.integer({ min: 100, max: 600 }), fc.boolean())
  .map(([k, n, same]) => Array.from({ length: n }, (_, i) => `${k}=${same ? "vladimir-putin" : `id-${i}`}`).join("&"));

function expectSane(path: string, res: { status: number; body: string; type: string }) {
  expect(res.status, path).toBeLessThan(500);
  if (path.startsWith("/api/") && res.status === 400 && res.type.includes("json")) {
    const body = JSON.parse(res.body) as { error?: { code?: string; param?: string; message?: string } };
    expect(body.error?.code, path).toBe("invalid_parameter");
    expect(typeof body.error?.param === "string" && body.error.param.length > 0, path).toBe(true);
    expect(body.error?.message?.length, path).toBeGreaterThan(0);
  }
}

test("the search API: random, repeated, broken and huge parameters never make a 5xx", async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(queryString, manyFacets), async (qs) => {
      const path = `/api/search?${qs}`;
      const res = await rawGet(path);
      expectSane(path, res);
      if (res.status === 400) {
        // The named parameter is one the request carried (a person can fix it).
        const { param } = JSON.parse(res.body).error;
        expect(KNOWN, path).toContain(param);
      }
    }),
    { numRuns: RUNS },
  );
});

test("the search page survives the same links: a page or a 400, never a 5xx", async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(queryString, manyFacets), async (qs) => {
      const path = `/?${qs}`;
      expectSane(path, await rawGet(path));
    }),
    { numRuns: Math.ceil(RUNS / 5) },
  );
});

// Found by the property above: Next.js builds a page's searchParams by plain assignment, so
// `__proto__` gives the object an array prototype and `sort`/`find`… inherit Array's methods.
test("prototype keys in a page link never make a 5xx", async () => {
  const links = [
    "/?__proto__=&sort=",
    "/?__proto__=&sort=zzz",
    "/?__proto__=x&q=Putin&sort=newest",
    "/?__proto__=&__proto__=&at=1",
    "/?constructor=&q=Putin",
    "/articles/khong-co?__proto__=&q=Putin&back=x",
  ];
  for (const path of links) expectSane(path, await rawGet(path));
});

const idTricks = fc.oneof(
  fc.constantFrom(
    "..",
    "../..",
    "%2e%2e",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fpackage.json",
    "....//....//",
    "%252e%252e%252f",
    "..\\..\\",
    "%5c..%5c",
    "%00",
    "a%00b",
    "%E0%A4%A",
    "%C0%AE%C0%AE",
    "CON",
    "nul",
    ".env",
    "~root",
    "%20",
    "seeds%2f000_be94a817387f0ba4.txt",
  ),
  encoded,
  fc.array(fc.constantFrom("..", ".", "%2e%2e", "a", "%2f", "//"), { minLength: 1, maxLength: 8 }).map((xs) => xs.join("/")),
);

test("article ids with path tricks are a 404 or a 400, never a file and never a 5xx", async () => {
  await fc.assert(
    fc.asyncProperty(idTricks, fc.constantFrom("/api/articles/", "/articles/"), async (id, prefix) => {
      const path = `${prefix}${id}`;
      const res = await rawGet(path);
      expectSane(path, res);
      // Nothing from the file system leaks: no package.json, no env, no passwd.
      expect(res.body, path).not.toMatch(/"devDependencies"|root:x:0:0/);
    }),
    { numRuns: RUNS },
  );
});

test("a real article is still served by its id", async () => {
  const search = await rawGet("/api/search?size=1");
  const id = JSON.parse(search.body).hits[0].id as string;
  const res = await rawGet(`/api/articles/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body).id).toBe(id);
});
