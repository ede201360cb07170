// The timeline note of a CONTACT_PURGED event, shared by the purge job and the demo data so the
// two read the same. Pure: no personal data, only the rule that applied.
export function contactPurgedNote(retentionDays: number) {
  return `Customer contact details erased: closed more than ${retentionDays} days ago.`;
}
