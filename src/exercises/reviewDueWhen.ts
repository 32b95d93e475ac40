import { localDay } from './reviewPick';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * When the next review falls due, in words, as seen at `now` (the learner's local time): "later today,
 * at 17:40", "tomorrow, at 9:05", else "on 12 March 2025". Written here, not by the browser's locale,
 * so that the page reads the same everywhere and a test can say what it reads.
 */
export function reviewDueWhen(dueAt: number, now: number): string {
  const due = new Date(dueAt);
  const time = `${due.getHours()}:${String(due.getMinutes()).padStart(2, '0')}`;
  const days = localDay(dueAt) - localDay(now);
  if (days === 0) return `later today, at ${time}`;
  if (days === 1) return `tomorrow, at ${time}`;
  return `on ${due.getDate()} ${MONTHS[due.getMonth()]} ${due.getFullYear()}`;
}
