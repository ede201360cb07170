// Searching people by what was typed: "%" and "_" are characters, not wildcards (Prisma's
// `contains` is a LIKE pattern on PostgreSQL and does not escape them itself).
import { beforeAll, describe, expect, test } from "vitest";
import { listPeople } from "~/models/user.server";
import { searchRecipients } from "~/models/kudos.server";
import type { User } from "~/generated/prisma/client";
import { createUser } from "../support/factories";

let searcher: User;

beforeAll(async () => {
  searcher = await createUser({ name: "Sam Searcher" });
  await createUser({ name: "Ola Underscore", email: "ola_u@example.com", title: "QA_lead" });
  await createUser({ name: "Olaf Lookalike", email: "olaxu@example.com", title: "QAxlead" });
  await createUser({ name: "Pat Percent", title: "Owns 100% of billing" });
  await createUser({ name: "Pam Plain", title: "Owns 1000 accounts" });
  await createUser({ name: "Bea Backslash", title: "Fixes C:\\temp paths" });
});

const names = (people: Array<{ name: string }>) => people.map((p) => p.name).sort();

describe("people search matches typed text as written", () => {
  test("the admin's people list: an underscore is an underscore", async () => {
    expect(names((await listPeople({ query: "ola_u" })).people)).toEqual(["Ola Underscore"]);
    expect(names((await listPeople({ query: "QA_LEAD" })).people)).toEqual(["Ola Underscore"]);
  });

  test("the kudos recipient search: a percent sign and a backslash are themselves", async () => {
    expect(names(await searchRecipients(searcher.id, "100%"))).toEqual(["Pat Percent"]);
    expect(names(await searchRecipients(searcher.id, "c:\\temp"))).toEqual(["Bea Backslash"]);
    // As a wildcard, "%" alone would find everyone.
    expect(names(await searchRecipients(searcher.id, "%"))).toEqual(["Pat Percent"]);
  });
});
