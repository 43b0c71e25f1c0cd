import { describe, expect, it } from "vitest";
import { headerComment, helpText, readCli } from "./cli";

const source = "// Build the index.\n//   npm run index [-- --corpus DIR]\n//\n// Notes.\nimport x from 'y';\n// not header\n";
const config = { options: { corpus: { type: "string" }, runs: { type: "string", default: "3" }, cache: { type: "boolean", default: false } } } as const;

describe("cli", () => {
  it("takes the leading comment block as the usage, and stops at the first code line", () => {
    expect(headerComment(source)).toBe("Build the index.\n  npm run index [-- --corpus DIR]\n\nNotes.");
  });

  it("lists every option with its default in the help", () => {
    const text = helpText("Usage.", config);
    expect(text).toContain("--corpus <value>\n");
    expect(text).toContain('--runs <value> (default: "3")');
    expect(text).toContain("--cache (default: false)");
  });

  it("answers --help and -h with the help text instead of parsing", () => {
    for (const flag of ["--help", "-h"]) {
      const out = readCli("index.ts", "Usage.", { ...config, args: ["--corpus", "x", flag] });
      expect(out.kind).toBe("help");
    }
  });

  it("turns an unknown option into a one-line error naming it and the script", () => {
    const out = readCli("index.ts", "Usage.", { ...config, args: ["--corpsu", "x"] });
    expect(out.kind).toBe("error");
    if (out.kind === "error") expect(out.text).toMatch(/^index\.ts: .*--corpsu.*\nRun it with --help/);
  });

  it("parses valid arguments as parseArgs does", () => {
    const out = readCli("index.ts", "Usage.", { ...config, args: ["--corpus", "x", "--cache"] });
    expect(out.kind === "ok" && out.parsed.values).toEqual({ corpus: "x", runs: "3", cache: true });
  });
});
