// What V8's optimising compiler did in one run: how many times each function was compiled by
// TurboFan and deoptimised, and why, read from the log of `node --trace-opt --trace-deopt`:
//   node --trace-opt --trace-deopt --import tsx scripts/people-bench.ts DIR --index --runs 1 \
//     --variants archive --threads 0 > /tmp/trace.log
//   npx tsx scripts/scale/opt-trace.ts /tmp/trace.log [--top 30]
// Counts do not depend on the machine's load, so they compare two trees on a busy machine: a
// function deoptimised for each new shape it meets (`wrong map`) is compiled again, in full
// and with what it inlines, on V8's helper threads (the compiling that people-bench.ts reads as
// "other live threads"). The milliseconds are the compiles' own phases as V8 logs them (wall
// time of a helper thread: inflated by load; read the counts).
import { readFileSync } from "node:fs";
import { cliArgs } from "../cli";
import { readOptTrace } from "./opt-trace-read";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: { top: { type: "string", default: "30" } },
});

function main() {
  if (!positionals[0]) throw new Error("the trace log is required (see --help)");
  const trace = readOptTrace(readFileSync(positionals[0], "utf8"));
  const rows = [...trace.functions].sort((a, b) => b[1].compiles - a[1].compiles || b[1].ms - a[1].ms).slice(0, Number(values.top));
  console.log(`${trace.compiles} compiles (${trace.ms.toFixed(0)} ms logged), ${trace.deopts} deoptimisations`);
  for (const [name, f] of rows) {
    const reasons = [...f.reasons].map(([r, n]) => `${n}× ${r}`).join(", ");
    console.log(
      `${String(f.compiles).padStart(5)} compiles ${f.ms.toFixed(0).padStart(7)} ms ${String(f.deopts).padStart(4)} deopts  ${name}${reasons ? `  (${reasons})` : ""}`,
    );
  }
}

main();
