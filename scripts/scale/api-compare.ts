// Whether two running servers give the same API answers (a change that must leave the JSON
// byte-identical): the eval latency queries (as query-profile.ts picks them, from a saved index
// of the corpus) asked of both, as `/api/search?q=…` (grouped), with `&group=0` and with
// `&page=2`; each answer compared as JSON text without its `tookMs`. Start the two builds first
// (e.g. `WEB_CONCURRENCY=1 SEARCH_CACHE_MB=0 node scripts/start.mjs -p PORT` in each checkout,
// each on its own copy of the index):
//   npx tsx scripts/scale/api-compare.ts --index DIR --a http://127.0.0.1:PORT_A --b http://127.0.0.1:PORT_B [--every 4]
// Exits with 1 when some answer differs (the first few are printed).
// `--people`: also the person page (`/people/{id}`) of each query's first three people in the
// person facet (as A's API lists them), compared as markup (scripts and CSP nonces left out,
// React's useId ids numbered in order: page-parts.ts `comparableMarkup`);
// a page whose markup differs only in the names of its "people named together" list (the same
// ids with the same counts) is counted apart (a change of how those names are chosen).
// `--pages`: also the results page of each query (`/?q=…`, with `&group=0`, `&page=2`, and with
// its first person selected), and the home page, compared as markup the same way: what a reader
// sees before (or without) JavaScript.
// `--whole` (with `--pages`): the results pages compared whole, scripts and RSC payload included,
// with each response's nonce and request id, the answer's `tookMs` and the payload's text rows'
// lengths left out (page-parts.ts `comparableHtml`): for two servers of one build, e.g. one with
// kept pages and one without (PAGE_CACHE_MB=0), each URL asked of B twice (the second time a
// kept page, if B keeps them) and compared both times.
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { latencyQueries, liveArticles } from "../eval/queries";
import { comparableHtml, comparableMarkup } from "./page-parts";
import type { Article } from "@/lib/corpus/types";
import { fold } from "@/lib/text/analyzer";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    archive: { type: "string", default: "../shared/corpus" },
    a: { type: "string" },
    b: { type: "string" },
    every: { type: "string", default: "4" },
    people: { type: "boolean", default: false },
    pages: { type: "boolean", default: false },
    whole: { type: "boolean", default: false },
    suggest: { type: "boolean", default: false },
  },
});

/** The answer's JSON text without the one field that differs between two asks. */
function withoutTiming(text: string): string {
  const answer = JSON.parse(text) as { tookMs?: number };
  delete answer.tookMs;
  return JSON.stringify(answer);
}

async function main() {
  if (!values.index || !values.a || !values.b) throw new Error("--index DIR --a URL --b URL");
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index), reader: true, waitForWriter: false });
  const articles = liveArticles(live.archive);
  const queries = latencyQueries(articles, Math.max(1, Number(values.every)));
  let same = 0;
  const differ: string[] = [];
  for (const q of queries) {
    for (const extra of ["", "&group=0", "&page=2"]) {
      const url = `/api/search?q=${encodeURIComponent(q)}${extra}`;
      const [a, b] = await Promise.all([values.a, values.b].map((base) => fetch(`${base}${url}`).then((r) => r.text())));
      if (withoutTiming(a) === withoutTiming(b)) same++;
      else differ.push(url);
    }
  }
  console.log(`${queries.length} queries × 3 requests: ${same} answers the same, ${differ.length} different`);
  for (const url of differ.slice(0, 5)) console.log(`  differs: ${decodeURIComponent(url)}`);
  const pagesDiffer = values.people ? await comparePeople(queries) : 0;
  const resultsDiffer = values.pages ? await compareResultsPages(queries) : 0;
  const suggestDiffer = values.suggest ? await compareSuggestions(articles) : 0;
  process.exitCode = differ.length || pagesDiffer || resultsDiffer || suggestDiffer ? 1 : 0;
}

