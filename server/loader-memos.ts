// The loaders of one HTTP request share their per-request memos (see app/utils/request-key.server.ts):
// each loader's copy of the Request is tied to the request's load context before it runs.
// Actions are left alone: loaders that run after an action in the same HTTP request (a form
// answered with data rather than a redirect) must see what the action changed, not its memo.
import type { ServerBuild } from "@remix-run/node";
import { tieToHttpRequest } from "../app/utils/request-key.server";
import { wrapDataFunctions } from "./route-wrappers";

export function shareLoaderMemos(build: ServerBuild): ServerBuild {
  return wrapDataFunctions(build, (_routeId, kind, run) =>
    kind === "loader"
      ? (args) => {
          if (args.context && typeof args.context === "object") tieToHttpRequest(args.request, args.context);
          return run(args);
        }
      : run,
  );
}
