// How the corpus writes numbers and codes (issue #9, rank21): a code's letters and digits
// joined (`U20`), hyphenated (`U-20`) or spaced (`U 20`), and a decimal with a comma (`2,5`,
// Vietnamese) or a point (`2.5`, English, or a day and month). The counts that decided the
// analyzer's reading of codes (analyzer.ts WORD) and query-expand.ts decimalSpellings.
//
//   npx tsx scripts/eval/number-spellings.ts --corpus=/work/shared/corpus/baomoi-2017.jsonl.gz [--top=15]
import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { loadJudged } from "./judged";
import { tuningSets } from "./tuning-sets";

/** A code: letters then digits, joined, with a hyphen or a space (`U20`, `Su-30`, `U 20`); the letters 1–6, the digits 1–4. */
const CODE = /(?<![\p{L}\p{M}\p{N}\-‐‑.,])(\p{L}{1,6})([-‐‑ ]?)(\p{Nd}{1,4})(?![\p{L}\p{M}\p{N}]|[.,/]\p{Nd})/gu;
/** A decimal: one separator and a fraction of other than three digits (three is a thousands group). */
const DECIMAL = /(?<![\p{N}.,/])(\p{Nd}{1,3})([.,])(\p{Nd}{1,2}|\p{Nd}{4,})(?![\p{N}]|[.,/]\p{Nd})/gu;

export type CodeForm = "joined" | "hyphen" | "space";

/** Each code in `text`, read as its folded key (`u20`) and how it is written. */
export function codes(text: string): { key: string; form: CodeForm }[] {
  const out: { key: string; form: CodeForm }[] = [];
  for (const m of text.matchAll(CODE)) {
    // A spaced pair is a code only when its letters are capitals (`U 20`), not a word and a number (`năm 20`).
    if (m[2] === " " && !/^\p{Lu}+$/u.test(m[1])) continue;
    out.push({ key: (m[1] + m[3]).toLowerCase(), form: m[2] === "" ? "joined" : m[2] === " " ? "space" : "hyphen" });
  }
  return out;
}

/** Each decimal in `text`, with its separator; `date` when the point reading could be a day and month. */
export function decimals(text: string): { sep: "," | "."; date: boolean }[] {
  return [...text.matchAll(DECIMAL)].map((m) => ({
    sep: m[2] as "," | ".",
    date: Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[3]) >= 1 && Number(m[3]) <= 12 && m[3].length <= 2,
  }));
}

async function main() {
  const { values: args } = parseArgs({
    options: { corpus: { type: "string", default: "/work/shared/corpus/baomoi-2017.jsonl.gz" }, top: { type: "string", default: "15" } },
  });
  const byKey = new Map<string, Record<CodeForm, number>>();
  const forms: Record<CodeForm, number> = { joined: 0, hyphen: 0, space: 0 };
  const dec = { comma: 0, point: 0, pointDate: 0, commaDate: 0 };
  let n = 0;
  const lines = createInterface({ input: createReadStream(args.corpus!).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { title?: string; body?: string };
    const text = `${a.title ?? ""}\n${a.body ?? ""}`;
    n++;
    for (const c of codes(text)) {
      forms[c.form]++;
      const k = byKey.get(c.key) ?? { joined: 0, hyphen: 0, space: 0 };
      k[c.form]++;
      byKey.set(c.key, k);
    }
    for (const d of decimals(text)) {
      const key = d.sep === "," ? (d.date ? "commaDate" : "comma") : d.date ? "pointDate" : "point";
      dec[key]++;
    }
  }
  console.log(`${n} articles`);
  console.log(`codes: joined ${forms.joined}, hyphen ${forms.hyphen}, space ${forms.space}`);
  const mixed = [...byKey].filter(([, k]) => [k.joined, k.hyphen, k.space].filter((x) => x > 0).length > 1);
  const other = (k: Record<CodeForm, number>) => k.joined + k.hyphen + k.space - Math.max(k.joined, k.hyphen, k.space);
  console.log(
    `codes written more than one way: ${mixed.length} of ${byKey.size}; occurrences in a code's less usual writing: ${mixed.reduce((s, [, k]) => s + other(k), 0)}`,
  );
  for (const [key, k] of mixed.sort((a, b) => other(b[1]) - other(a[1])).slice(0, Number(args.top)))
    console.log(`  ${key}: joined ${k.joined}, hyphen ${k.hyphen}, space ${k.space}`);
  console.log(
    `decimals: comma ${dec.comma + dec.commaDate} (of which could be a date with a point ${dec.commaDate}), point ${dec.point + dec.pointDate} (could be a day and month ${dec.pointDate})`,
  );
  const sets = tuningSets().map((s) => s.file);
  let queries = 0;
  const withNumber: string[] = [];
  for (const f of sets) {
    for (const q of loadJudged(path.resolve(__dirname, "../../data/eval", f)).queries) {
      queries++;
      if (/\p{Nd}/u.test(q.q)) withNumber.push(`${q.id} ${q.q}`);
    }
  }
  console.log(`tuning queries with a digit: ${withNumber.length} of ${queries}`);
  for (const q of withNumber) console.log(`  ${q}`);
}

if (require.main === module) void main();
