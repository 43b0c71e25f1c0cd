import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * A corpus directory full of faults, written into `root/corpus` (with files outside it
 * in `root/outside` for links to point at). Used by the loader's unit tests and by the
 * browser tests that serve it. Returns what a correct loader serves and reports.
 */
export async function writeFaultCorpus(root: string): Promise<FaultCorpus> {
  const dir = path.join(root, "corpus");
  const outside = path.join(root, "outside");
  await mkdir(path.join(dir, "sub"), { recursive: true });
  await mkdir(outside, { recursive: true });
  const put = (name: string, data: string | Buffer) => writeFile(path.join(dir, name), data);
  const rec = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id, title: `Bài hợp lệ ${id}`, body: `Nội dung của bài ${id}: một đoạn văn đủ dài để được giữ lại.`, ...extra });
  const page = (word: string) => `Tiêu đề trang ${word}\n\nMột đoạn văn của trang ${word}, viết bằng tiếng Việt có dấu.`;

  // jsonl: good lines around broken JSON, wrong field types and invalid UTF-8 bytes.
  await put(
    "mixed.jsonl",
    Buffer.concat([
      Buffer.from(`${rec("j1")}\n{"id": "x", "title": \n${rec("j2")}\n`),
      Buffer.from(`{"id": ["j9"], "title": 5, "body": {"text": "x"}}\n{"id": "j8", "title": "T", "body": 42}\n`),
      Buffer.from(`{"id": "j7", "title": "Bad bytes `),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(`", "body": "x"}\n\n${rec("j3", { date: "2025-13-45", extra: [1, 2] })}\n${rec("j4")}`),
    ]),
  );
  // A 10 MB article between two good ones; the loader reports its size and never holds it whole.
  const huge = "Lorem ipsum dolor sit amet. ".repeat(Math.ceil((10 * 2 ** 20) / 28));
  await put("big.jsonl", `${rec("b1")}\n${JSON.stringify({ id: "b-huge", title: "Quá lớn", body: huge })}\n${rec("b2")}\n`);
  await put("huge.txt", huge);
  // gzip: a good one, a truncated one, and one that is not gzip at all.
  await put("good.jsonl.gz", gzipSync(`${rec("g1")}\n${rec("g2")}\n`));
  const whole = gzipSync(Array.from({ length: 400 }, (_, i) => rec(`t${i}`)).join("\n"));
  await put("truncated.jsonl.gz", whole.subarray(0, Math.floor(whole.length / 2)));
  await put("not-gzip.jsonl.gz", "this is plain text, not gzip\n");
  // .txt: binary, empty, not UTF-8, and names with Vietnamese letters and spaces.
  await put("binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  await put("empty.txt", "");
  await put("latin1.txt", Buffer.from("Ti\xeau \xf0\xe8 b\xe0i vi\xeat\n\nM\xf4t \xf0o\xe2n v\xe3n.", "latin1"));
  await put("bài viết số 1.txt", page("một"));
  await put("Hà Nội mới.txt".normalize("NFD"), page("hai"));
  await put("sub/trang con.txt", page("ba"));
  // Links: inside (followed), outside (refused), a loop, a dangling one, linked directories.
  await put("trang-tot.txt", page("bốn"));
  await writeFile(path.join(outside, "secret.txt"), page("bí mật"));
  await mkdir(path.join(outside, "dir"), { recursive: true });
  await writeFile(path.join(outside, "dir", "hidden.txt"), page("ẩn"));
  await symlink("trang-tot.txt", path.join(dir, "link-inside.txt"));
  await symlink(path.join(outside, "secret.txt"), path.join(dir, "link-outside.txt"));
  await symlink("../../outside/secret.txt", path.join(dir, "sub", "dotdot.txt"));
  await symlink("loop-b.txt", path.join(dir, "loop-a.txt"));
  await symlink("loop-a.txt", path.join(dir, "loop-b.txt"));
  await symlink("missing.txt", path.join(dir, "dangling.txt"));
  await symlink(path.join(outside, "dir"), path.join(dir, "linked-dir"));
  await symlink(".", path.join(dir, "sub", "self"));
  await symlink("sub", path.join(dir, "dir-named.txt"));

  return {
    dir,
    served: ["j1", "j2", "j3", "j4", "b1", "b2", "g1", "g2", "bài viết số 1", "Hà Nội mới", "trang con", "trang-tot", "link-inside"],
    neverServed: ["b-huge", "huge", "secret", "dotdot", "hidden", "link-outside", "j7", "j8", "j9", "binary", "latin1"],
    reported: [
      { source: "mixed.jsonl:2", reason: /not valid JSON/ },
      { source: "mixed.jsonl:4", reason: /invalid record/ },
      { source: "mixed.jsonl:5", reason: /invalid record: body/ },
      { source: "mixed.jsonl:6", reason: /invalid UTF-8/ },
      { source: "big.jsonl:2", reason: /line too large: \d+ bytes/ },
      { source: "huge.txt", reason: /too large/ },
      { source: "truncated.jsonl.gz", reason: /truncated gzip/ },
      { source: "not-gzip.jsonl.gz", reason: /not gzip/ },
      { source: "binary.txt", reason: /binary/ },
      { source: "empty.txt", reason: /empty article/ },
      { source: "latin1.txt", reason: /not UTF-8/ },
      { source: "link-outside.txt", reason: /outside the corpus directory/ },
      { source: path.join("sub", "dotdot.txt"), reason: /outside the corpus directory/ },
      { source: "loop-a.txt", reason: /loop/ },
      { source: "loop-b.txt", reason: /loop/ },
      { source: "dangling.txt", reason: /missing file/ },
      { source: "dir-named.txt", reason: /not a regular file/ },
    ],
  };
}

export interface FaultCorpus {
  /** The corpus directory to serve. */
  dir: string;
  /** Ids of the good articles, every one of which must be served. */
  served: string[];
  /** Ids (or file-name ids) that must not be served. */
  neverServed: string[];
  /** Sources that must be listed as skipped, with the reason's gist. */
  reported: { source: string; reason: RegExp }[];
}