/** Suggestions compared byte for byte (see `--suggest`); returns how many differ. */
async function compareSuggestions(articles: Article[]): Promise<number> {
  const named = new Map<string, number>();
  const outlets = new Set<string>();
  for (const a of articles) {
    for (const p of a.persons) named.set(p.name, (named.get(p.name) ?? 0) + 1);
    if (a.outlet) outlets.add(a.outlet.name);
  }
  const people = [...named].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 200);
  const texts = [...people.map(([name]) => name), ...outlets, ...articles.filter((_, i) => i % 50 === 0).map((a) => a.title.split(" ").slice(0, 3).join(" "))];
  const typed = new Set<string>();
  for (const text of texts) for (const form of [text, fold(text)]) for (let n = 1; n <= form.length; n++) typed.add(form.slice(0, n));
  const ask = (base: string, q: string) => fetch(`${base}/api/suggest?q=${encodeURIComponent(q)}`).then((r) => r.text());
  for (const base of [values.a!, values.b!]) {
    while ((JSON.parse(await ask(base, "th")) as { suggestions: unknown[] }).suggestions.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  const differ: string[] = [];
  let some = 0;
  for (const q of typed) {
    const [a, b] = await Promise.all([values.a!, values.b!].map((base) => ask(base, q)));
    if (a !== b) differ.push(q);
    if (a.includes('"text"')) some++;
  }
  console.log(`${typed.size} suggestion prefixes: ${typed.size - differ.length} answers the same (${some} with suggestions), ${differ.length} different`);
  for (const q of differ.slice(0, 5)) console.log(`  differs: /api/suggest?q=${q}`);
  return differ.length;
}

const TOGETHER = /data-testid="person-together"[\s\S]*?<\/ul>/;

/** The "people named together" list as sorted `id count` pairs. */
function together(html: string): string {
  const list = TOGETHER.exec(html)?.[0] ?? "";
  return [...list.matchAll(/href="\/people\/([^"]+)"[\s\S]*?>([\d.]+)(?:<!-- -->)? bài chung/g)]
    .map((m) => `${m[1]} ${m[2]}`)
    .sort()
    .join("\n");
}

/** Results pages compared as markup (see `--pages`); returns how many differ. */
async function compareResultsPages(queries: string[]): Promise<number> {
  const urls = ["/"];
  for (const q of queries) {
    const answer = (await (await fetch(`${values.a}/api/search?q=${encodeURIComponent(q)}`)).json()) as { facets: { persons: { id: string }[] } };
    const person = answer.facets.persons[0]?.id;
    const base = `/?q=${encodeURIComponent(q)}`;
    urls.push(base, `${base}&group=0`, `${base}&page=2`, ...(person ? [`${base}&person=${person}`] : []));
  }
  const differ: string[] = [];
  const comparable = async (r: Response) => {
    const html = await r.text();
    if (!values.whole) return comparableMarkup(html);
    const nonce = /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1] ?? "{none}";
    return comparableHtml(html, { nonce, requestId: r.headers.get("x-request-id") ?? "{none}" });
  };
  for (const url of urls) {
    const [a, b] = await Promise.all([values.a, values.b].map((base) => fetch(`${base}${url}`).then(comparable)));
    // Asked again of B: with kept pages, this one is sent from the page kept by the first.
    const again = values.whole ? await fetch(`${values.b}${url}`).then(comparable) : b;
    if (a !== b || a !== again) differ.push(url);
  }
  const as = values.whole ? "whole (scripts and payload; B asked twice)" : "markup";
  console.log(`${urls.length} results pages: ${urls.length - differ.length} the same as ${as}, ${differ.length} different`);
  for (const url of differ.slice(0, 5)) console.log(`  differs: ${decodeURIComponent(url)}`);
  return differ.length;
}

/** Person pages compared (see `--people`); returns how many differ beyond the together list's names. */
async function comparePeople(queries: string[]): Promise<number> {
  const ids = new Set<string>();
  for (const q of queries) {
    const answer = (await (await fetch(`${values.a}/api/search?q=${encodeURIComponent(q)}`)).json()) as { facets: { persons: { id: string }[] } };
    for (const p of answer.facets.persons.slice(0, 3)) ids.add(p.id);
  }
  let same = 0;
  let namesOnly = 0;
  const differ: string[] = [];
  for (const id of ids) {
    const [a, b] = await Promise.all(
      [values.a, values.b].map((base) => fetch(`${base}/people/${encodeURIComponent(id)}`).then(async (r) => comparableMarkup(await r.text()))),
    );
    if (a === b) same++;
    else if (a.replace(TOGETHER, "") === b.replace(TOGETHER, "") && together(a) === together(b)) namesOnly++;
    else differ.push(id);
  }
  console.log(`${ids.size} person pages: ${same} the same, ${namesOnly} differing only in the names of the people named together, ${differ.length} different`);
  for (const id of differ.slice(0, 5)) console.log(`  differs: /people/${id}`);
  return differ.length;
}

main();
