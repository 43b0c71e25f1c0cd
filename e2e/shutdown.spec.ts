import net from "node:net";
import { expect, test } from "@playwright/test";
import { startServer } from "./own-server";

// `next start` handles SIGTERM itself: it stops accepting connections, lets the requests
// in flight finish, then exits (143). Checked on the built server with real requests.

interface Answer {
  status: number;
  complete: boolean;
  endedAfterSignal: boolean;
}

test("SIGTERM lets every request in flight finish, then the server exits", async () => {
  test.setTimeout(180_000); // a cold start on a busy machine; a wait, not a limit on speed
  const server = await startServer("seeds");
  const { port, hostname } = new URL(server.base);
  let signalled = false;

  // Connect every socket first, then send every request, so all are accepted and in flight.
  const sockets = await Promise.all(
    Array.from({ length: 16 }, () => new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(Number(port), hostname, () => resolve(s));
      s.once("error", reject);
    })),
  );
  let firstByte: () => void;
  const firstResponse = new Promise<void>((r) => (firstByte = r));
  const answers = sockets.map(
    (s, i) =>
      new Promise<Answer>((resolve) => {
        const chunks: Buffer[] = [];
        s.on("data", (c: Buffer) => {
          chunks.push(c);
          firstByte();
        });
        s.on("error", () => {});
        s.on("close", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), complete: text.includes("</html>"), endedAfterSignal: signalled });
        });
        s.write(`GET /?q=Alaska&page=1&n=${i} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
      }),
  );

  await firstResponse;
  signalled = true;
  server.proc.kill("SIGTERM");
  const results = await Promise.all(answers);
  const code = await server.exited;

  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
  expect(results.every((r) => r.complete)).toBe(true);
  // The test means something only if some requests were still being served at the signal.
  expect(results.filter((r) => r.endedAfterSignal).length).toBeGreaterThan(0);
  expect(code).toBe(143);
  // And nothing new is accepted afterwards.
  const refused = await new Promise<boolean>((resolve) => {
    const s = net.connect(Number(port), hostname, () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", () => resolve(true));
  });
  expect(refused).toBe(true);
});
