// The load benchmark's traffic: every autocannon connection acts as one signed-in person (their
// own session cookie, kept in a little cookie jar of the connection) and chooses what to do next
// the way people use Upstream — mostly page views, some form posts. Posts are sent as a browser
// sends a form without JavaScript: application/x-www-form-urlencoded, an Origin header, the
// app's own field names. Every redirect is followed with a GET on the same connection, as the
// browser does after a post (post/redirect/get). Latency and status are kept per response and
// per kind of request.
import os from "node:os";
import autocannon from "autocannon";
import { COMPLAINT_CHANNELS, SEVERITIES } from "../../app/utils/complaint-rules";
import { formatRequestNumber } from "../../app/utils/request-number";
import { toLocalDateTime } from "../../app/validation/complaints";
import { BODY_DETAILS, BODY_OPENINGS, TITLE_PROBLEMS, TITLE_SUBJECTS } from "./words";

export interface LoadUser {
  email: string;
  /** The session cookie, "name=value". */
  cookie: string;
  /** Manages their team: also looks at the dashboards. */
  manager: boolean;
  teamId: string;
  teamSlug: string;
}

/** What the people may act on, read from the database before the run. */
export interface LoadWorld {
  /** Teams that take requests and offer at least one active type. */
  providerTeams: Array<{ id: string; slug: string; types: Array<{ id: string; defaultPriority: string }> }>;
  /** Per provider team id: numbers of its requests (newest first) and of the open ones among them. */
  requests: Map<string, { all: number[]; open: number[] }>;
  complaintCategoryIds: string[];
  /** The organisation's time zone (the instances' UPSTREAM_TIME_ZONE), for "when it happened". */
  timeZone: string;
}

// What a person does next. Views are weighted among views, posts among posts; POST_SHARE of the
// choices are posts, and a successful post is followed by the GET of its redirect, so about
// 0.25 / 1.25 = 20% of all requests are posts.
const VIEWS = [
  { kind: "GET / (home)", weight: 20 },
  { kind: "GET /teams/:slug/queue", weight: 20 },
  { kind: "GET /requests/REQ-n", weight: 20 },
  { kind: "GET /requests/new (step 1 or 3)", weight: 10 },
  { kind: "GET /complaints", weight: 10 },
  { kind: "GET /notifications", weight: 10 },
  { kind: "GET /dashboards/* (managers)", weight: 10, managersOnly: true },
] as const;
const POSTS = [
  { kind: "POST /requests/REQ-n (reply)", weight: 40 },
  { kind: "POST /complaints/new", weight: 30 },
  { kind: "POST /requests/new", weight: 30 },
] as const;
const POST_SHARE = 0.25;
const AFTER_REDIRECT = "GET redirect target (after a post)";
const MAX_REDIRECTS = 3;

export const KINDS: readonly string[] = [...VIEWS.map((v) => v.kind), ...POSTS.map((p) => p.kind), AFTER_REDIRECT];

type Kind = (typeof VIEWS)[number]["kind"] | (typeof POSTS)[number]["kind"] | typeof AFTER_REDIRECT;

function pick<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

function pickWeighted<T extends { weight: number }>(items: readonly T[]): T {
  let r = Math.random() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) if ((r -= item.weight) < 0) return item;
  return items[items.length - 1]!;
}

function sentence() {
  return `${pick(BODY_OPENINGS)} ${pick(BODY_DETAILS)}`;
}

