// What the first update after a restart spends decoding the saved people evidence (people.bin):
//   node --expose-gc --import tsx scripts/scale/evidence-decode.ts --index COPY --corpus DIR [--runs 3]
// Opens the index (a copy: an open may write into it, and an index of another analyzer is
// rebuilt) --runs times, and prints the CPU time of LiveIndex.decodeEvidence and the heap it
// keeps (after a collection, with --expose-gc).
import { loadavg } from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { median } from "../eval/metrics";

const { values } = cliArgs(__filename, {
  options: { index: { type: "string" }, corpus: { type: "string" }, runs: { type: "string", default: "3" } },
});
if (!values.index || !values.corpus) throw new Error("--index COPY and --corpus DIR are required");
const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main() {
  console.log(`index ${path.resolve(values.index!)}; load average ${loadAverage()}`);
  const cpus: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const index = await LiveIndex.open({ corpusDir: values.corpus!, indexDir: values.index! });
    gc();
    const heap = process.memoryUsage().heapUsed;
    const cpu = process.cpuUsage();
    index.decodeEvidence();
    const used = process.cpuUsage(cpu);
    gc();
    const kept = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
    cpus.push((used.user + used.system) / 1000);
    console.log(`run ${run + 1}: ${cpus.at(-1)!.toFixed(0)} ms CPU, heap kept +${kept.toFixed(1)} MiB`);
    await index.close();
  }
  console.log(`median ${median(cpus).toFixed(0)} ms CPU; load average ${loadAverage()}`);
}
void main();
