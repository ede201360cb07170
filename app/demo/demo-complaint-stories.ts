// The words of the demo complaints: categories and the team that owns each, themes, what
// customers complained about, what the rep did, what managers planned and answered. Plain data
// for demo-complaints.ts. Placeholders: {order} {account} {amount} {days} {n} {product} {time}.

export type DemoThemeKey =
  "lateDelivery" | "refundDelay" | "appLogin" | "doubleCharge" | "missedAppointment" | "damaged" | "rude" | "holdTimes" | "cancellation";

export const demoThemes: Record<DemoThemeKey, string> = {
  lateDelivery: "Late deliveries",
  refundDelay: "Refund delays",
  appLogin: "App login failures",
  doubleCharge: "Double charging",
  missedAppointment: "Missed appointments",
  damaged: "Damaged on arrival",
  rude: "Rude or dismissive staff",
  holdTimes: "Long hold times",
  cancellation: "Unclear cancellation terms",
};

/** The theme whose complaints climb sharply in the last three weeks (the dashboards' "rising"). */
export const RISING_THEME: DemoThemeKey = "appLogin";

export interface DemoCategory {
  key: string;
  name: string;
  description: string;
  /** demo-organisation.ts team key */
  owner: string;
  active: boolean;
  /** Relative share of the complaints. */
  weight: number;
}

export const demoCategories: DemoCategory[] = [
  {
    key: "billing",
    name: "Billing & refunds",
    description: "Charges, invoices, refunds and credit notes.",
    owner: "finance",
    active: true,
    weight: 18,
  },
  {
    key: "quality",
    name: "Product quality",
    description: "Faulty, broken or disappointing products and installations.",
    owner: "field",
    active: true,
    weight: 13,
  },
  {
    key: "delivery",
    name: "Delivery",
    description: "Late, missed or damaged deliveries and missed appointments.",
    owner: "field",
    active: true,
    weight: 17,
  },
  {
    key: "technical",
    name: "Technical",
    description: "The app, the website, online accounts and anything that won't load.",
    owner: "servicedesk",
    active: true,
    weight: 12,
  },
  {
    key: "account",
    name: "Account",
    description: "Account changes, personal details, contracts and plans.",
    owner: "care",
    active: true,
    weight: 14,
  },
  {
    key: "attitude",
    name: "Staff attitude",
    description: "How someone from the company treated the customer.",
    owner: "care",
    active: true,
    weight: 10,
  },
  {
    key: "policy",
    name: "Policy",
    description: "Terms, fees, cancellation and returns rules the customer thinks are unfair.",
    owner: "ops",
    active: true,
    weight: 8,
  },
  {
    key: "showroom",
    name: "Showroom visits",
    description: "Retired when the showrooms closed; kept for the history of its complaints.",
    owner: "facilities",
    active: false,
    weight: 0,
  },
];

export interface DemoComplaintStory {
  summary: string;
  details: string;
  /** What the rep already did about it. */
  action: string;
  theme?: DemoThemeKey;
  /** Usual severity; the generator sometimes moves it one step. */
  severity: "LOW" | "MEDIUM" | "HIGH";
  /** May be logged as CRITICAL (safety, money taken repeatedly, someone else's data). */
  mayBeCritical?: boolean;
  /** Often sorted out on the spot. */
  fixable?: boolean;
}

