import net from "node:net";
import { expect, test } from "@playwright/test";
import { startServer } from "./own-server";

// `next start` handles SIGTERM itself: it stops accepting connections, lets the responses
// under way finish, then exits (143). What it does not do (Node's server.close() closes
// "idle" connections): a request still unread in a socket's buffer when the signal comes
// is closed unanswered. This test pins both, so a change either way is seen.

interface Answer {
  status: number;
  complete: boolean;
  endedAfterSignal: boolean;
}

test("SIGTERM: answers under way finish whole, nothing is cut mid-response, the server exits 143", async () => {
  test.setTimeout(180_000); // a cold start on a busy machine; a wait, not a limit on speed
  const server = await startServer("seeds");
  const { port, hostname } = new URL(server.base);
  let signalled = false;

  // Connect every socket first, then send every request, so all are accepted and in flight.
  const sockets = await Promise.all(
    Array.from(
      { length: 16 },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(Number(port), hostname, () => resolve(s));
          s.once("error", reject);
        }),
    ),
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

  // Every answer that started is a whole 200 page; the others got no bytes at all.
  const answered = results.filter((r) => r.status !== 0);
  expect(answered.length).toBeGreaterThan(0);
  for (const r of answered) expect([r.status, r.complete]).toEqual([200, true]);
  // The test means something only if some answers were still under way at the signal.
  expect(answered.filter((r) => r.endedAfterSignal).length).toBeGreaterThan(0);
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
