// CPU time from Linux's /proc: the benchmarks' one reader of a process's or thread's `stat`.
import { readdirSync, readFileSync } from "node:fs";

/** User + system CPU seconds so far in a /proc `stat` file (`/proc/PID/stat` or `/proc/PID/task/TID/stat`; clock ticks of 10 ms). */
export function statCpuSeconds(file: string): number {
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds so far of this process's live threads other than the main one (`/proc/self/task`):
 * V8's helpers (garbage collection, compiling), the thread pool (zlib) and any live workers.
 * Every thread is named "node", so they cannot be told apart here. NaN off Linux.
 */
export function otherThreadsCpu(): number {
  let sum = 0;
  for (const [tid, s] of threadsCpu()) if (tid !== process.pid) sum += s;
  return readable() ? sum : NaN;
}

/** CPU seconds so far of each live thread of this process, by thread id (empty off Linux). */
export function threadsCpu(): Map<number, number> {
  const out = new Map<number, number>();
  if (!readable()) return out;
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      out.set(Number(tid), statCpuSeconds(`/proc/self/task/${tid}/stat`));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

function readable(): boolean {
  try {
    readdirSync("/proc/self/task");
    return true;
  } catch {
    return false;
  }
}