export const demoComplaintStories: Record<string, DemoComplaintStory[]> = {
  billing: [
    {
      summary: "Charged twice for the same order {order}",
      details:
        "The customer's bank statement shows two payments of {amount} on the same day for order {order}. Only one order was placed and only one delivery arrived.",
      action: "Checked the order history: one order, two card payments. Asked the customer to send a screenshot of the statement.",
      theme: "doubleCharge",
      severity: "HIGH",
      mayBeCritical: true,
    },
    {
      summary: "Refund for returned {product} still not received after {days} weeks",
      details:
        "The {product} was collected on time and the return shows as received in the warehouse, but the {amount} refund has not reached the customer's card. They were told 5 working days.",
      action: "Confirmed the return was booked in. Could not see a refund transaction, so passed it on.",
      theme: "refundDelay",
      severity: "MEDIUM",
    },
    {
      summary: "Monthly direct debit went up without notice",
      details:
        "The customer's direct debit rose from last month without any letter or email. They say they would have switched plans if they had been told.",
      action: "Explained the annual price review; customer says the notice never arrived. Checked their email address is right.",
      severity: "MEDIUM",
    },
    {
      summary: "Late payment fee charged although payment was on time",
      details: "A {amount} late fee appeared on the latest invoice. The customer paid on the due date and has the bank confirmation.",
      action: "Found the payment posted one day late on our side. Removed the fee for this month.",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Credit note promised on the phone never applied",
      details:
        "On a call {days} weeks ago the customer was promised a {amount} credit for the outage. The last two invoices show no credit and nobody called back.",
      action: "Found a note of the promise on the account but no credit raised. Apologised and passed it to billing.",
      theme: "refundDelay",
      severity: "MEDIUM",
    },
    {
      summary: "Card charged {n} times after one failed checkout",
      details:
        "The website showed an error at checkout, so the customer tried again. Their card has now been charged {n} times, {amount} each, and they are short of money for rent.",
      action: "Told the customer the duplicates should drop off in a few days; they need it back today. Escalated as urgent.",
      theme: "doubleCharge",
      severity: "HIGH",
      mayBeCritical: true,
    },
    {
      summary: "Invoice shows items the customer never ordered",
      details: "The invoice for account {account} lists two add-ons the customer never asked for, at {amount} a month.",
      action: "Removed the add-ons going forward. The back-charges need approval to refund.",
      severity: "MEDIUM",
    },
    {
      summary: "Refund sent to a closed bank account",
      details:
        "The refund for order {order} went to the card the customer cancelled months ago. The bank returned it, and the customer has heard nothing since.",
      action: "Updated the payment details on the account. Asked for the returned refund to be re-issued.",
      theme: "refundDelay",
      severity: "MEDIUM",
    },
  ],
  quality: [
    {
      summary: "{product} stopped working after {days} days",
      details:
        "The {product} was installed {days} days ago and has stopped working completely. The customer has already reset it twice following the guide.",
      action: "Went through the troubleshooting steps with the customer; still dead. Offered a replacement.",
      severity: "MEDIUM",
    },
    {
      summary: "Strong burning smell from new {product}",
      details:
        "The customer noticed a burning smell and a hot casing a few minutes after switching on the {product}. They have unplugged it and are worried about a fire.",
      action: "Told the customer to keep it unplugged and not use it. Took photos of the label and serial number.",
      severity: "HIGH",
      mayBeCritical: true,
    },
    {
      summary: "Replacement {product} has the same fault as the first one",
      details:
        "This is the second {product} with the same rattling noise. The customer is losing confidence in the brand and wants to know if there is a batch problem.",
      action: "Logged both serial numbers. Offered a different model, customer wants to hear from someone first.",
      severity: "MEDIUM",
    },
    {
      summary: "Installation left a leak under the sink",
      details: "Since the technician's visit there is a slow leak under the sink and the cupboard floor is soaked.",
      action: "Booked an urgent follow-up visit and sent the customer the claims form.",
      severity: "HIGH",
    },
    {
      summary: "Parts missing from the {product} box",
      details: "The box arrived sealed but the fixing kit and the manual are missing, so the customer cannot assemble it.",
      action: "Sent the missing parts by courier.",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Paint peeling on the {product} after one month",
      details: "The finish on the front panel is peeling off in strips. The customer says it looks second-hand.",
      action: "Asked for photos and explained the warranty covers it.",
      severity: "LOW",
    },
  ],
  delivery: [
    {
      summary: "Order {order} {days} days late with no update",
      details:
        "The delivery was promised for last {time}. The tracking page has said 'in transit' for {days} days and nobody has contacted the customer.",
      action: "Checked tracking with the courier: no scan since the depot. Promised a call back tomorrow.",
      theme: "lateDelivery",
      severity: "MEDIUM",
    },
    {
      summary: "Delivery marked as delivered but nothing arrived",
      details:
        "Tracking for {order} says delivered at {time}, with no photo. The customer was at home all day and the neighbours have nothing.",
      action: "Opened a trace with the courier and told the customer we would replace it if it isn't found in 48 hours.",
      theme: "lateDelivery",
      severity: "HIGH",
    },
    {
      summary: "Technician didn't turn up for the booked appointment",
      details:
        "The customer took a day off work for the {time} slot. Nobody came and nobody called. This is the second missed appointment.",
      action: "Apologised and rebooked for the first slot available. Customer asked for compensation for lost wages.",
      theme: "missedAppointment",
      severity: "HIGH",
    },
    {
      summary: "{product} arrived with a cracked front",
      details: "The box was crushed on one corner and the {product} inside is cracked across the front.",
      action: "Arranged a replacement and a collection of the damaged one.",
      theme: "damaged",
      severity: "MEDIUM",
      fixable: true,
    },
    {
      summary: "Courier left parcel in the rain outside the door",
      details: "The parcel was left on the doorstep in heavy rain despite the 'do not leave unattended' note. The contents are soaked.",
      action: "Logged a complaint with the courier and offered a replacement.",
      theme: "damaged",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Appointment window of 8 hours is impossible to plan around",
      details:
        "The customer was given an 8am–4pm window and told no narrower slot is possible. They ask why other companies can give a one-hour window.",
      action: "Added a request for a call 30 minutes before arrival.",
      theme: "missedAppointment",
      severity: "LOW",
    },
    {
      summary: "Delivery rescheduled {n} times by us",
      details: "We have moved the delivery of {order} {n} times, each time by text message the evening before.",
      action: "Found stock shortage as the reason. Offered an alternative model in stock now.",
      theme: "lateDelivery",
      severity: "MEDIUM",
    },
  ],
  technical: [
    {
      summary: "Can't log in to the app after the latest update",
      details:
        "Since updating the app this week the customer gets 'Something went wrong' right after entering the password. The website works. Phone: {product}.",
      action: "Cleared the app cache and reinstalled with the customer; same error.",
      theme: "appLogin",
      severity: "MEDIUM",
    },
    {
      summary: "App logs the customer out every few minutes",
      details: "The customer is signed out of the app every few minutes and has to type the one-time code each time.",
      action: "Checked the account is not locked. Suggested the website for now.",
      theme: "appLogin",
      severity: "MEDIUM",
    },
    {
      summary: "One-time login code never arrives by text",
      details: "The customer requests the login code, but the text never arrives. Tried {n} times over two days.",
      action: "Confirmed the phone number on file is correct. Could not send a code manually.",
      theme: "appLogin",
      severity: "HIGH",
    },
    {
      summary: "Website checkout freezes at the payment step",
      details: "The payment page spins forever after entering card details, on two different browsers.",
      action: "Took the order over the phone instead.",
      severity: "MEDIUM",
      fixable: true,
    },
    {
      summary: "Customer saw another customer's order in their account",
      details:
        "When opening 'My orders' the customer saw an order with someone else's name and address. They took a screenshot and are very worried about their own details.",
      action: "Asked the customer not to share the screenshot. Escalated straight away.",
      severity: "HIGH",
      mayBeCritical: true,
    },
    {
      summary: "Password reset email goes to spam or never arrives",
      details: "The password reset email never arrives; nothing in spam either.",
      action: "Reset the password by phone after identity checks.",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Smart {product} won't connect to the app",
      details: "The {product} shows as offline in the app although it is connected to the home Wi-Fi.",
      action: "Walked through pairing again; no luck.",
      severity: "LOW",
    },
  ],
  account: [
    {
      summary: "Address change not saved for the third time",
      details: "The customer moved and has updated their address three times. Letters still go to the old address.",
      action: "Updated the address and checked it saved on both systems.",
      severity: "MEDIUM",
      fixable: true,
    },
    {
      summary: "Account closed without the customer asking",
      details: "Account {account} was closed last week. The customer never asked for it and has lost their loyalty points.",
      action: "Couldn't reopen it from my screen. Passed it on with the account number.",
      severity: "HIGH",
    },
    {
      summary: "Plan change promised in chat never happened",
      details: "In a chat {days} weeks ago the customer agreed a cheaper plan. They are still billed for the old one.",
      action: "Found the chat transcript. Changed the plan from today.",
      severity: "MEDIUM",
    },
    {
      summary: "Waited {n} minutes on hold, then cut off",
      details: "The customer was on hold for {n} minutes and the call dropped when it was finally answered. Called back and waited again.",
      action: "Apologised and dealt with the original question.",
      theme: "holdTimes",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Nobody called back as promised",
      details: "The customer was promised a call back within 24 hours, three times. Nobody has called.",
      action: "Called the customer back myself and booked a named follow-up.",
      severity: "MEDIUM",
    },
    {
      summary: "Loyalty points disappeared from the account",
      details: "{n} points the customer was saving for a voucher vanished after the account upgrade.",
      action: "Screenshot of the old balance sent in. Passed to the account team.",
      severity: "LOW",
    },
  ],
  attitude: [
    {
      summary: "Agent was dismissive and talked over the customer",
      details:
        "The customer says the person on the phone kept interrupting and told them 'that's just how it is'. They felt nobody was listening.",
      action: "Apologised, listened to the full story and noted the date and time of the call.",
      theme: "rude",
      severity: "MEDIUM",
      fixable: true,
    },
    {
      summary: "Technician was rude about the state of the house",
      details: "The customer says the technician made comments about the mess in the kitchen in front of their children.",
      action: "Apologised and noted the visit date.",
      theme: "rude",
      severity: "MEDIUM",
    },
    {
      summary: "Chat agent closed the chat mid-conversation",
      details: "The customer was still typing when the chat was ended. The transcript shows no goodbye.",
      action: "Picked up the question on the phone and resolved it.",
      theme: "rude",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Customer told to 'go somewhere else then'",
      details: "When the customer said they might leave, the agent said 'go somewhere else then'. The customer is a 12-year customer.",
      action: "Apologised on behalf of the company. Customer wants to hear from a manager.",
      theme: "rude",
      severity: "HIGH",
    },
    {
      summary: "Long hold times every time the customer calls",
      details: "The customer has called four times this month and never waited less than {n} minutes.",
      action: "Gave the customer the chat option and the quieter times to call.",
      theme: "holdTimes",
      severity: "LOW",
      fixable: true,
    },
  ],
  policy: [
    {
      summary: "Cancellation fee not mentioned when the contract was sold",
      details:
        "The customer was charged {amount} to cancel within the first year. They say the sales agent told them they could leave at any time.",
      action: "Explained the fee; customer disputes it. Saved the sales call reference.",
      theme: "cancellation",
      severity: "MEDIUM",
    },
    {
      summary: "30-day returns limit too short for a gift",
      details: "The {product} was a gift bought in November and the return was refused in January.",
      action: "Explained the policy. Customer thinks gifts should get longer.",
      severity: "LOW",
    },
    {
      summary: "Can't cancel online, only by phone",
      details: "The customer could sign up online in two minutes but has to call to cancel and waited {n} minutes.",
      action: "Processed the cancellation on the call.",
      theme: "cancellation",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "Restocking fee on an unopened return",
      details: "A {amount} restocking fee was taken from the refund of a {product} returned unopened.",
      action: "Explained the fee; customer says it isn't in the terms they saw.",
      severity: "MEDIUM",
    },
    {
      summary: "Price match refused for the same item online",
      details: "Our own website shows the {product} cheaper than the price the customer paid in the same week.",
      action: "Checked the dates: within a week. Policy says no price match on promotions.",
      severity: "LOW",
    },
  ],
  showroom: [
    {
      summary: "Showroom closed during advertised opening hours",
      details: "The customer drove 40 minutes to the showroom, which was closed at 2pm on a Saturday.",
      action: "Apologised and took the order by phone.",
      severity: "LOW",
      fixable: true,
    },
    {
      summary: "No parking at the showroom for disabled visitors",
      details: "The only disabled bay at the showroom was used for deliveries.",
      action: "Passed the photo on to facilities.",
      severity: "MEDIUM",
    },
  ],
};

