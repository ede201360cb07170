// What "one request" is for per-request memos (the signed-in person, their team scope).
//
// Remix hands each loader and action its own copy of the Request (it strips ?index and ?_data
// into a new Request), so a memo keyed on the Request object never hit across the root loader
// and the route's loader of one page: both looked the session and the team scope up again. The
// server ties each loader's copy to the load context of its HTTP request — one object per HTTP
// request (server/loader-memos.ts) — and memos key on requestKey(request). A Request that was
// not tied (an action, a test calling a loader directly) is its own key, as before.
const httpRequests = new WeakMap<Request, object>();

export function tieToHttpRequest(request: Request, httpRequest: object) {
  httpRequests.set(request, httpRequest);
}

export function requestKey(request: Request): object {
  return httpRequests.get(request) ?? request;
}
