// Requests written byte for byte on a socket, for request lines no HTTP client will send
// (absolute-form targets, "*", dot segments it would normalise away).
import { connect } from "node:net";

export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

export function rawRequest(port: number, requestLine: string, headers: string[] = [], body = "") {
  return new Promise<RawAnswer>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        [requestLine, `Host: 127.0.0.1:${port}`, "Connection: close", ...headers, "", body].join(
          "\r\n",
        ),
      );
    });
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => {
      data += chunk;
    });
    socket.on("error", reject);
    socket.on("end", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body });
    });
  });
}
