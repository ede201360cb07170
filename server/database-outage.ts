// A database outage answers 503 with the friendly page, not 500. Remix turns whatever a loader or
// action throws into a 500, and its handleError hook can only log, not change the status; a
// thrown Response, though, becomes an error response with that Response's status. So every
// route's loader and action is wrapped once, here, where the build is handed to the handler: a
// database-unavailable error (see app/utils/database-unavailable.ts) is logged as a warning and
// rethrown as a 503 Response. The error boundary's 503 branch then renders the page (a document
// request), a client navigation gets the same boundary, and a resource route answers the text.
// Every other error passes through untouched. One place instead of a try/catch in each route.
import type { ServerBuild } from "@remix-run/node";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "../app/utils/database-unavailable";
import { log } from "../app/utils/logger.server";
import { wrapDataFunctions, type DataFunction, type DataFunctionKind } from "./route-wrappers";

function guard(routeId: string, kind: DataFunctionKind, run: DataFunction): DataFunction {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // A warning, without a stack: the cause is outside the app, and /readyz reports it too.
      log.warn("database unavailable: answered 503", {
        requestId: (args.context as { requestId?: string } | undefined)?.requestId,
        route: routeId,
        kind,
        error: error instanceof Error ? error.message.trim().split("\n").pop() : String(error),
      });
      throw databaseUnavailableResponse();
    }
  };
}

/** The same build, with every loader and action answering a database outage with a 503. */
export function answerDatabaseOutages(build: ServerBuild): ServerBuild {
  return wrapDataFunctions(build, guard);
}
