import { EventEmitter, once } from "node:events";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parserErrorResponse } from "./parser-error.mjs";

// A server answering parser errors as scripts/start.mjs does, so the test reads the
// `rawPacket` Node really hands over (the chunk the parser failed in).
let server: http.Server;
let port = 0;
/** Emits "read" each time the server has read a chunk. */
const reads = new EventEmitter();
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end("ok"));
  server.on("connection", (socket: net.Socket) => socket.on("data", () => reads.emit("read")));
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => socket.end(parserErrorResponse(error.code, error.rawPacket)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Raw bytes in, the whole raw answer out. `parts` are written one by one, each once the server
 * has read the one before, so each reaches its parser in chunks of its own.
 */
function send(...parts: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const write = async () => {
      for (const part of parts) {
        const read = once(reads, "read");
        socket.write(Buffer.from(part, "latin1"));
        await read;
      }
    };
    const socket = net.connect(port, "127.0.0.1", () => void write());
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

const split = (answer: string) => {
  const at = answer.indexOf("\r\n\r\n");
  return { head: answer.slice(0, at), body: answer.slice(at + 4) };
};

describe("parserErrorResponse", () => {
  it("answers a 100 KB /api/ request line with the API's JSON 431", async () => {
    const { head, body } = split(await send(`GET /api/search?q=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/\r\nContent-Type: application\/json\r\n/);
    expect(JSON.parse(body)).toEqual({ error: { code: "request_too_large", message: expect.stringContaining("16 KB") } });
  });

  it("answers an /api/ request with a control character in a header with the API's JSON 400", async () => {
    const { head, body } = split(await send("GET /api/health HTTP/1.1\r\nHost: x\r\nIf-None-Match: \x01x\r\n\r\n"));
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body).error.code).toBe("bad_request");
  });

  it("answers a page's oversized request with the Vietnamese page", async () => {
    const { head, body } = split(await send(`GET /?q=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/text\/html; charset=utf-8/);
    expect(body).toContain('lang="vi"');
    expect(body).toContain("Yêu cầu quá dài");
  });

  it("sends the page when the overflow comes in a later chunk than the request line (documented: Node's rawPacket is that chunk)", async () => {
    const big = `X-Big: ${"a".repeat(20 * 1024)}\r\n\r\n`;
    for (const path of ["/api/search?q=x", "/?q=x"]) {
      const { head, body } = split(await send(`GET ${path} HTTP/1.1\r\nHost: x\r\n`, big));
      expect(head, path).toMatch(/^HTTP\/1\.1 431 /);
      expect(body, path).toContain('lang="vi"');
    }
  });

  it("answers /feed's parser errors in JSON as /feed's own errors are", async () => {
    const { head, body } = split(await send("GET /feed?q=x HTTP/1.1\r\nHost: x\r\nIf-None-Match: \x01x\r\n\r\n"));
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body).error.code).toBe("bad_request");
    for (const line of [`GET /feed HTTP/1.1`, `GET /feed?q=${"a".repeat(100)}`]) {
      expect(JSON.parse(split(parserErrorResponse("HPE_HEADER_OVERFLOW", Buffer.from(`${line}\r\n`)).toString()).body).error.code).toBe("request_too_large");
    }
    expect(parserErrorResponse("HPE_HEADER_OVERFLOW", Buffer.from("GET /feedback HTTP/1.1\r\n")).toString()).toContain("text/html");
    expect(parserErrorResponse("HPE_HEADER_OVERFLOW", Buffer.from("GET /api HTTP/1.1\r\n")).toString()).toContain("application/json");
  });

  it("does not take a page whose name starts with api for the API", () => {
    const answer = parserErrorResponse("HPE_HEADER_OVERFLOW", Buffer.from("GET /apidoc HTTP/1.1\r\n")).toString();
    expect(answer).toContain("text/html");
    expect(parserErrorResponse("HPE_HEADER_OVERFLOW", Buffer.from("GET /api?x HTTP/1.1\r\n")).toString()).toContain("application/json");
  });

  it("sends the page when the bytes read do not start with the request line", () => {
    expect(parserErrorResponse("HPE_HEADER_OVERFLOW", undefined).toString()).toContain('lang="vi"');
    expect(parserErrorResponse("HPE_HEADER_OVERFLOW", Buffer.from("aaaa /api/x")).toString()).toContain('lang="vi"');
  });

  it("keeps Content-Length equal to the body's bytes", () => {
    for (const raw of [undefined, Buffer.from("GET /api/search HTTP/1.1")]) {
      const { head, body } = split(parserErrorResponse("HPE_INVALID_METHOD", raw).toString());
      expect(Number(/Content-Length: (\d+)/.exec(head)?.[1])).toBe(Buffer.byteLength(body));
    }
  });
});
