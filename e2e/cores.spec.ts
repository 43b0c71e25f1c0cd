// `npm start` serves on every core: one `next start` per core over one saved index (the first
// process writes it, the others follow its commits). Every process must answer exactly as the
// others, before and after the corpus changes. Requests are pinned to a process by sending
// them on one connection after a health check that names the process.
import { copyFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { suggestionsEverywhere } from "./helpers";
import { copySeeds, serveOwnCorpus } from "./own-server";

const own = serveOwnCorpus("cores", (dir) => copySeeds(dir), { WATCH_MS: "300" }, { cores: 2 });

test.describe.configure({ mode: "serial" });

function get(agent: http.Agent, url: string): Promise<{ status: number; body: string; socket: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, socket: res.socket }));
      })
      .on("error", reject);
  });
}

/** Ask `paths` of one server process over one fresh connection: which process, and its answers. */
async function askOneProcess(paths: string[]): Promise<{ pid: number; role: string; status: string; answers: unknown[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const health = await get(agent, `${own.server.base}/api/health`);
    const h = JSON.parse(health.body);
    const answers: unknown[] = [];
    for (const p of paths) {
      const r = await get(agent, `${own.server.base}${p}`);
      // Still the same connection, so still the same process.
      expect(r.socket).toBe(health.socket);
      const json = JSON.parse(r.body);
      delete json.tookMs;
      answers.push({ status: r.status, json });
    }
    return { pid: h.worker.pid, role: h.worker.role, status: h.status, answers };
  } finally {
    agent.destroy();
  }
}

/** The answers of every process (new connections until each has answered once). */
async function askEveryProcess(paths: string[]) {
  const seen = new Map<number, Awaited<ReturnType<typeof askOneProcess>>>();
  for (let tries = 0; seen.size < 2 && tries < 200; tries++) {
    const a = await askOneProcess(paths);
    if (a.status === "ok") seen.set(a.pid, a);
  }
  expect(seen.size).toBe(2);
  return [...seen.values()];
}

type Health = { status: string; worker: { pid: number }; answers: { hits: number; misses: number; adopted: number } };

/**
 * On one connection to a process that `pick` accepts (new connections until one is): its
 * health, its answers to `paths` (without tookMs), its health after them.
 */
async function onProcess(pick: (pid: number) => boolean, paths: string[]) {
  for (let tries = 0; tries < 200; tries++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent, `${own.server.base}/api/health`);
      const before = JSON.parse(first.body) as Health;
      if (before.status !== "ok" || !pick(before.worker.pid)) continue;
      const bodies: unknown[] = [];
      for (const p of paths) {
        const r = await get(agent, `${own.server.base}${p}`);
        expect(r.socket).toBe(first.socket);
        const json = JSON.parse(r.body);
        delete json.tookMs;
        bodies.push(json);
      }
      const last = await get(agent, `${own.server.base}/api/health`);
      expect(last.socket).toBe(first.socket);
      return { pid: before.worker.pid, before, after: JSON.parse(last.body) as Health, bodies };
    } finally {
      agent.destroy();
    }
  }
  throw new Error("no such server process answered");
}

const PATHS = [
  "/api/search?q=hoa+binh",
  "/api/search?q=Putin&sort=newest",
  "/api/search?q=",
  "/api/search?q=kellog",
  "/api/suggest?q=pu",
  "/api/articles/002_39daa1a30ecf3676",
  "/api/articles/no-such-article",
];

test("every server process answers the same, one writer and one reader of the saved index", async () => {
  // Suggestions once each process has built its suggest index (none before: lib/suggest/service.ts).
  await suggestionsEverywhere(own.server.base, "pu");
  const [a, b] = await askEveryProcess(PATHS);
  expect([a.role, b.role].sort()).toEqual(["reader", "writer"]);
  expect(a.pid).not.toBe(b.pid);
  expect(a.answers).toEqual(b.answers);
  // Real answers, not two equal errors.
  const [search] = a.answers as { status: number; json: { total: number } }[];
  expect(search.status).toBe(200);
  expect(search.json.total).toBeGreaterThan(0);
});

test("a search one process computed is answered by the other from the answer it was sent", async () => {
  // Words and a sort no other test asks for: neither process has this answer yet.
  const path = `/api/search?q=${encodeURIComponent("Putin Alaska hội đàm")}&sort=oldest&size=5`;
  const { pid } = await onProcess(() => true, []);
  const other = (p: number) => p !== pid;
  const adoptedBefore = (await onProcess(other, [])).before.answers.adopted;
  const computed = await onProcess((p) => p === pid, [path]);
  // Computed there (the API looks for a kept answer before it queues the search, and again at its turn).
  expect(computed.after.answers.misses).toBeGreaterThan(computed.before.answers.misses);
  // Only the health is asked until the answer has arrived: asking the search itself would
  // let the other process compute it.
  await expect(async () => expect((await onProcess(other, [])).before.answers.adopted).toBeGreaterThan(adoptedBefore)).toPass();
  const answered = await onProcess(other, [path]);
  expect(answered.after.answers.misses).toBe(answered.before.answers.misses);
  expect(answered.after.answers.hits).toBe(answered.before.answers.hits + 1);
  expect(answered.bodies).toEqual(computed.bodies);
  expect((computed.bodies[0] as { total: number }).total).toBeGreaterThan(0);
});

test("a file copied into the corpus reaches every process, which still agree", async () => {
  const article = {
    id: "cores-sau-rieng",
    title: "Sầu riêng Đắk Lắk vào vụ thu hoạch",
    body: "Nông dân Đắk Lắk bắt đầu thu hoạch sầu riêng, giá bán tại vườn tăng so với năm trước.",
    date: "2025-09-02",
  };
  const staged = path.join(own.index, "..", `${path.basename(own.corpus)}-staged.jsonl`);
  await writeFile(staged, `${JSON.stringify(article)}\n`);
  await copyFile(staged, path.join(own.corpus, "moi.jsonl"));
  await rm(staged, { force: true });

  const paths = ["/api/search?q=s%E1%BA%A7u+ri%C3%AAng", ...PATHS];
  await expect(async () => {
    const every = await askEveryProcess(paths);
    for (const p of every) {
      const [found] = p.answers as { json: { hits: { id: string }[] } }[];
      expect(found.json.hits.map((h) => h.id)).toEqual([article.id]);
    }
    expect(every[0].answers).toEqual(every[1].answers);
  }).toPass();
});

test("SIGTERM stops every process", async () => {
  own.server.proc.kill("SIGTERM");
  expect(await own.server.exited).toBe(143);
  await expect(fetch(`${own.server.base}/api/health`)).rejects.toThrow();
});
