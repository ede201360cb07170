// The HTTP server. Compiled into the same bundle as the app (remix.config.js `server`), so it
// shares the app's modules: one database client, one job runner.
//
// Start-up order: environment → database (embedded PGlite unless DATABASE_URL) → migrations →
// first-run data → background jobs → listen. Any failure before listening stops the process
// with a clear message and a non-zero exit code.
import path from "node:path";
import crypto from "node:crypto";
import express from "express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import * as build from "@remix-run/dev/server-build";
import { env } from "../app/utils/env.server";
import { announce, log } from "../app/utils/logger.server";
import { startDatabase } from "../app/utils/db/start-database.server";
import { disconnectDatabase } from "../app/utils/db.server";
import { prepareFirstRun } from "../app/utils/first-run.server";
import { startJobs } from "../app/jobs/job-runner.server";
import { securityHeaders } from "../app/utils/security-headers.server";
import { checkOrigin, expectedOrigin } from "../app/utils/origin-check.server";
import { createRequestHandler } from "./remix-handler";
import { answerDatabaseOutages } from "./database-outage";
import { shareLoaderMemos } from "./loader-memos";

async function main() {
  const config = env();
  const isProduction = config.NODE_ENV === "production";

  const database = await startDatabase(config);
  const firstRun = await prepareFirstRun(config);
  const jobs = config.UPSTREAM_JOBS ? startJobs() : undefined;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);

  app.use((req, res, next) => {
    res.locals.requestId = (req.get("x-request-id") ?? "").slice(0, 64).replace(/[^\w-]/g, "") || crypto.randomUUID();
    res.set("X-Request-Id", res.locals.requestId);
    next();
  });
  app.use(
    securityHeaders({
      isProduction,
      // `remix dev` tells the app its address in REMIX_DEV_ORIGIN; the page's live-reload socket goes there.
      liveReloadPort: isProduction || !process.env.REMIX_DEV_ORIGIN ? undefined : Number(new URL(process.env.REMIX_DEV_ORIGIN).port),
    }),
  );

  // Fingerprinted assets never change; everything else in public/ may.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h", index: false }));

  // An encoded NUL (%00) is in no id, slug or search anyone types, and PostgreSQL fails on it in a
  // query rather than finding nothing: refused here, before a loader or action reads the URL.
  app.use((req, res, next) => {
    if (!/%00/.test(req.originalUrl)) return next();
    res.status(400).type("text/plain").send("That address isn't one Upstream knows.");
  });

  app.use((req, res, next) => {
    const requestUrl = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
    const verdict = checkOrigin(req.method, req.get("origin") ?? null, expectedOrigin(requestUrl, config.APP_URL));
    if (verdict.ok) return next();
    log.warn("cross-site request refused", { requestId: res.locals.requestId, reason: verdict.reason, path: req.path });
    res.status(403).type("text/plain").send("This form was sent from another site, so it was refused. Go back to Upstream and try again.");
  });

  app.all(
    "*",
    createRequestHandler({
      // A loader or action that can't reach the database answers 503 with the friendly page;
      // the loaders of one HTTP request look the session and team scope up once between them.
      build: shareLoaderMemos(answerDatabaseOutages(build as unknown as ServerBuild)),
      mode: build.mode,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );

  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    log.info("server listening", { port, database: database.description });
    announce(`\nUpstream is running at http://localhost:${port}`);
    if (firstRun.banner) announce(firstRun.banner);
    if (build.mode === "development") void broadcastDevReady(build as unknown as ServerBuild);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    server.close();
    server.closeAllConnections?.();
    await jobs?.stop();
    await disconnectDatabase();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nUpstream could not start: ${message}\n`);
  process.exit(1);
});
