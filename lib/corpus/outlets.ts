// The outlet that printed an article: the record's own field, its URL's host, or a layout
// fingerprint recognised in the page. No evidence, no outlet.
import outletsJson from "@/data/outlets.json";
import { foldMarks, slugify } from "@/lib/corpus/text";
import type { Entity } from "@/lib/corpus/types";

const BY_HOST: Record<string, Entity> = outletsJson;
const BY_ID = new Map<string, Entity>();
const BY_NAME = new Map<string, Entity>();
for (const [host, outlet] of Object.entries(BY_HOST)) {
  BY_ID.set(outlet.id, outlet);
  BY_NAME.set(foldMarks(outlet.name).replace(/[^a-z0-9]/g, ""), outlet);
  BY_NAME.set(foldMarks(host).replace(/[^a-z0-9]/g, ""), outlet);
}

export interface OutletResult {
  outlet: Entity | null;
  /** Provenance: "record", "url:<host>", "layout: <evidence>", "none". */
  how: string;
}

/** An outlet from a URL's host (subdomains included: m.vnexpress.net → VnExpress). */
export function outletFromUrl(url: string): { outlet: Entity; host: string } | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  for (let h = host; h.includes("."); h = h.slice(h.indexOf(".") + 1)) {
    const outlet = BY_HOST[h];
    if (outlet) return { outlet, host: h };
  }
  return null;
}

/** A record's outlet name, matched to the table when it names a known outlet. */
export function outletFromName(name: string): Entity {
  const key = foldMarks(name).replace(/[^a-z0-9]/g, "");
  return BY_NAME.get(key) ?? { id: slugify(name), name: name.trim() };
}

interface Fingerprint {
  outletId: string;
  evidence: string;
  test: (lines: string[]) => boolean;
}

const has = (lines: string[], re: RegExp) => lines.some((l) => re.test(l));

/** Layouts that identify an outlet in any page, not just the seeds. */
const FINGERPRINTS: Fingerprint[] = [
  {
    outletId: "bao-the-gioi-viet-nam",
    evidence: "'Nhỏ Bình thường Lớn' font-size widget with 'Tin liên quan' block or '(Nguồn: …)' caption",
    test: (lines) => has(lines, /^Nhỏ\s+Bình thường\s+Lớn$/iu) && (has(lines, /^Tin liên quan$/iu) || has(lines, /\(Nguồn: [^)]{1,40}\)$/u)),
  },
  {
    outletId: "dan-tri",
    evidence: "photo caption with the credit in parentheses before the final period, '(Ảnh: Reuters).'",
    test: (lines) => lines.slice(0, 3).some((l) => l.length < 300 && /\s\(Ảnh: [^()]{1,40}\)\.$/u.test(l)),
  },
];

export function outletFromLayout(lines: string[]): { outlet: Entity; evidence: string } | null {
  for (const f of FINGERPRINTS) {
    const outlet = BY_ID.get(f.outletId);
    if (outlet && f.test(lines)) return { outlet, evidence: f.evidence };
  }
  return null;
}

/** `lines`: the page's tidied lines, chrome included (fingerprints live in the chrome). */
export function findOutlet(raw: { outlet: string | null; url: string | null }, lines: string[]): OutletResult {
  if (raw.outlet) return { outlet: outletFromName(raw.outlet), how: "record" };
  const fromUrl = raw.url ? outletFromUrl(raw.url) : null;
  if (fromUrl) return { outlet: fromUrl.outlet, how: `url:${fromUrl.host}` };
  const layout = outletFromLayout(lines);
  if (layout) return { outlet: layout.outlet, how: `layout: ${layout.evidence}` };
  return { outlet: null, how: "none" };
}
