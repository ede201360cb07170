// The demo organisation seeded on first start: 9 teams in three levels and 40 people with a
// manager on every team. Plain data, so later issues can grow it (requests, ratings, complaints).

export const DEMO_PASSWORD = "upstream-demo-2026";

export interface DemoTeam {
  key: string;
  name: string;
  description: string;
  parent?: string;
  acceptsRequests: boolean;
}

export const demoTeams: DemoTeam[] = [
  {
    key: "exec",
    name: "Executive Office",
    description: "The leadership team: strategy, priorities and the company's promises to customers.",
    acceptsRequests: false,
  },
  {
    key: "ops",
    name: "Operations",
    parent: "exec",
    description: "Runs day-to-day delivery: customer care, field service and facilities.",
    acceptsRequests: false,
  },
  {
    key: "care",
    name: "Customer Care",
    parent: "ops",
    description: "The front line: phone, chat and email support for our customers.",
    acceptsRequests: true,
  },
  {
    key: "field",
    name: "Field Service",
    parent: "ops",
    description: "Installations, repairs and visits at customers' sites.",
    acceptsRequests: true,
  },
  {
    key: "facilities",
    name: "Facilities",
    parent: "ops",
    description: "Buildings, desks, access badges, meeting rooms and repairs.",
    acceptsRequests: true,
  },
  { key: "it", name: "IT", parent: "exec", description: "Systems, security and the tools everyone works with.", acceptsRequests: false },
  {
    key: "servicedesk",
    name: "IT Service Desk",
    parent: "it",
    description: "Laptops, accounts, access and software requests.",
    acceptsRequests: true,
  },
  {
    key: "people",
    name: "People & Culture",
    parent: "exec",
    description: "Hiring, onboarding, pay questions, leave and learning.",
    acceptsRequests: true,
  },
  {
    key: "finance",
    name: "Finance",
    parent: "exec",
    description: "Invoices, expenses, purchase orders and budgets.",
    acceptsRequests: true,
  },
];

export interface DemoPerson {
  name: string;
  title: string;
  admin?: boolean;
  teams: Array<[teamKey: string, role: "MEMBER" | "MANAGER"]>;
  /** Printed at start-up as a ready-made sign-in for this kind of user. */
  demoAccount?: "admin" | "manager" | "front-line rep" | "employee";
}