export const demoFillers = {
  product: [
    "washing machine",
    "dishwasher",
    "boiler",
    "smart thermostat",
    "fridge freezer",
    "oven",
    "heat pump",
    "tumble dryer",
    "smart doorbell",
    "water heater",
  ],
  time: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "morning", "afternoon"],
} as const;

/** Short notes reps add when they hear a complaint that is already logged. */
export const demoSightingNotes = [
  "",
  "",
  "Same again, another customer on the phone.",
  "Heard this twice today at the counter.",
  "Customer on chat, same problem.",
  "Another one this morning.",
  "Same problem, customer very frustrated.",
  "Customer mentioned friends have the same issue.",
  "Seen on social media too.",
  "Third call this week about this.",
  "Came up in a survey comment.",
];

/** What managers plan, per category. */
export const demoActionPlans: Record<string, string[]> = {
  billing: [
    "Refund the duplicate payment today and check the payment gateway logs for the cause.",
    "Raise the missing credit, refund it to the card on file and review how promised credits are tracked.",
    "Review every refund older than 10 working days this week and clear the backlog.",
    "Reverse the fee and ask the payments team why postings run a day late.",
  ],
  quality: [
    "Replace the unit and send the faulty one to the supplier for testing.",
    "Check the batch number against other returns; pause sales of the batch if it repeats.",
    "Send a senior technician to inspect and repair, at no cost to the customer.",
  ],
  delivery: [
    "Trace the parcel with the courier and send a replacement if it isn't found in 48 hours.",
    "Raise the missed appointments with the scheduling team and offer the customer a fixed slot.",
    "Review courier performance in this area with the carrier this week.",
    "Replace the damaged item and report the packaging issue to the warehouse.",
  ],
  technical: [
    "Reproduce the login error on the reported phones and roll back the release if confirmed.",
    "Fix the text-message provider configuration and resend pending codes.",
    "Investigate the session mix-up as a security incident and notify the data protection officer.",
    "Add the device model to the test matrix and ship a fix in the next release.",
  ],
  account: [
    "Correct the account, restore what was lost and call the customer to confirm.",
    "Find out why the change didn't save and fix the sync between the two systems.",
    "Assign a named person to call the customer back and close the loop.",
  ],
  attitude: [
    "Listen to the call recording with the agent and agree coaching; apologise to the customer personally.",
    "Speak to the technician and their lead; send a written apology.",
    "Review staffing at peak times to bring hold times down.",
  ],
  policy: [
    "Waive the fee for this customer and review how the sales script explains it.",
    "Take the feedback to the next policy review with the numbers behind it.",
    "Make online cancellation possible; until then, call customers back instead of making them wait.",
  ],
  showroom: ["Check opening hours with the showroom team and fix the website listing."],
};

