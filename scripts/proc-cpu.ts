// CPU time from Linux's /proc: the benchmarks' one reader of a process's or thread's `stat`.
import { readFileSync } from "node:fs";

/** User + system CPU seconds so far in a /proc `stat` file (`/proc/PID/stat` or `/proc/PID/task/TID/stat`; clock ticks of 10 ms). */
export function statCpuSeconds(file: string): number {
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
