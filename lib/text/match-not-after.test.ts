// matchesNotAfter against the lookbehind it replaces, on texts built to put letters, digits,
// astral letters and lone surrogates right before possible matches.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import sourcesJson from "@/data/sources.json";
import { matchesNotAfter } from "@/lib/text/match-not-after";

// The agency names of sources.ts, longest first.
const ALIASES = [...new Set(sourcesJson.flatMap((s) => s.aliases))].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const found = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, ...m]);

describe("matchesNotAfter", () => {
  const cases: { name: string; body: string; flags: string; notAfter: string; pieces: string[] }[] = [
    {
      name: "case-insensitive words and a date",
      body: "(ngày|hôm nay|hôm|sáng)\\s*(\\d{1,2})/(\\d{1,2})",
      flags: "giu",
      notAfter: "\\p{L}",
      pieces: ["ngày", "NGÀY", "hôm nay", "Hôm", "sáng", " ", "3/7", "12/10", "x", "Á", "𝐀", "\ud835", "7", "(", "-"],
    },
    {
      name: "agency names (sources.ts)",
      body: `(${ALIASES.map(escape).join("|")})(?![\\p{L}\\p{N}])`,
      flags: "gu",
      notAfter: "[\\p{L}\\p{N}]",
      pieces: [...ALIASES, "News", " ", "x", "7", "٣", "𝐀", "😀", "\udc00", "("],
    },
  ];
  for (const c of cases) {
    it(`finds what the lookbehind regex finds: ${c.name}`, () => {
      const plain = new RegExp(c.body, c.flags);
      const reference = new RegExp(`(?<!${c.notAfter})${c.body}`, c.flags);
      const notAfter = new RegExp(`^${c.notAfter}$`, "u");
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...c.pieces), { maxLength: 30 }), (parts) => {
          const text = parts.join("");
          expect(found(matchesNotAfter(plain, text, notAfter))).toEqual(found(text.matchAll(reference)));
        }),
        { numRuns: 1000 },
      );
    });
  }
});
