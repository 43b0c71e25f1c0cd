// The JavaScript a page ships, gzipped: Next's root chunks plus the page's and layout's
// client entry chunks, read from the build. Usage: `npx tsx scripts/js-size.ts [route]`
// after `npm run build` (route defaults to "/page"; e.g. "/articles/[id]/page").
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { cliArgs } from "./cli";

const NEXT = join(process.cwd(), ".next");
const route = cliArgs(__filename, { allowPositionals: true, options: {} }).positionals[0] ?? "/page";
if (!existsSync(join(NEXT, "build-manifest.json"))) {
  console.error("js-size.ts: no build in .next/: run `npm run build` first.");
  process.exit(1);
}

const build = JSON.parse(readFileSync(join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const manifestFile = join(NEXT, "server", "app", `${route}_client-reference-manifest.js`);
const holder = globalThis as unknown as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
holder.__RSC_MANIFEST = {};
// The manifest is a script that assigns itself to a global.
new Function(readFileSync(manifestFile, "utf8"))();
const entries = holder.__RSC_MANIFEST[route]?.entryJSFiles ?? {};
const pageEntry = `[project]/app${route.replace(/\/page$/, "")}/page`;
const files = new Set([...build.rootMainFiles, ...(entries["[project]/app/layout"] ?? []), ...(entries[pageEntry] ?? [])]);

let raw = 0;
let gz = 0;
for (const file of files) {
  const bytes = readFileSync(join(NEXT, file));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${route}: ${files.size} files, ${kb(raw)} raw, ${kb(gz)} gzipped`);
