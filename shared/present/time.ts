/** Times and dates as Viet Nam writes them (Asia/Ho_Chi_Minh), for tabs, lists and documents. */

let VIETNAM_TIME: Intl.DateTimeFormat | undefined;

/** "28/11/2026 07:40" in Viet Nam's time zone, from an ISO instant passed in (no clock here). */
export function formatVietnamTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  // One formatter for every call: making one costs more than a unit's whole feedback tab.
  VIETNAM_TIME ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const parts = VIETNAM_TIME.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The calendar date (YYYY-MM-DD) in Viet Nam of an ISO instant passed in. */
export function vietnamDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}
