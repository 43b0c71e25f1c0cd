// Where a CPU profile's time went: self and inclusive time per function, from a
// `.cpuprofile` written by `node --cpu-prof` (e.g. one server process under autocannon):
//   npx tsx scripts/scale/cpu-summary.ts FILE.cpuprofile [--under NAME] [--top 30] [--match TEXT]
// `--under NAME`: only samples whose stack holds a function named NAME (e.g. GET, search);
// `--match TEXT`: only list functions whose name or file contains TEXT; `--last S`: only the
// profile's last S seconds (a server's load run, without its start and warm-up).
// Inclusive time counts a sample once per distinct function on its stack (recursion once).
import { readFileSync } from "node:fs";
import { cliArgs } from "../cli";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: { under: { type: "string" }, top: { type: "string", default: "30" }, match: { type: "string" }, last: { type: "string" } },
});

const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;
const parent = new Map<number, number>();
const byId = new Map<number, Node>();
for (const n of profile.nodes) {
  byId.set(n.id, n);
  for (const c of n.children ?? []) parent.set(c, n.id);
}
const label = (n: Node) => {
  const f = n.callFrame;
  const file = f.url.replace(/^.*\/(node_modules\/|\.next\/|lib\/|app\/)/, "$1");
  return `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let kept = 0;
const from = values.last ? profile.endTime - Number(values.last) * 1e6 : -Infinity;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i];
  // A sample's time: the gap to the next sample (the last one's is dropped).
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (at < from) continue;
  total += ms;
  const stack: Node[] = [];
  for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
  if (values.under && !stack.some((n) => n.callFrame.functionName === values.under)) continue;
  kept += ms;
  const top = stack[0];
  self.set(label(top), (self.get(label(top)) ?? 0) + ms);
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
console.log("\ninclusive time");
for (const [l, ms] of list(inclusive)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / kept).toFixed(1).padStart(5)}%  ${l}`);
