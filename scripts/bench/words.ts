// Words the generators combine into varied text inside SQL, and how to put them there.

/** A SQL array literal of the strings, parenthesised so it can be indexed: `${sqlArray(xs)}[i]`. */
export function sqlArray(values: readonly string[]) {
  return `(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}])`;
}

/** `${sqlArray(values)}[1 + floor(<random> * n)]`: one of `values` picked by a number in [0, 1). */
export function sqlPick(values: readonly string[], random: string) {
  return `${sqlArray(values)}[1 + floor((${random}) * ${values.length})::int]`;
}

export const TITLE_SUBJECTS = [
  "Printer",
  "Laptop",
  "VPN",
  "Payroll",
  "Invoice",
  "Desk",
  "Badge",
  "Monitor",
  "Email",
  "Contract",
  "Expense claim",
  "Password",
  "Chair",
  "Projector",
  "Parking",
  "Software licence",
];

export const TITLE_PROBLEMS = [
  "not working",
  "request",
  "question",
  "broken",
  "access needed",
  "upgrade",
  "replacement",
  "error",
  "set-up",
  "renewal",
];

export const BODY_OPENINGS = [
  "Hello team, since this morning",
  "Hi, could you help: after the last update",
  "Good afternoon. As discussed on the phone,",
  "Urgent for the quarter close:",
  "Not urgent, but",
];

export const BODY_DETAILS = [
  "it stops halfway and shows an error message about permissions.",
  "the new starter on our team cannot sign in or see the shared folder.",
  "we need it before the client visit next week, on the third floor.",
  "the numbers in the report do not match what finance sent us.",
  "the device makes a loud noise and then switches itself off.",
  "several people in the office are affected, not only me.",
];

export const FIRST_NAMES = [
  "Amelia",
  "Ben",
  "Chiara",
  "Dev",
  "Elif",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Maya",
  "Nikolai",
  "Olga",
  "Pablo",
  "Quinn",
  "Rosa",
  "Sanjay",
  "Tess",
  "Uma",
  "Viktor",
  "Wen",
  "Yara",
  "Zoltan",
];

export const LAST_NAMES = [
  "Abbott",
  "Baptiste",
  "Castillo",
  "Dimitrov",
  "Eriksen",
  "Fischer",
  "Gupta",
  "Hughes",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Murphy",
  "Nakamura",
  "Okafor",
  "Petersen",
  "Quint",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Usman",
  "Varga",
  "Walsh",
  "Xu",
  "Young",
];