/** The manager's response back to the rep (the loop closing, DESIGN.md). */
export const demoResponses: Record<string, string[]> = {
  billing: [
    "Thanks for passing this on. We refunded the duplicate payment today; the customer should see it in 3–5 days. The gateway bug behind it is fixed.",
    "The refund went out this morning. We found 14 other refunds stuck the same way and cleared them too — your report helped.",
    "We applied the credit and wrote to the customer. Promised credits are now tracked on a list we check weekly.",
    "Fee reversed. Postings were running a day behind; payments have fixed the schedule.",
  ],
  quality: [
    "A replacement is on its way and the faulty unit goes back to the supplier. Please let the customer know we will call before delivery.",
    "The batch had a known fault; we've pulled the remaining stock. Thank you for logging the serial numbers.",
    "Our senior technician repaired it on Tuesday; the customer was happy with the visit.",
  ],
  delivery: [
    "The courier found the parcel at the depot and delivered it the next day. We are reviewing that depot with the carrier.",
    "We've given the customer a fixed morning slot and a goodwill credit. Scheduling now calls ahead on the day.",
    "Replacement delivered. The warehouse has changed how these are packed.",
  ],
  technical: [
    "The login error came from the last release; a fix went out on Thursday. Customers need to update the app.",
    "Codes are arriving again after a provider fix. Thanks for the detail about which network the customer is on.",
    "This was handled as a security incident and is closed. The customer has been contacted by our data protection officer.",
  ],
  account: [
    "Account corrected and the points restored. The sync issue is fixed, so it shouldn't happen again.",
    "We called the customer and sorted it. Thanks for chasing this.",
  ],
  attitude: [
    "I listened to the call and spoke with the agent; coaching is agreed. I called the customer to apologise personally.",
    "The technician has apologised in writing and we've reminded the field team of our visit standards.",
    "We've added two people to the early shift to bring hold times down. Thanks for raising it.",
  ],
  policy: [
    "We waived the fee for this customer. The sales script now explains the fee clearly.",
    "Taken to the policy review: we're extending returns on gifts bought in December.",
    "Thanks — online cancellation is now on the roadmap for next quarter.",
  ],
  showroom: ["Opening hours were wrong online; fixed. Thank you."],
};

