// The parsing of scripts/scale/opt-trace.ts: V8's --trace-opt / --trace-deopt lines, by function.

export interface FunctionOpt {
  compiles: number;
  /** The logged phases of its compiles, summed (milliseconds). */
  ms: number;
  deopts: number;
  /** Deoptimisations by V8's reason ("wrong map", "Insufficient type feedback for call"). */
  reasons: Map<string, number>;
}

export interface OptTrace {
  compiles: number;
  ms: number;
  deopts: number;
  functions: Map<string, FunctionOpt>;
}

// "[completed compiling 0x… <JSFunction segment (sfi = 0x…)> (target TURBOFAN) - took 0.010, 1.664, 0.028 ms]"
const COMPILED = /^\[completed compiling 0x[0-9a-f]+ <JSFunction ?(.*?) ?\(sfi[^>]*> \(target [A-Z]+\) - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]/;
// "[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x… <JSFunction segment (sfi = 0x…)>, …"
const DEOPT = /^\[bailout \(kind: [^,]+, reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ?(.*?) ?\(sfi/;

/** Every function's compiles and deoptimisations in a log of `node --trace-opt --trace-deopt`; other lines are skipped. */
export function readOptTrace(log: string): OptTrace {
  const out: OptTrace = { compiles: 0, ms: 0, deopts: 0, functions: new Map() };
  const of = (name: string) => {
    let f = out.functions.get(name);
    if (!f) out.functions.set(name, (f = { compiles: 0, ms: 0, deopts: 0, reasons: new Map() }));
    return f;
  };
  for (const line of log.split("\n")) {
    const c = COMPILED.exec(line);
    if (c) {
      const ms = Number(c[2]) + Number(c[3]) + Number(c[4]);
      const f = of(c[1] || "(anonymous)");
      f.compiles++;
      f.ms += ms;
      out.compiles++;
      out.ms += ms;
      continue;
    }
    const d = DEOPT.exec(line);
    if (d) {
      const f = of(d[2] || "(anonymous)");
      f.deopts++;
      f.reasons.set(d[1], (f.reasons.get(d[1]) ?? 0) + 1);
      out.deopts++;
    }
  }
  return out;
}
