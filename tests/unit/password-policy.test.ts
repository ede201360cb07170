// The password rules (SECURITY.md 6.2): at least 10 characters, at most 256, never truncated,
// not a very common password.
import { describe, expect, test } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "~/utils/password-policy.server";

describe("passwordProblem", () => {
  test("the limits are 10 and 256 characters", () => {
    expect(PASSWORD_MIN).toBe(10);
    expect(PASSWORD_MAX).toBe(256);
  });

  test("refuses a password shorter than 10 characters", () => {
    expect(passwordProblem("nine char")).toBe("Use at least 10 characters.");
    expect(passwordProblem("")).toBe("Use at least 10 characters.");
  });

  test("accepts exactly 10 characters", () => {
    expect(passwordProblem("ten chars!")).toBeNull();
  });

  test("accepts 64 and 256 characters, refuses 257", () => {
    expect(passwordProblem("Sixty-four characters of passphrase, every one of them counts!!!")).toBeNull();
    expect(passwordProblem("abcdefgh".repeat(32))).toBeNull();
    expect(passwordProblem("abcdefgh".repeat(32) + "x")).toBe("Use at most 256 characters.");
  });

  test("counts characters, not bytes: 10 multi-byte characters are enough", () => {
    expect(passwordProblem("ünïcödé pä")).toBeNull();
  });

  test.each(["password1234", "qwertyuiop", "1234567890", "Password1234", "QWERTYUIOP"])(
    "refuses the very common password %s, whatever its case",
    (password) => {
      expect(passwordProblem(password)).toBe("This password is too common. Choose one that is harder to guess.");
    },
  );

  test("refuses the email address's local part as the password", () => {
    expect(passwordProblem("jane.doe.smith", { email: "jane.doe.smith@example.com" })).toBe(
      "Don't use your email address as your password.",
    );
    expect(passwordProblem("jane.doe.smith!", { email: "jane.doe.smith@example.com" })).toBeNull();
  });
});
