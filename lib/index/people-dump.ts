// Every article's people as an index holds them, as text that two builds of one corpus can
// compare byte for byte (scripts/people-dump.ts): the issue #16 cost work must keep them.
import type { Segment } from "@/lib/index/segment";

/**
 * One JSON line per live article of `segments`: its id, the people its stored article shows
 * (`persons`, id and name) and the person facet's ids in the segment's columns, sorted by id
 * (then by file and line, for an id two files share), so the order of segments and of the
 * analysis threads does not matter.
 */
export function peopleDumpLines(segments: readonly Segment[]): string[] {
  const rows: { id: string; at: string; line: string }[] = [];
  for (const seg of segments) {
    const { cols } = seg;
    for (let d = 0; d < seg.gone.length; d++) {
      if (seg.gone[d]) continue;
      const article = seg.store.get(d);
      const facet: string[] = [];
      for (let k = cols.personStart[d]; k < cols.personStart[d + 1]; k++) facet.push(cols.dicts.persons[cols.personVals[k]].id);
      const at = `${cols.dicts.files[cols.file[d]]}:${cols.line[d]}`;
      rows.push({ id: article.id, at, line: JSON.stringify({ id: article.id, at, persons: article.persons.map((p) => [p.id, p.name]), facet }) });
    }
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return rows.map((r) => r.line);
}

/** How many lines of two dumps differ (an article missing from either counts), and the first few, as "OLD → NEW". */
export function dumpDifferences(oldDump: string, newDump: string, show = 5): { changed: number; first: string[] } {
  const byKey = (dump: string) => {
    const out = new Map<string, string>();
    for (const line of dump.split("\n")) {
      if (!line) continue;
      const { id, at } = JSON.parse(line) as { id: string; at: string };
      out.set(`${id} ${at}`, line);
    }
    return out;
  };
  const a = byKey(oldDump);
  const b = byKey(newDump);
  let changed = 0;
  const first: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x === y) continue;
    changed++;
    if (first.length < show) first.push(`${x ?? "(none)"} → ${y ?? "(none)"}`);
  }
  return { changed, first };
}
