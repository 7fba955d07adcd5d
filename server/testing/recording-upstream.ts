// A hostile or misbehaving cloud on 127.0.0.1 that records every request it receives and
// answers however the test says.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export type RecordingUpstream = {
  url: string;
  port: number;
  seen: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  answer: (handler: (request: IncomingMessage, response: ServerResponse) => void) => void;
  close: () => Promise<void>;
};

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  let handler = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  };
  const seen: RecordingUpstream["seen"] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    answer: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
