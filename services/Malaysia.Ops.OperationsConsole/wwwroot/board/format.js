// Text and formatting: escaping, class-name fragments, times, numbers and durations.

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Makes any value safe to place in HTML text or in a quoted attribute. */
export function escapeHtml(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A value reduced to a safe class-name fragment, e.g. "at-risk" or "in-handoff". */
export function token(value) {
  return String(value ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'unknown';
}

/** Escaped text with break opportunities between camel-case words, so "InferenceLatencySloBreach"
 *  wraps in a narrow column instead of widening it. */
export function camelBreaks(value) {
  return escapeHtml(value).replace(/([a-z0-9])([A-Z])/g, '$1<wbr>$2');
}

export const pad2 = (n) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function toDate(iso) {
  if (iso === null || iso === undefined) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "09:12" in UTC. Simulated times are shown in UTC so both desks read the same figure. */
export function hhmmUtc(iso) {
  const d = toDate(iso);
  return d ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : '–';
}

/** "Mon 13 Jul" in UTC. */
export function dateUtc(iso) {
  const d = toDate(iso);
  return d ? `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` : '';
}

/** Wall time in the viewer's own zone, for tooltips and the status line. */
export function wallTime(date = new Date()) {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

export function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A number with at most `digits` decimals and no trailing zeros; "–" when there is none. */
export function fmtNumber(value, digits = 1, grouping = true) {
  if (!isNumber(value)) return '–';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, useGrouping: grouping });
}

/** "600×": simulated seconds per wall second. */
export function fmtSpeed(speed) {
  return isNumber(speed) ? `${fmtNumber(speed, 2, false)}×` : '–';
}

/** Minutes as "42 min", "1 h 23 min", "3 d 4 h". `short` names what to say under a minute. */
export function fmtDuration(minutes, short = '<1 min') {
  if (!isNumber(minutes)) return '–';
  if (minutes < 1) return short;
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours < 48) return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}

/** The short name of a desk in routes, e.g. "US → MY". */
export function deskCode(deskId) {
  return String(deskId ?? '?').toUpperCase();
}

export function route(fromDeskId, toDeskId) {
  return `${escapeHtml(deskCode(fromDeskId))} → ${escapeHtml(deskCode(toDeskId))}`;
}

/** Only http(s) links are made clickable, whatever the server sends. */
export function safeHttpUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function list(value) {
  return Array.isArray(value) ? value : [];
}
