// The load benchmark's people at work: each person keeps one keep-alive connection, as a browser
// tab does, and pauses between actions to read and type — a think time drawn at random with a
// mean of `thinkSeconds` (exponential, so some act again at once and some take much longer) —
// except to follow a redirect after a post, which a browser does at once. This is what "200
// people using Upstream at the same time" means, and what they feel is its latency.
//
// autocannon cannot pause between requests on a connection (it sends the next request the
// moment an answer arrives; mcollina/autocannon#174), so it measures capacity — how much a
// saturated instance answers — and this measures latency at a given number of people. Both
// drive the same VirtualUser, so the mix of pages and posts is the same.
import http from "node:http";
import { LoadStats, startMeasuring, VirtualUser, type LoadResult, type LoadUser, type LoadWorld } from "./virtual-users";

export interface PacedSettings {
  people: number;
  /** Mean pause between one answer and the person's next action (s). */
  thinkSeconds: number;
  /** Load before the measured part, not counted. */
  warmupSeconds: number;
  seconds: number;
}

const TIMEOUT_MS = 30_000;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

class NoAnswer extends Error {
  constructor(readonly timedOut: boolean) {
    super(timedOut ? "request timed out" : "connection failed");
  }
}

function send(agent: http.Agent, origin: URL, request: ReturnType<VirtualUser["nextRequest"]>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: request.method,
        path: request.path,
        headers: {
          ...(request.headers as Record<string, string>),
          ...(request.body ? { "content-length": Buffer.byteLength(String(request.body)) } : {}),
        },
        timeout: TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString() }),
        );
        incoming.on("error", () => reject(new NoAnswer(false)));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new NoAnswer(true)));
    outgoing.on("error", (error) => reject(error instanceof NoAnswer ? error : new NoAnswer(false)));
    outgoing.end(request.body === undefined ? undefined : String(request.body));
  });
}

/** An exponentially distributed pause with the given mean, cut at `left` ms. */
function think(meanSeconds: number, leftMs: number) {
  const ms = -Math.log(1 - Math.random()) * meanSeconds * 1000;
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, leftMs))));
}

/**
 * `people` people (person i is users[i mod n]) working against `origin` for `warmupSeconds` +
 * `seconds`, counting what is answered after the warm-up.
 */
export async function runPaced(origin: string, users: LoadUser[], world: LoadWorld, settings: PacedSettings): Promise<LoadResult> {
  const stats = new LoadStats();
  const target = new URL(origin);
  const end = performance.now() + (settings.warmupSeconds + settings.seconds) * 1000;
  let measuring = settings.warmupSeconds <= 0;
  let clock = startMeasuring(stats);
  const warmup = setTimeout(() => {
    measuring = true;
    clock = startMeasuring(stats);
  }, settings.warmupSeconds * 1000);
  const counts = { errors: 0, timeouts: 0 };

  await Promise.all(
    Array.from({ length: settings.people }, async (_, i) => {
      const person = new VirtualUser(users[i % users.length]!, world, origin, stats);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (;;) {
          if (!person.followsRedirect) await think(settings.thinkSeconds, end - performance.now());
          if (performance.now() >= end) break;
          const request = person.nextRequest();
          const started = performance.now();
          try {
            const answer = await send(agent, target, request);
            person.response(answer.status, answer.body, answer.headers, measuring);
            if (measuring) stats.record(person.current, answer.status, performance.now() - started);
          } catch (error) {
            if (measuring) counts[error instanceof NoAnswer && error.timedOut ? "timeouts" : "errors"]++;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  clearTimeout(warmup);
  return clock.result(counts);
}
