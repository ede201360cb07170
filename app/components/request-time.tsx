// Dates on the request page. Formatted in UTC, with the zone named, so the server's render and
// the browser's hydration agree whatever the machine's time zone.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDateTime(iso: string) {
  return `${DATE_TIME.format(new Date(iso))} UTC`;
}

/** A whole day (yyyy-mm-dd) such as a needed-by or promised-by date. */
export function formatDay(isoDay: string) {
  return DAY.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

export function DateTimeText({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}

export function DayText({ value }: { value: string }) {
  return <time dateTime={value.slice(0, 10)}>{formatDay(value)}</time>;
}