/** Looks like the form tokens the pages render (the server takes any 8–100 characters). */
function formToken() {
  return `load-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

function headerValues(headers: Record<string, unknown>, name: string): string[] {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return found === undefined ? [] : (Array.isArray(found) ? found : [found]).map(String);
}

/** The text of an error answer, shortened: its <title> and the start of its visible text, or its first lines. */
export function firstLines(body: string) {
  if (!/<html/i.test(body)) return body.split("\n").slice(0, 3).join(" | ").slice(0, 300);
  const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim() ?? "";
  const main = /<main[\s\S]*$/i.exec(body)?.[0] ?? body;
  const text = main
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return `${title ? `[${title}] ` : ""}${text.slice(0, 240)}`;
}

/** Counts of one run: every response's latency, statuses, and the same per kind of request. */
export class LoadStats {
  latencies: number[] = [];
  statuses = new Map<number, number>();
  byKind = new Map<string, { latencies: number[]; statuses: Map<number, number> }>();
  /** The first error answer (4xx/5xx) of each status and kind. */
  samples = new Map<string, string>();
  /** Redirects to /login: a session that stopped working. */
  toLogin = 0;

  record(kind: string, status: number, ms: number) {
    this.latencies.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    let entry = this.byKind.get(kind);
    if (!entry) this.byKind.set(kind, (entry = { latencies: [], statuses: new Map() }));
    entry.latencies.push(ms);
    entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
  }
}

/** One connection's person: what they ask for next, and what they make of the answer. */
export class VirtualUser {
  private readonly cookies = new Map<string, string>();
  private redirect: string | null = null;
  private redirects = 0;
  /** The request in flight (its response is recorded under this). */
  current: Kind = "GET / (home)";

  constructor(
    private readonly user: LoadUser,
    private readonly world: LoadWorld,
    private readonly origin: string,
    private readonly stats: LoadStats,
  ) {
    this.setCookie(user.cookie);
  }

  /** The next request follows a redirect (a browser sends it at once, without a pause). */
  get followsRedirect() {
    return this.redirect !== null;
  }

  nextRequest(): autocannon.Request {
    if (this.redirect) {
      const path = this.redirect;
      this.redirect = null;
      this.current = AFTER_REDIRECT;
      return this.get(path);
    }
    this.redirects = 0;
    if (Math.random() < POST_SHARE) {
      const post = pickWeighted(POSTS);
      const request = this.post(post.kind);
      if (request) {
        this.current = post.kind;
        return request;
      }
    }
    const view = pickWeighted(VIEWS.filter((v) => !("managersOnly" in v) || this.user.manager));
    this.current = view.kind;
    return this.get(this.viewPath(view.kind));
  }

  /** Takes the cookies, follows a redirect; when `counted`, notes redirects to /login and error answers. */
  response(status: number, body: string, headers: Record<string, unknown>, counted: boolean) {
    for (const cookie of headerValues(headers, "set-cookie")) this.setCookie(cookie);
    if (status >= 300 && status < 400) {
      const location = headerValues(headers, "location")[0];
      if (location && this.redirects < MAX_REDIRECTS) {
        const url = new URL(location, this.origin);
        this.redirect = `${url.pathname}${url.search}`;
        this.redirects++;
        if (counted && url.pathname === "/login") this.stats.toLogin++;
      }
    } else if (status >= 400 && counted) {
      const key = `${status} ${this.current}`;
      if (!this.stats.samples.has(key)) this.stats.samples.set(key, firstLines(body));
    }
  }

  private teamRequests() {
    return this.world.requests.get(this.user.teamId) ?? { all: [], open: [] };
  }

  private viewPath(kind: Kind): string {
    switch (kind) {
      case "GET /teams/:slug/queue":
        return `/teams/${this.user.teamSlug}/queue`;
      case "GET /requests/REQ-n": {
        const number = pick(this.teamRequests().all);
        return number === undefined ? "/" : `/requests/${formatRequestNumber(number)}`;
      }
      case "GET /requests/new (step 1 or 3)": {
        const team = pick(this.world.providerTeams);
        const type = team && pick(team.types);
        return Math.random() < 0.5 || !team || !type ? "/requests/new" : `/requests/new?team=${team.slug}&type=${type.id}`;
      }
      case "GET /complaints":
        return "/complaints";
      case "GET /notifications":
        return "/notifications";
      case "GET /dashboards/* (managers)":
        return Math.random() < 0.5 ? "/dashboards/escalations" : "/dashboards/service";
      default:
        return "/";
    }
  }

  /** The form post of `kind`, or null when there is nothing to post it about. */
  private post(kind: (typeof POSTS)[number]["kind"]): autocannon.Request | null {
    switch (kind) {
      case "POST /requests/REQ-n (reply)": {
        const { open, all } = this.teamRequests();
        const number = pick(open) ?? pick(all);
        if (number === undefined) return null;
        return this.form(`/requests/${formatRequestNumber(number)}`, { intent: "reply", formToken: formToken(), body: sentence() });
      }
      case "POST /complaints/new": {
        const categoryId = pick(this.world.complaintCategoryIds);
        if (!categoryId) return null;
        // Every field of the log form, as the browser sends it (empty optional fields included);
        // choice=new as after the rep has seen the similar complaints suggested while typing.
        return this.form("/complaints/new", {
          formToken: formToken(),
          summary: `Customer says the ${pick(TITLE_SUBJECTS)!.toLowerCase()} ${pick(TITLE_PROBLEMS)!.toLowerCase()}`,
          categoryId,
          channel: pick(COMPLAINT_CHANNELS)!,
          severity: pick(SEVERITIES)!,
          resolvedAtFrontLine: Math.random() < 0.3 ? "yes" : "no",
          details: Math.random() < 0.5 ? sentence() : "",
          actionTaken: "",
          occurredAt: toLocalDateTime(new Date(Date.now() - 2 * 60_000), this.world.timeZone),
          routedTeamId: "",
          customerName: "",
          customerReference: "",
          customerEmail: "",
          customerPhone: "",
          choice: "new",
        });
      }
      case "POST /requests/new": {
        const team = pick(this.world.providerTeams);
        const type = team && pick(team.types);
        if (!team || !type) return null;
        return this.form(`/requests/new?team=${team.slug}&type=${type.id}`, {
          formToken: formToken(),
          providerTeamId: team.id,
          typeId: type.id,
          title: `${pick(TITLE_SUBJECTS)} ${pick(TITLE_PROBLEMS)}`,
          body: sentence(),
          priority: type.defaultPriority,
          dueAt: "",
          requestingTeamId: this.user.teamId,
        });
      }
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private get(path: string): autocannon.Request {
    return {
      method: "GET",
      path,
      headers: { accept: "text/html,application/xhtml+xml", cookie: this.cookieHeader() },
      body: undefined,
    };
  }

  private form(path: string, fields: Record<string, string>): autocannon.Request {
    return {
      method: "POST",
      path,
      headers: {
        accept: "text/html,application/xhtml+xml",
        "content-type": "application/x-www-form-urlencoded",
        origin: this.origin,
        cookie: this.cookieHeader(),
      },
      body: new URLSearchParams(fields).toString(),
    };
  }

  /** A Set-Cookie value (or "name=value"): kept, or dropped when it expires the cookie. */
  private setCookie(setCookie: string) {
    const [pair = "", ...attributes] = setCookie.split(";");
    const at = pair.indexOf("=");
    if (at <= 0) return;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => {
      const [key = "", v = ""] = a.trim().split("=");
      if (key.toLowerCase() === "max-age") return Number(v) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(a.trim().slice(8)) <= Date.now();
      return false;
    });
    if (expired || value === "") this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

export interface LoadSettings {
  connections: number;
  /** Load before the measured part, not counted (the connections stay open across). */
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  stats: LoadStats;
  /** How long the measured part lasted (s). */
  seconds: number;
  /** Requests of the measured part that got no response: connection errors, and timeouts (30 s). */
  errors: number;
  timeouts: number;
  /** Share of all cores' time that was busy during the measured part (every process on the machine). */
  machineBusy: number;
  /** CPU time this process (the load generator, and the balancer when there is one) used, in cores. */
  generatorCores: number;
}

/** CPU time of all cores, from os.cpus(). */
function machineTimes() {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** Starts the clock of a measured part; `result` gives what it took (counts come from the caller). */
export function startMeasuring(stats: LoadStats) {
  const at = performance.now();
  const cpu = process.cpuUsage();
  const machine = machineTimes();
  return {
    result(counts: { errors: number; timeouts: number }): LoadResult {
      const used = process.cpuUsage(cpu);
      const now = machineTimes();
      const seconds = (performance.now() - at) / 1000;
      return {
        stats,
        seconds,
        ...counts,
        machineBusy: (now.busy - machine.busy) / Math.max(1, now.total - machine.total),
        generatorCores: (used.user + used.system) / 1e6 / seconds,
      };
    },
  };
}

/**
 * `connections` connections for `warmupSeconds` + `seconds` against `origin`, counting only
 * what happens after the warm-up; connection i acts as users[i mod n]. Every response's
 * latency is kept (autocannon's own histogram keeps only the 2xx ones).
 */
export function runLoad(origin: string, users: LoadUser[], world: LoadWorld, settings: LoadSettings): Promise<LoadResult> {
  const stats = new LoadStats();
  const people = new Map<autocannon.Client, VirtualUser>();
  let nextUser = 0;
  let measuring = settings.warmupSeconds <= 0;
  let errors = 0;
  let timeouts = 0;
  let clock = startMeasuring(stats);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: settings.connections,
        duration: settings.warmupSeconds + settings.seconds,
        timeout: 30,
        setupClient(client) {
          const person = new VirtualUser(users[nextUser++ % users.length]!, world, origin, stats);
          people.set(client, person);
          // One request description per connection, rebuilt before every request it sends.
          client.setRequests([
            {
              setupRequest: (request) => ({ ...request, ...person.nextRequest() }),
              onResponse: (status, body, _context, headers) => person.response(status, body, headers ?? {}, measuring),
            },
          ]);
        },
      },
      (error) => {
        if (error) return reject(error);
        resolve(clock.result({ errors, timeouts }));
      },
    );
    if (!measuring) {
      setTimeout(() => {
        measuring = true;
        clock = startMeasuring(stats);
      }, settings.warmupSeconds * 1000);
    }
    // Emitted after the connection's onResponse and before it sends its next request.
    instance.on("response", (client, status, _bytes, ms) => {
      if (measuring) stats.record(people.get(client)?.current ?? "?", status, ms);
    });
    instance.on("reqError", (error: Error) => {
      if (!measuring) return;
      if (error.message === "request timed out") timeouts++;
      else errors++;
    });
  });
}
