// Server CPU per page viewed in a browser: the page itself and every request the page
// makes once shown (scripts, next/link's prefetches of the pages its links lead to), as a reader's
// visit costs the server. After `npm run build`:
//   npx tsx scripts/scale/page-view-cpu.ts --index DIR [--corpus ../shared/corpus] [--port 3739] [--runs 3] [--app-b DIR]
//     [--view results|article|person]
// `--view`: the results page of each of REQUEST_QUERIES (default); the article page of each one's
// first hit, opened from its results (`?q=…&back=…`, as a click on the hit opens it); the page of
// each one's first person in the facet (the URLs are found once, through app A's API).
// Each run opens the page of each of REQUEST_QUERIES in a fresh tab of one Chromium
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
import { articleHref } from "@/lib/url/links";
import { personHref } from "@/lib/people-page/links";
import { wordsQuery } from "@/lib/url/search-params";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3739" },
    runs: { type: "string", default: "3" },
    app: { type: "string", default: "." },
    "app-b": { type: "string" },
    view: { type: "string", default: "results" },
  },
});

interface Answer {
  hits: { id: string }[];
  facets: { persons: { id: string }[] };
}

/** The page of `--view` for each query (a path on any of the apps: they serve the same index). */
async function pagePaths(base: string): Promise<string[]> {
  const paths: string[] = [];
  for (const q of REQUEST_QUERIES) {
    const results = `/?q=${encodeURIComponent(q)}`;
    if (values.view === "results") {
      paths.push(results);
      continue;
    }
    const answer = (await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).json()) as Answer;
    if (values.view === "article") paths.push(articleHref(answer.hits[0].id, wordsQuery(q)));
    else if (values.view === "person") paths.push(personHref(answer.facets.persons[0].id));
    else throw new Error(`--view ${values.view}: results, article or person`);
  }
  return paths;
}

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
    const pages = await pagePaths(apps[0].base);
    const view = async (base: string, page: string): Promise<number> => {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      let extra = 0;
      tab.on("request", (r) => {
        const url = new URL(r.url());
        if (url.origin === base && !url.pathname.startsWith("/_next/static") && r.resourceType() !== "document") extra++;
      });
      await tab.goto(base + page, { waitUntil: "networkidle" });
      await tab.mouse.wheel(0, 10000);
      await tab.waitForTimeout(2000);
      await tab.close();
      return extra;
    };
    // One untimed view of each: scripts cached in the browser, the servers warm.
    for (const app of apps) for (const page of pages) await view(app.base, page);
    for (let run = 0; run < Number(values.runs); run++) {
      for (const app of run % 2 ? [...apps].reverse() : apps) {
        const before = processCpuMs(app.pid);
        let extra = 0;
        for (const page of pages) extra += await view(app.base, page);
        app.cpu.push((processCpuMs(app.pid) - before) / pages.length);
        app.extra.push(extra / pages.length);
      }
    }
    console.log(`${pages.length} ${values.view} pages viewed per run (${pages[0]}, …), ${values.runs} runs; median of the runs`);
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
