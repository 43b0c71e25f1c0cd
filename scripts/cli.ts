// Command-line arguments for the repo's scripts: node:util parseArgs, plus the two things it
// lacks. `--help` prints the script's header comment (its usage, written once, at the top of
// the file) and the options with their defaults; a wrong option prints one line and a hint
// instead of a stack trace, and exits with status 2.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

export type CliOutcome<T extends ParseArgsConfig> =
  { kind: "ok"; parsed: ReturnType<typeof parseArgs<T>> } | { kind: "help"; text: string } | { kind: "error"; text: string };

/** Parse `config.args` (default: the process's arguments) without side effects. */
export function readCli<T extends ParseArgsConfig>(scriptName: string, header: string, config: T): CliOutcome<T> {
  const argv = config.args ?? process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help", text: helpText(header, config) };
  try {
    return { kind: "ok", parsed: parseArgs<T>({ ...config, args: argv }) };
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw e;
    return { kind: "error", text: `${scriptName}: ${(e as Error).message}\nRun it with --help for its usage.` };
  }
}

/** The leading `//` comment block of a source file, without the comment marks. */
export function headerComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("//")) break;
    lines.push(line.replace(/^\/\/ ?/, ""));
  }
  return lines.join("\n");
}

export function helpText(header: string, config: ParseArgsConfig): string {
  const options = Object.entries(config.options ?? {}).map(([name, o]) => {
    const value = o.type === "string" ? " <value>" : "";
    const fallback = o.default === undefined ? "" : ` (default: ${JSON.stringify(o.default)})`;
    return `  --${name}${value}${o.multiple ? " (repeatable)" : ""}${fallback}`;
  });
  return [header.trim(), "", "Options:", ...options, "  --help"].join("\n") + "\n";
}

/** parseArgs for a script: pass its `__filename`. Prints help or a one-line error and exits. */
export function cliArgs<T extends ParseArgsConfig>(scriptFile: string, config: T): ReturnType<typeof parseArgs<T>> {
  const outcome = readCli(path.basename(scriptFile), headerComment(readFileSync(scriptFile, "utf8")), config);
  if (outcome.kind === "ok") return outcome.parsed;
  (outcome.kind === "help" ? process.stdout : process.stderr).write(outcome.text + (outcome.kind === "error" ? "\n" : ""));
  process.exit(outcome.kind === "help" ? 0 : 2);
}
