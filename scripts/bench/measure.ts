// Measuring pages with autocannon: latency over one connection (the server's own time per
// request, without queueing behind others) and, optionally, throughput over several.
import autocannon from "autocannon";

export interface MeasureSettings {
  /** Concurrent connections for the warm-up and the throughput run. */
  connections: number;
  /** Requests in the throughput run; 0 skips it. */
  amount: number;
  warmup: number;
  /** Requests over one connection, for p50/p95. */
  latencyAmount: number;
  /** Cap on each run's duration. */
  maxSeconds: number;
}

/** The number in the environment variable `name` (a number ≥ 0), or `fallback` when it is unset. */
export function envNumber(name: string, fallback: number) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
}

/** BENCH_CONNECTIONS, BENCH_AMOUNT, BENCH_WARMUP, BENCH_LATENCY_AMOUNT, BENCH_MAX_SECONDS over the defaults. */
export function settingsFromEnv(defaults: MeasureSettings): MeasureSettings {
  return {
    connections: Math.max(1, envNumber("BENCH_CONNECTIONS", defaults.connections)),
    amount: envNumber("BENCH_AMOUNT", defaults.amount),
    warmup: envNumber("BENCH_WARMUP", defaults.warmup),
    latencyAmount: Math.max(1, envNumber("BENCH_LATENCY_AMOUNT", defaults.latencyAmount)),
    maxSeconds: Math.max(1, envNumber("BENCH_MAX_SECONDS", defaults.maxSeconds)),
  };
}

export interface Measurement {
  label: string;
  path: string;
  statuses: Map<number, number>;
  /** Requests that got no response (connection errors and timeouts). */
  errors: number;
  /** One connection. */
  p50: number;
  p95: number;
  /** `connections` at once: throughput, and the latency people see when the server is busy (NaN when not run). */
  rps: number;
  busyP95: number;
  count: number;
}

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `amount` requests over `connections`, stopped after `maxSeconds`; every response's latency, sorted. */
export function run(url: string, connections: number, amount: number, headers: Record<string, string>, maxSeconds: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  return new Promise<{ latencies: number[]; statuses: Map<number, number>; errors: number; seconds: number }>((resolve, reject) => {
    const instance = autocannon({ url, connections: Math.min(connections, amount), amount, headers, timeout: 30 }, (error, result) =>
      error
        ? reject(error)
        : resolve({
            latencies: latencies.sort((a, b) => a - b),
            statuses,
            errors: result.errors + result.timeouts,
            seconds: result.duration,
          }),
    );
    const cap = setTimeout(() => instance.stop(), maxSeconds * 1000);
    instance.on("done", () => clearTimeout(cap));
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

/** Warm-up, then latency over one connection, then (when `amount` > 0) throughput over `connections`. */
export async function measure(
  label: string,
  origin: string,
  target: string,
  settings: MeasureSettings,
  cookie?: string,
): Promise<Measurement> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const url = `${origin}${target}`;
  if (settings.warmup > 0) await run(url, settings.connections, settings.warmup, headers, settings.maxSeconds);
  const single = await run(url, 1, settings.latencyAmount, headers, settings.maxSeconds);
  const busy =
    settings.amount > 0
      ? await run(url, settings.connections, settings.amount, headers, settings.maxSeconds)
      : { latencies: [], statuses: new Map<number, number>(), errors: 0, seconds: NaN };
  for (const [status, n] of single.statuses) busy.statuses.set(status, (busy.statuses.get(status) ?? 0) + n);
  return {
    label,
    path: target,
    statuses: busy.statuses,
    errors: single.errors + busy.errors,
    p50: percentile(single.latencies, 50),
    p95: percentile(single.latencies, 95),
    rps: busy.latencies.length / busy.seconds,
    busyP95: percentile(busy.latencies, 95),
    count: single.latencies.length + busy.latencies.length,
  };
}

/** "200" when every response had one status, else "200×290 500×10"; requests without a response as "errors×n". */
export function formatStatuses(statuses: Map<number, number>, errors = 0) {
  const parts = [...statuses].map(([status, n]) => (statuses.size > 1 || errors ? `${status}×${n}` : String(status)));
  if (errors) parts.push(`errors×${errors}`);
  return parts.join(" ");
}

/** A table with the first column left-aligned and the others right-aligned. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}

/** Latency and throughput of each page, throughput also as a share of the bare route's. */
export function report(results: Measurement[], bare: Measurement, settings: MeasureSettings) {
  printTable(
    ["page", "status", "p50 ms", "p95 ms", "req/s", "vs bare", `p95 ms @${settings.connections}`],
    results.map((m) => [
      m.label,
      formatStatuses(m.statuses, m.errors),
      m.p50.toFixed(1),
      m.p95.toFixed(1),
      m.rps.toFixed(0),
      `${((m.rps / bare.rps) * 100).toFixed(0)}%`,
      m.busyP95.toFixed(1),
    ]),
  );
  console.log(
    `\np50/p95: one connection (${settings.latencyAmount} requests). req/s, "vs bare" and the last column: ${settings.connections} connections (up to ${settings.amount} requests or ${settings.maxSeconds} s).`,
  );
  for (const m of results) console.log(`  ${m.label}: GET ${m.path} (${m.count} requests)`);
}
