// One-time messages shown after a redirect ("Team created."), in a short-lived signed cookie.
import { createCookie, redirect } from "@remix-run/node";
import { cookieSecrets } from "./cookie-secret.server";

export interface Flash {
  kind: "success" | "error" | "info";
  message: string;
}

async function flashCookie(request: Request) {
  const secure = new URL(request.url).protocol === "https:";
  return createCookie(secure ? "__Host-upstream_flash" : "upstream_flash", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: 60,
    secrets: await cookieSecrets(),
  });
}

/** Reads the flash (if any) and returns the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; headers: Headers }> {
  const cookie = await flashCookie(request);
  const value = (await cookie.parse(request.headers.get("cookie"))) as Flash | null;
  const headers = new Headers();
  if (value) headers.append("Set-Cookie", await cookie.serialize("", { maxAge: 0 }));
  const valid = value && typeof value.message === "string" && ["success", "error", "info"].includes(value.kind);
  return { flash: valid ? value : null, headers };
}

export async function redirectWithFlash(request: Request, to: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await (await flashCookie(request)).serialize(flash));
  return redirect(to, { headers });
}
