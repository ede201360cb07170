// Form schemas for signing in and managing one's password. Shared by each form's component
// and its action. The common-password check runs only on the server (see password-policy.server).
import { z } from "zod";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@example.com.")
  .transform((v) => v.toLowerCase());

export const PASSWORD_MIN_LENGTH = 10;
/** The longest password anyone can type to be checked: longer ones never reach argon2 (cost). */
export const ENTERED_PASSWORD_MAX_LENGTH = 1024;

/** A password typed to prove who one is (not one being chosen). */
function enteredPassword(missing: string) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .max(
      ENTERED_PASSWORD_MAX_LENGTH,
      `That is longer than any password (at most ${ENTERED_PASSWORD_MAX_LENGTH.toLocaleString("en")} characters).`,
    );
}

export const signInSchema = z.object({
  email,
  password: enteredPassword("Enter your password."),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email });

const newPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const setPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: newPassword,
    confirmPassword: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "The two passwords don't match.",
    path: ["confirmPassword"],
  });

export const changePasswordSchema = z
  .object({
    currentPassword: enteredPassword("Enter your current password."),
    password: newPassword,
    confirmPassword: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "The two passwords don't match.",
    path: ["confirmPassword"],
  });

/** Only same-site paths may be redirected to after sign-in. */
export function safeRedirect(to: string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  // Browsers drop tabs and newlines from a URL, so "/\t/evil.com" would become "//evil.com".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}
