import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestErrorFields } from "@/lib/log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger(stream) };
}

describe("log", () => {
  it("writes one JSON object per event with its name, level and time", () => {
    const { lines, logger } = capture();
    logger.info({ event: "startup", articles: 5 }, "ready");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: "startup", articles: 5, msg: "ready", level: 30, name: "tim-tin" });
    expect(typeof lines[0].time).toBe("string");
  });

  it("logs a request error with the request id, the digest and the stack", () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error("boom"), { digest: "12345" });
    logger.error(requestErrorFields(error, { path: "/x?q=1", method: "GET", headers: { "x-request-id": "req-abcdef12" } }, "render"));
    expect(lines[0]).toMatchObject({ event: "error", requestId: "req-abcdef12", digest: "12345", path: "/x?q=1", routeType: "render" });
    expect((lines[0].err as { message: string; stack: string }).message).toBe("boom");
    expect((lines[0].err as { stack: string }).stack).toContain("Error: boom");
  });
});
