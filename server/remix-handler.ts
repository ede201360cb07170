// Remix's Express handler, with one change: the response body is piped to the socket with
// backpressure. The stock adapter (@remix-run/express 2.17) writes every chunk as soon as it is
// made, without waiting for the client, so a large CSV download to a slow client would pile up
// in memory however carefully the route streams it. Here the route's stream is pulled only as
// fast as the client reads, and stops when the client goes away (decision 014).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type express from "express";
import { createRequestHandler as createRemixHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
// The adapter's own request builder (declared, though not re-exported from its index): host,
// port and protocol as Express sees them behind a proxy, and an abort signal on disconnect.
import { createRemixRequest } from "@remix-run/express/dist/server.js";
import { log } from "../app/utils/logger.server";

export function createRequestHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
}): express.RequestHandler {
  const handle = createRemixHandler(build, mode);
  return async (req, res, next) => {
    let response: Response;
    try {
      response = await handle(createRemixRequest(req, res), getLoadContext(req, res));
    } catch (error) {
      next(error);
      return;
    }
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers.entries()) res.append(key, value);
    if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
    if (!response.body) {
      res.end();
      return;
    }
    try {
      await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream), res);
    } catch (error) {
      // The client went away, or the body failed after the headers were sent (the route logged
      // why): the connection is closed either way; nothing more can be said to the client.
      if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") {
        log.warn("response ended early", { requestId: res.locals.requestId, error: (error as Error).name });
      }
    }
  };
}