export const demoPeople: DemoPerson[] = [
  { name: "Helena Brandt", title: "Chief Executive Officer", teams: [["exec", "MANAGER"]] },
  {
    name: "Kwame Mensah",
    title: "Chief Operating Officer",
    teams: [
      ["exec", "MEMBER"],
      ["ops", "MANAGER"],
    ],
  },
  {
    name: "Isabel Duarte",
    title: "Chief Financial Officer",
    teams: [
      ["exec", "MEMBER"],
      ["finance", "MANAGER"],
    ],
  },
  {
    name: "Thomas Lindqvist",
    title: "Chief Information Officer",
    teams: [
      ["exec", "MEMBER"],
      ["it", "MANAGER"],
    ],
  },
  {
    name: "Aisha Rahman",
    title: "Chief People Officer",
    teams: [
      ["exec", "MEMBER"],
      ["people", "MANAGER"],
    ],
  },
  {
    name: "Marcus Bell",
    title: "Head of Customer Care",
    teams: [
      ["care", "MANAGER"],
      ["ops", "MEMBER"],
    ],
    demoAccount: "manager",
  },
  { name: "Sofia Alvarez", title: "Customer Care Representative", teams: [["care", "MEMBER"]], demoAccount: "front-line rep" },
  { name: "Jamal Carter", title: "Customer Care Representative", teams: [["care", "MEMBER"]] },
  { name: "Mei Lin Chen", title: "Senior Customer Care Representative", teams: [["care", "MEMBER"]] },
  { name: "Oliver Grant", title: "Customer Care Representative", teams: [["care", "MEMBER"]] },
  { name: "Fatima Zahra Idrissi", title: "Customer Care Team Lead", teams: [["care", "MANAGER"]] },
  { name: "Lucas Moreau", title: "Chat Support Specialist", teams: [["care", "MEMBER"]] },
  { name: "Hannah Schulz", title: "Customer Care Representative", teams: [["care", "MEMBER"]] },
  {
    name: "Ravi Patel",
    title: "Field Service Manager",
    teams: [
      ["field", "MANAGER"],
      ["ops", "MEMBER"],
    ],
  },
  { name: "Grace O'Connor", title: "Field Technician", teams: [["field", "MEMBER"]] },
  { name: "Diego Fernández", title: "Field Technician", teams: [["field", "MEMBER"]] },
  { name: "Yuki Tanaka", title: "Service Scheduler", teams: [["field", "MEMBER"]] },
  {
    name: "Samuel Osei",
    title: "Facilities Manager",
    teams: [
      ["facilities", "MANAGER"],
      ["ops", "MEMBER"],
    ],
  },
  { name: "Ingrid Johansson", title: "Workplace Coordinator", teams: [["facilities", "MEMBER"]] },
  { name: "Patrick Byrne", title: "Maintenance Technician", teams: [["facilities", "MEMBER"]] },
  {
    name: "Priya Raman",
    title: "IT Systems Administrator",
    admin: true,
    teams: [
      ["it", "MEMBER"],
      ["servicedesk", "MEMBER"],
    ],
    demoAccount: "admin",
  },
  {
    name: "Noah Williams",
    title: "IT Service Desk Lead",
    teams: [
      ["servicedesk", "MANAGER"],
      ["it", "MEMBER"],
    ],
  },
  { name: "Elena Popescu", title: "Service Desk Analyst", teams: [["servicedesk", "MEMBER"]] },
  { name: "Ahmed Hassan", title: "Service Desk Analyst", teams: [["servicedesk", "MEMBER"]] },
  { name: "Chloé Martin", title: "Security Engineer", teams: [["it", "MEMBER"]] },
  { name: "Ben Adeyemi", title: "Platform Engineer", teams: [["it", "MEMBER"]] },
  { name: "Laura Rossi", title: "HR Business Partner", teams: [["people", "MEMBER"]] },
  { name: "Tomasz Nowak", title: "Recruiter", teams: [["people", "MEMBER"]] },
  { name: "Amara Nwosu", title: "People Operations Lead", teams: [["people", "MANAGER"]] },
  { name: "Sara Lindgren", title: "Learning & Development Specialist", teams: [["people", "MEMBER"]] },
  { name: "Daniel Kim", title: "Financial Analyst", teams: [["finance", "MEMBER"]], demoAccount: "employee" },
  { name: "Olivia Turner", title: "Accounts Payable Specialist", teams: [["finance", "MEMBER"]] },
  {
    name: "Mateo Silva",
    title: "Payroll Specialist",
    teams: [
      ["finance", "MEMBER"],
      ["people", "MEMBER"],
    ],
  },
  { name: "Zainab Yusuf", title: "Finance Operations Manager", teams: [["finance", "MANAGER"]] },
  { name: "Erik Andersen", title: "Procurement Officer", teams: [["finance", "MEMBER"]] },
  { name: "Nadia Petrova", title: "Executive Assistant", teams: [["exec", "MEMBER"]] },
  { name: "George Papadopoulos", title: "Operations Analyst", teams: [["ops", "MEMBER"]] },
  {
    name: "Keiko Watanabe",
    title: "Quality Assurance Lead",
    teams: [
      ["ops", "MEMBER"],
      ["care", "MEMBER"],
    ],
  },
  { name: "Victor Okoye", title: "Customer Insights Analyst", teams: [["care", "MEMBER"]] },
  { name: "Julia Novak", title: "Field Technician", teams: [["field", "MEMBER"]] },
];

/** firstname.lastname@example.com, ASCII only (example.com is reserved for examples). */
export function demoEmail(name: string) {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/'/g, "")
      .split(/\s+/)
      .join(".") + "@example.com"
  );
}