/** A manager's thanks for a complaint the rep sorted out at the front line. */
export const demoFrontLineResponses = [
  "Thanks for sorting this on the spot — exactly right.",
  "Good handling. Nothing more needed from us; noted for the monthly review.",
  "Thanks for logging it even though you fixed it: it helps us see the pattern.",
];

export const demoCustomerNames = {
  first: [
    "Alex",
    "Brianna",
    "Carlos",
    "Dana",
    "Emeka",
    "Fiona",
    "Gareth",
    "Hiroshi",
    "Imogen",
    "Jorge",
    "Kerry",
    "Leila",
    "Martin",
    "Nora",
    "Owen",
    "Paula",
    "Quentin",
    "Rosa",
    "Stefan",
    "Tara",
    "Umar",
    "Vera",
    "Wendy",
    "Yusuf",
  ],
  last: [
    "Abbott",
    "Banerjee",
    "Castillo",
    "Doyle",
    "Eriksen",
    "Fischer",
    "Gallagher",
    "Hughes",
    "Ibrahim",
    "Jensen",
    "Kowalski",
    "Lambert",
    "McKenzie",
    "Nakamura",
    "O'Neill",
    "Pereira",
    "Quinn",
    "Reyes",
    "Sullivan",
    "Thornton",
    "Varga",
    "Whitaker",
  ],
} as const;
