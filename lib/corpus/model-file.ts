// Learned models ship as JSON files under data/, read at run time from the project root.
import { existsSync, readFileSync } from "node:fs";

/**
 * A reader of a model file (JSON), null when the file is missing; the default file is read
 * once per process, another file each time it is asked for.
 */
export function modelReader<T>(defaultFile: string): (file?: string) => T | null {
  let cached: T | null | undefined;
  return (file = defaultFile) => {
    if (cached !== undefined && file === defaultFile) return cached;
    const model = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
    if (file === defaultFile) cached = model;
    return model;
  };
}
