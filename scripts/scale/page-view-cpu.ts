// Server CPU per results page viewed in a browser: the page itself and every request the page
// makes once shown (scripts, next/link's prefetches of the pages its links lead to), as a reader's
// visit costs the server. After `npm run build`:
//   npx tsx scripts/scale/page-view-cpu.ts --index DIR [--corpus ../shared/corpus] [--port 3739] [--runs 3] [--app-b DIR]
// Each run opens the results page of each of REQUEST_QUERIES in a fresh tab of one Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium), waits until the network is idle, scrolls to the end
// (links entering the viewport are prefetched) and waits 2 s; the server process's CPU (from
// /proc) over the run, divided by the pages viewed, and the requests the pages made to the server
// beside the page and static files (prefetches), per page. `--app DIR`: the built checkout (default
// this one); `--app-b DIR`: another on --port + 1, on the same index, the two viewed in turn (A B,
// then B A).
import path from "node:path";
import { chromium } from "@playwright/test";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";
import { healthOfEach, processCpuMs, startApp, stopApp, waitAllReady } from "../app-server";
import { REQUEST_QUERIES } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3739" },
    runs: { type: "string", default: "3" },
    app: { type: "string", default: "." },
    "app-b": { type: "string" },
  },
});

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const env = { CORPUS_DIR: path.resolve(values.corpus!), INDEX_DIR: path.resolve(values.index), LOG_LEVEL: "error", WATCH_MS: "0" };
  const apps = [{ name: "A", dir: values.app! }, ...(values["app-b"] ? [{ name: "B", dir: values["app-b"] }] : [])].map((app, i) => {
    const port = Number(values.port) + i;
    return { ...app, base: `http://127.0.0.1:${port}`, server: startApp(port, 1, env, undefined, app.dir), pid: 0, cpu: [] as number[], extra: [] as number[] };
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
  try {
    for (const app of apps) {
      await waitAllReady(app.base, 1, app.server);
      const [h] = await healthOfEach(app.base, 1);
      app.pid = (h as { worker: { pid: number } }).worker.pid;
    }
    const view = async (base: string, q: string): Promise<number> => {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      let extra = 0;
      tab.on("request", (r) => {
        const url = new URL(r.url());
        if (url.origin === base && !url.pathname.startsWith("/_next/static") && r.resourceType() !== "document") extra++;
      });
      await tab.goto(`${base}/?q=${encodeURIComponent(q)}`, { waitUntil: "networkidle" });
      await tab.mouse.wheel(0, 10000);
      await tab.waitForTimeout(2000);
      await tab.close();
      return extra;
    };
    // One untimed view of each: scripts cached in the browser, the servers warm.
    for (const app of apps) for (const q of REQUEST_QUERIES) await view(app.base, q);
    for (let run = 0; run < Number(values.runs); run++) {
      for (const app of run % 2 ? [...apps].reverse() : apps) {
        const before = processCpuMs(app.pid);
        let extra = 0;
        for (const q of REQUEST_QUERIES) extra += await view(app.base, q);
        app.cpu.push((processCpuMs(app.pid) - before) / REQUEST_QUERIES.length);
        app.extra.push(extra / REQUEST_QUERIES.length);
      }
    }
    console.log(`${REQUEST_QUERIES.length} results pages viewed per run, ${values.runs} runs; median of the runs`);
    console.log("| build | server CPU per page viewed (each run) | other requests per page (prefetches) |");
    console.log("|---|---|---|");
    for (const app of apps)
      console.log(`| ${app.name} | ${median(app.cpu).toFixed(1)} ms (${app.cpu.map((x) => x.toFixed(1)).join(", ")}) | ${median(app.extra).toFixed(1)} |`);
  } finally {
    await browser.close();
    for (const app of apps) await stopApp(app.server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
