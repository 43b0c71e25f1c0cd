// Every relative link in README.md and docs/**/*.md points to a file that exists and, with an
// anchor, to a heading of that file (GitHub's slugs). Run by `npx vitest run`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { headings, relativeLinks } from "../lib/docs/markdown-links";

const root = resolve(__dirname, "..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

/** "file:line → target (why)" for each link of `files` that does not resolve. */
function brokenLinks(files: string[]): string[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let set = anchors.get(file);
    if (!set) {
      set = new Set(headings(readFileSync(file, "utf8")).map((h) => h.slug));
      anchors.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  for (const file of files) {
    for (const link of relativeLinks(readFileSync(file, "utf8"))) {
      const target = link.path === "" ? file : resolve(dirname(file), link.path);
      const where = `${relative(root, file)}:${link.line} → ${link.path}${link.anchor ? `#${link.anchor}` : ""}`;
      if (!existsSync(target)) broken.push(`${where} (no such file)`);
      else if (link.anchor && target.endsWith(".md") && !anchorsOf(target).has(link.anchor)) broken.push(`${where} (no such heading)`);
    }
  }
  return broken;
}

describe("docs links", () => {
  it("every relative link in README.md and docs/ resolves", () => {
    const files = [join(root, "README.md"), ...markdownFiles(join(root, "docs"))];
    expect(brokenLinks(files)).toEqual([]);
  });
});
