import path from "node:path";
import { readFileSync } from "node:fs";
import { LiveIndex } from "@/lib/index/live-index";
import { parseQuery } from "@/lib/search/query-parse";
import { slugify } from "@/lib/corpus/text";
async function main() {
  const live = await LiveIndex.open({ corpusDir: "/work/shared/corpus", indexDir: "/tmp/s16/i35-final", reader: true, waitForWriter: false });
  const persons = new Set<string>();
  for (const seg of live.archive.segments) for (const p of seg.cols.dicts.persons) persons.add(p.id);
  const files = ["data/eval/judged-queries.json", ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `data/eval/judged-heldout${i}.json`)];
  for (const f of files)
    for (const q of JSON.parse(readFileSync(f, "utf8")).queries) {
      const ws = parseQuery(q.q).words;
      const found: string[] = [];
      for (let i = 0; i < ws.length; i++)
        for (let j = i + 2; j <= ws.length; j++) {
          const s = slugify(ws.slice(i, j).map((w) => w.text).join(" "));
          if (persons.has(s)) found.push(s + (ws.slice(i, j).every((w) => /^\p{Lu}/u.test(w.text)) ? "(CAP)" : ""));
        }
      if (found.length) console.log(path.basename(f), q.id, q.q, "=>", found.join(" "));
    }
  process.exit(0);
}
main();
