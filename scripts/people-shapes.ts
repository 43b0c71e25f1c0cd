// How many hidden classes (V8 maps) the person pass's candidates take, and the heap they hold
// (issue #16's build cost: optimised code that reads candidates deopts, "wrong map", whenever a
// candidate of a class it has not seen arrives, and is compiled again; cost33). Run as:
//   node --allow-natives-syntax --expose-gc --import tsx scripts/people-shapes.ts --corpus FILE.jsonl[.gz]
// Cleans every article (bench-articles.ts), finds its candidates (`findCandidates`) and keeps
// the ones the build holds for resolving (`candidatesToResolve`); prints each hidden class with
// how many candidates have it and its fields in order, whether their `words` arrays are packed
// or holey, and the heap the kept candidates hold after a full collection.
import { benchArticles } from "./bench-articles";
import { cliArgs } from "./cli";
import { type Candidate, candidatesToResolve, findCandidates } from "@/lib/corpus/people";

const { values } = cliArgs(__filename, { options: { corpus: { type: "string" } } });

// V8 intrinsics: need node's --allow-natives-syntax (a syntax error without it).
const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: unknown, b: unknown) => boolean;
const holey = new Function("a", "return %HasHoleyElements(a)") as (a: unknown) => boolean;
const gc = (globalThis as { gc?: () => void }).gc;
if (!values.corpus || !gc) throw new Error("usage: node --allow-natives-syntax --expose-gc --import tsx scripts/people-shapes.ts --corpus FILE");

const { texts } = benchArticles(values.corpus);
gc();
const before = process.memoryUsage().heapUsed;
const kept: Candidate[][] = texts.map((t) => candidatesToResolve(findCandidates(t)));
gc();
const heldMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;

const classes: { example: Candidate; count: number }[] = [];
let holeyWords = 0;
let n = 0;
for (const list of kept) {
  for (const m of list) {
    n++;
    if (holey(m.words)) holeyWords++;
    const c = classes.find((x) => sameMap(x.example, m));
    if (c) c.count++;
    else classes.push({ example: m, count: 1 });
  }
}
console.log(`articles ${texts.length}, candidates kept for resolving ${n}, node ${process.version}`);
console.log(`hidden classes: ${classes.length}`);
for (const c of classes.sort((a, b) => b.count - a.count)) console.log(`${String(c.count).padStart(8)}  ${Object.keys(c.example).join(",")}`);
console.log(`words arrays: ${n - holeyWords} packed, ${holeyWords} holey`);
console.log(`heap held by the kept candidates: ${heldMiB.toFixed(1)} MiB`);
