// What the tests know about the running app: where it is, its demo accounts, and how to talk
// to it over plain HTTP (for set-up steps that are not what a test is about).

export const E2E_ENV = { baseURL: "UPSTREAM_E2E_BASE_URL", dataDir: "UPSTREAM_E2E_DATA_DIR" } as const;

function fromEnv(name: string) {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the browser tests with \`npm run test:e2e\` (playwright.config.ts starts the server).`);
  return value;
}

export const appBaseURL = () => fromEnv(E2E_ENV.baseURL);
export const appDataDir = () => fromEnv(E2E_ENV.dataDir);

export const DEMO_PASSWORD = "upstream-demo-2026";

export const demoAccounts = {
  admin: { email: "priya.raman@example.com", name: "Priya Raman" },
  manager: { email: "marcus.bell@example.com", name: "Marcus Bell" },
  rep: { email: "sofia.alvarez@example.com", name: "Sofia Alvarez" },
  employee: { email: "daniel.kim@example.com", name: "Daniel Kim" },
} as const;

export type DemoRole = keyof typeof demoAccounts;

export const SESSION_COOKIE = "upstream_session";

/** A form post as a page of the app would send it: same-site Origin, no redirects followed. */
export async function postForm(pathname: string, fields: Record<string, string>, sessionCookie?: string) {
  const baseURL = appBaseURL();
  return fetch(new URL(pathname, baseURL), {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: baseURL,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(sessionCookie ? { Cookie: `${SESSION_COOKIE}=${sessionCookie}` } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

/** Signs in over HTTP and returns the session cookie's value. */
export async function signInOverHttp(email: string, password = DEMO_PASSWORD) {
  const response = await postForm("/login", { email, password, redirectTo: "" });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  const value = cookie?.slice(SESSION_COOKIE.length + 1);
  if (response.status !== 302 || !value)
    throw new Error(`Signing in as ${email} over HTTP failed: ${response.status} ${await response.text()}`);
  return value;
}

/** Adds a person the way an administrator does (their invitation is queued like any other). */
export async function addPersonOverHttp(adminSession: string, person: { name: string; email: string; title?: string }) {
  const response = await postForm("/admin/people/new", { title: "", role: "EMPLOYEE", ...person }, adminSession);
  if (response.status !== 302) throw new Error(`Adding ${person.email} failed: ${response.status} ${await response.text()}`);
}
