// Where a CPU profile's time went: self and inclusive time per function, from a
// `.cpuprofile` written by `node --cpu-prof` (e.g. one server process under autocannon):
//   npx tsx scripts/scale/cpu-summary.ts FILE.cpuprofile [--under NAME] [--top 30] [--match TEXT]
// `--under NAME`: only samples whose stack holds a function named NAME (e.g. GET, search);
// `--match TEXT`: only list functions whose name or file contains TEXT; `--last S`: only the
// profile's last S seconds (a server's load run, without its start and warm-up).
// Inclusive time counts a sample once per distinct function on its stack (recursion once).
// `--lines N`: also the N source lines with the most self samples (V8's line ticks, with the
// line's text; `--under` applies, `--last` does not: line ticks carry no time). `--sources`: name
// each function of a built bundle (`.next/server/chunks/…`) by its source file and line through the
// bundle's source map, and add self time by source file (the server of `npm run build` is minified:
// without maps its functions read `a`, `L`, `(anonymous)` in one chunk). `--line-functions` (with
// `--lines`): the line ticks also summed by the function whose text holds each line (the nearest
// `function NAME(` or method `NAME(…) {` above it in the file), so code V8 inlined into its caller
// counts where it is written, not in the caller's frame. Under tsx every
// line of a module is line 2 (each file is compiled to one line), so for lines profile a bundle:
//   npx esbuild scripts/scale/query-profile.ts --bundle --platform=node --format=cjs \
//     --external:@riaskov/mmap-io --outfile=/tmp/qp.js   # run from the project directory
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/qp.js --index DIR --every 8 --only match --clock cpu
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cliArgs } from "../cli";
import { type ProfileNode as Node, readProfile, samplesOf, SourceMaps } from "./cpu-profile";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    under: { type: "string" },
    top: { type: "string", default: "30" },
    match: { type: "string" },
    last: { type: "string" },
    lines: { type: "string", default: "0" },
    sources: { type: "boolean", default: false },
    "line-functions": { type: "boolean", default: false },
  },
});

const { profile, byId, parent } = readProfile(positionals[0]);
const shortName = (url: string) => url.replace(/^.*\/(node_modules\/|\.next\/|lib\/|app\/|components\/)/, "$1");
const maps = new SourceMaps();
/** A frame's source file and line: through the bundle's source map with --sources, else the file's own. */
const where = (n: Node): { file: string; line: number } => {
  const f = n.callFrame;
  const mapped = values.sources ? maps.original(f.url, f.lineNumber, f.columnNumber ?? 0) : null;
  return mapped ? { file: shortName(mapped.source), line: mapped.line } : { file: shortName(f.url) || "(native)", line: f.lineNumber + 1 };
};
const labels = new Map<Node, string>();
const label = (n: Node) => {
  let l = labels.get(n);
  if (l === undefined) {
    const { file, line } = where(n);
    labels.set(n, (l = `${n.callFrame.functionName || "(anonymous)"} ${file}:${line}`));
  }
  return l;
};
const bySource = new Map<string, number>();

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let kept = 0;
for (const { ms, ids } of samplesOf(profile, parent, Number(values.last) || undefined)) {
  total += ms;
  const stack = ids.map((id) => byId.get(id)!);
  if (values.under && !stack.some((n) => n.callFrame.functionName === values.under)) continue;
  kept += ms;
  const top = stack[0];
  self.set(label(top), (self.get(label(top)) ?? 0) + ms);
  if (values.sources) bySource.set(where(top).file, (bySource.get(where(top).file) ?? 0) + ms);
  for (const l of new Set(stack.map(label))) inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
}

const top = Number(values.top);
const list = (m: Map<string, number>) =>
  [...m]
    .filter(([l]) => !values.match || l.includes(values.match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
console.log(
  `profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, sampled ${(total / 1000).toFixed(2)} s${values.last ? ` (the last ${values.last} s)` : ""}${values.under ? `, under ${values.under}: ${(kept / 1000).toFixed(2)} s` : ""}`,
);
console.log("\nself time");
for (const [l, ms] of list(self)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / kept).toFixed(1).padStart(5)}%  ${l}`);
if (values.sources) {
  console.log("\nself time by source file");
  for (const [l, ms] of list(bySource)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / kept).toFixed(1).padStart(5)}%  ${l}`);
}
console.log("\ninclusive time");
for (const [l, ms] of list(inclusive)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / kept).toFixed(1).padStart(5)}%  ${l}`);

if (Number(values.lines) > 0) printLines(Number(values.lines));

/** The source lines with the most self samples (positionTicks), under `--under` if given. */
function printLines(n: number) {
  const isUnder = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === values.under) return true;
    return false;
  };
  const ticks = new Map<string, { ticks: number; url: string; line: number; fn: string }>();
  let all = 0;
  for (const node of profile.nodes) {
    if (values.under && !isUnder(node.id)) continue;
    for (const t of node.positionTicks ?? []) {
      all += t.ticks;
      const key = `${node.callFrame.url}:${t.line}`;
      const entry = ticks.get(key) ?? { ticks: 0, url: node.callFrame.url, line: t.line, fn: node.callFrame.functionName || "(anonymous)" };
      entry.ticks += t.ticks;
      ticks.set(key, entry);
    }
  }
  const sources = new Map<string, string[]>();
  const text = (url: string, line: number) => {
    if (!sources.has(url)) {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      sources.set(url, file && existsSync(file) ? readFileSync(file, "utf8").split("\n") : []);
    }
    return (sources.get(url)![line - 1] ?? "").trim().slice(0, 100);
  };
  console.log(`\nlines (${all} line ticks${values.under ? ` under ${values.under}` : ""})`);
  const sorted = [...ticks.values()].sort((a, b) => b.ticks - a.ticks).slice(0, n);
  for (const e of sorted) console.log(`${((100 * e.ticks) / all).toFixed(1).padStart(5)}%  ${e.fn} :${e.line}  ${text(e.url, e.line)}`);
  if (!values["line-functions"]) return;
  // The function a line is written in: the nearest line at or above it that opens one.
  const opens = /^\s*(?:(?:export\s+)?(?:async\s+)?function\*?\s+([\w$]+)\s*\(|(?:get\s+|async\s+)?([\w$]+)\s*\([^)]*\)\s*(?::[^={]+)?\{\s*$)/;
  const written = new Map<string, number>();
  for (const e of ticks.values()) {
    text(e.url, e.line);
    const lines = sources.get(e.url)!;
    let name = "(unknown)";
    for (let i = e.line - 1; i >= 0; i--) {
      const m = opens.exec(lines[i] ?? "");
      if (m && !["if", "for", "while", "switch", "catch"].includes(m[1] ?? m[2])) {
        name = `${m[1] ?? m[2]} :${i + 1}`;
        break;
      }
    }
    written.set(name, (written.get(name) ?? 0) + e.ticks);
  }
  console.log(`\nline ticks by the function each line is written in`);
  for (const [name, t] of [...written].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * t) / all).toFixed(1).padStart(5)}%  ${name}`);
}
