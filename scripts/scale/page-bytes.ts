// The bytes of a results page, by part, on the built app (one server process): the HTML
// (and gzipped, as sent to a browser), its markup without the inline scripts, the RSC payload
// (the React tree Next.js writes into the page for hydration), and the search answer inside
// it (`initialJson`, the results component's data) by part: hits (their snippets, stories, …)
// and each facet's values. After `npm run build`:
//   npx tsx scripts/scale/page-bytes.ts --index DIR [--corpus ../shared/corpus] [--port 3203]
//     [--queries request|eval] [--eval-every 8] [--app-b DIR]
// Prints the median over the queries of each part (and the first query's), per build.
// `--app-b DIR`: another built checkout served on --port + 1 on the same index, as in
// request-cpu.ts. Sizes only: no timing, so the machine's load does not matter.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";
import { startApp, stopApp, waitAllReady } from "../app-server";
import { answerParts, pageParts } from "./page-parts";
import { loadQueries, REQUEST_QUERIES } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3203" },
    "app-b": { type: "string" },
    queries: { type: "string", default: "request" },
    "eval-every": { type: "string", default: "8" },
  },
});

/** A GET's body as sent (no decoding), with the given Accept-Encoding. */
function get(url: string, encoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      })
      .on("error", reject);
  });
}

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const queries =
    values.queries === "eval" ? await loadQueries(path.resolve(values.corpus!), path.resolve(values.index), Number(values["eval-every"])) : REQUEST_QUERIES;
  const env: Record<string, string> = { CORPUS_DIR: path.resolve(values.corpus!), INDEX_DIR: path.resolve(values.index), LOG_LEVEL: "error", WATCH_MS: "0" };
  const apps = [{ name: "A", dir: "." }, ...(values["app-b"] ? [{ name: "B", dir: values["app-b"] }] : [])].map((app, i) => {
    const port = Number(values.port) + i;
    return { ...app, base: `http://127.0.0.1:${port}`, server: startApp(port, 1, env, undefined, app.dir) };
  });
  for (const app of apps) console.log(`${app.name}: ${path.resolve(app.dir)}`);
  try {
    for (const app of apps) await waitAllReady(app.base, 1, app.server);
    for (const app of apps) {
      const rows = new Map<string, number[]>();
      const add = (name: string, n: number) => rows.set(name, [...(rows.get(name) ?? []), n]);
      for (const q of queries) {
        const url = `${app.base}/?q=${encodeURIComponent(q)}`;
        const html = (await get(url, "identity")).toString("utf8");
        const parts = pageParts(html);
        add("HTML", parts.html);
        add("HTML gzipped as sent", (await get(url, "gzip")).length);
        add("HTML gzipped at level 1", zlib.gzipSync(html, { level: 1 }).length);
        add("markup (HTML without inline scripts)", parts.markup);
        add("inline scripts (RSC payload escaped, bootstrap)", parts.scripts);
        add("RSC payload", parts.rsc);
        if (parts.answer) for (const [name, n] of Object.entries(answerParts(parts.answer))) add(`answer JSON: ${name}`, n);
      }
      console.log(`\n${app.name}: ${queries.length} results pages (${values.queries} queries), bytes`);
      console.log("| part | median | first query |");
      console.log("|---|---|---|");
      for (const [name, xs] of rows) console.log(`| ${name} | ${Math.round(median(xs))} | ${xs[0]} |`);
    }
    console.log(
      `load average: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(", ")}`,
    );
  } finally {
    for (const app of apps) await stopApp(app.server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
