import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { writeFaultCorpus, type FaultCorpus } from "../lib/corpus/fault-fixtures";
import { events, startServer, type OwnServer } from "./own-server";

// The built server on a corpus full of faults: it starts, serves every good article, and
// lists every bad source with its reason in /api/health and in its JSON log.
test.describe.configure({ mode: "serial" });

let root: string;
let faults: FaultCorpus;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(180_000); // a cold start on a busy machine; a wait, not a limit on speed
  root = await mkdtemp(path.join(tmpdir(), "tim-tin-e2e-faults-"));
  faults = await writeFaultCorpus(root);
  server = await startServer(faults.dir);
});

test.afterAll(async () => {
  server?.proc.kill("SIGTERM");
  await server?.exited;
  await rm(root, { recursive: true, force: true });
});

test("every good article is served, whatever its neighbours", async ({ request }) => {
  for (const id of faults.served) {
    const res = await request.get(`${server.base}/api/articles/${encodeURIComponent(id)}`);
    expect(res.status(), id).toBe(200);
    expect((await res.json()).id).toBe(id);
  }
  for (const id of faults.neverServed) {
    expect((await request.get(`${server.base}/api/articles/${encodeURIComponent(id)}`)).status(), id).toBe(404);
  }
});

test("every bad source is listed in /api/health with its reason, and logged as JSON", async ({ request }) => {
  const health = await (await request.get(`${server.base}/api/health`)).json();
  const logged = events(server, "skipped");
  for (const { source, reason } of faults.reported) {
    const entry = health.skipped.find((s: { source: string }) => s.source === source);
    expect(entry, source).toBeDefined();
    expect(entry.reason, source).toMatch(reason);
    expect(
      logged.some((l) => l.source === source && l.reason === entry.reason),
      source,
    ).toBe(true);
  }
  expect(events(server, "startup")).toHaveLength(1);
});

test("an article named in Vietnamese with spaces opens from its link", async ({ page }) => {
  await page.goto(`${server.base}/?q=${encodeURIComponent("trang một")}`);
  const link = page.getByTestId("result").first().locator("h2 a");
  await link.click();
  await expect(page).toHaveURL(/\/articles\/b%C3%A0i%20vi%E1%BA%BFt%20s%E1%BB%91%201/);
  await expect(page.locator("main")).toContainText("Một đoạn văn của trang một");
});
