// HTTP caching of search answers: the API and the results page send an ETag; a client
// holding the answer gets a 304; a reloaded page from the browser's cache still works (its
// CSP nonce matches); a live update gives new tags.
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer } from "./own-server";

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("the API answers 304 to a client holding its answer", async ({ request }) => {
  const first = await request.get("/api/search?q=hoa+binh");
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^W\/"/);
  const again = await request.get("/api/search?q=hoa+binh", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(etag);
  const other = await request.get("/api/search?q=hoa+binh&sort=newest", { headers: { "If-None-Match": etag } });
  expect(other.status()).toBe(200);
});

test("a results page is revalidated with a 304 whose CSP nonce is the one of the page kept", async ({ page, request }) => {
  const first = await page.goto("/?q=hoa+binh");
  const headers = first!.headers();
  const etag = headers["etag"];
  expect(etag).toMatch(/^W\/"[\w-]+\.[A-Za-z0-9+/]{22}=="$/);
  expect(headers["cache-control"]).toContain("no-cache");
  const nonce = nonceOf(headers["content-security-policy"]);
  expect(etag).toContain(`.${nonce}"`);

  const again = await request.get("/?q=hoa+binh", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(nonceOf(again.headers()["content-security-policy"])).toBe(nonce);

  // The browser's own revalidation: it asks with the tag, keeps its copy (the 304 shows as
  // 200 from the cache, with the first page's nonce in it), and the page's scripts still run.
  const [asked] = await Promise.all([page.waitForRequest((r) => r.resourceType() === "document"), page.reload()]);
  expect((await asked.allHeaders())["if-none-match"]).toBe(etag);
  const scriptNonce = await page.evaluate(() => (document.querySelector("script[nonce]") as HTMLScriptElement | null)?.nonce);
  expect(scriptNonce).toBe(nonce);
  await expect(page.getByTestId("result").first()).toBeVisible();
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.fill("Putin");
  await box.press("Enter");
  await expect(page).toHaveURL(/\?q=Putin$/);
});

test("a live update changes the tags", async ({ request }) => {
  test.setTimeout(180_000);
  const corpus = await mkdtemp(path.join(tmpdir(), "timtin-etag-corpus-"));
  for (const f of (await readdir("seeds")).filter((f) => f.endsWith(".txt")).slice(0, 2)) await copyFile(path.join("seeds", f), path.join(corpus, f));
  const server = await startServer(corpus, { INDEX_DIR: "none", WATCH_MS: "300" });
  try {
    const url = `${server.base}/api/search?q=${encodeURIComponent("sầu riêng")}`;
    const before = await request.get(url);
    const etag = before.headers()["etag"];
    expect((await request.get(url, { headers: { "If-None-Match": etag } })).status()).toBe(304);
    const article = { id: "etag-sau-rieng", title: "Sầu riêng vào vụ", body: "Nông dân thu hoạch sầu riêng.", date: "2025-09-02" };
    await writeFile(path.join(corpus, "moi.jsonl"), `${JSON.stringify(article)}\n`);
    await expect(async () => {
      const after = await request.get(url, { headers: { "If-None-Match": etag } });
      expect(after.status()).toBe(200);
      expect(after.headers()["etag"]).not.toBe(etag);
      expect((await after.json()).total).toBe(1);
    }).toPass();
  } finally {
    server.proc.kill("SIGTERM");
    await server.exited;
    await rm(corpus, { recursive: true, force: true });
  }
});
