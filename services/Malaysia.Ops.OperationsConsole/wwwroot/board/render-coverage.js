// The coverage strip: 24 simulated hours of each desk's shifts and the gaps, in UTC.

import { HOUR_MS } from './constants.js';
import { dateUtc, deskCode, escapeHtml, hhmmUtc, isNumber, list, pad2, toDate } from './format.js';
import { patch } from './page.js';
import { deskColourClass } from './state.js';

export function renderCoverage(s) {
  const strip = s.coverage;
  const from = toDate(strip?.from)?.getTime();
  const to = toDate(strip?.to)?.getTime();
  const container = document.getElementById('coverage');
  if (!isNumber(from) || !isNumber(to) || to <= from) {
    patch(container, '<p class="placeholder">No coverage to show.</p>');
    return;
  }
  const span = to - from;
  const at = (iso) => Math.min(100, Math.max(0, ((toDate(iso)?.getTime() ?? from) - from) / span * 100));
  const bar = (item, cls, label) => {
    const left = at(item.from);
    const width = Math.max(0, at(item.to) - left);
    const title = `${label} ${hhmmUtc(item.from)}–${hhmmUtc(item.to)} UTC`;
    return `<div class="cov-bar ${cls}" data-left="${left.toFixed(3)}" data-width="${width.toFixed(3)}" title="${escapeHtml(title)}"></div>`;
  };

  // Hour ticks on the UTC three-hour grid, so labels read 00, 03, 06… whatever the strip's start.
  const ticks = [];
  for (let t = Math.ceil(from / (3 * HOUR_MS)) * 3 * HOUR_MS; t <= to; t += 3 * HOUR_MS) {
    ticks.push({ left: ((t - from) / span * 100).toFixed(3), label: `${pad2(new Date(t).getUTCHours())}:00` });
  }
  const tickLabels = ticks.map((t) => `<span class="cov-tick${edgeClass(t.left)}" data-left="${t.left}">${t.label}</span>`).join('');
  const gridLines = ticks.map((t) => `<span class="cov-gridline" data-left="${t.left}"></span>`).join('');

  const rows = list(strip.desks).map((desk) => `
    <div class="cov-label">${escapeHtml(desk.name || deskCode(desk.deskId))}</div>
    <div class="cov-track">${list(desk.shifts).map((shift) => bar(shift, deskColourClass(desk.deskId), desk.name ?? desk.deskId)).join('')}</div>`);
  const gaps = list(strip.gaps);
  rows.push(`
    <div class="cov-label cov-label-gap">Gaps</div>
    <div class="cov-track cov-track-gap">${gaps.length === 0
      ? '<span class="cov-none">none</span>'
      : gaps.map((gap) => bar(gap, 'cov-gap', 'Nobody on duty')).join('')}</div>`);

  const now = toDate(s.run?.simulatedNow)?.getTime();
  const nowLeft = ((now - from) / span * 100).toFixed(3);
  const nowMarker = isNumber(now) && now >= from && now <= to
    ? `<div class="cov-now${edgeClass(nowLeft)}" data-left="${nowLeft}"><span>now ${escapeHtml(hhmmUtc(s.run.simulatedNow))}</span></div>`
    : '';

  patch(container, `
    <div class="cov-grid">
      ${rows.join('')}
      <div class="cov-label cov-label-axis">UTC</div>
      <div class="cov-axis">${tickLabels}</div>
      <div class="cov-overlay" aria-hidden="true">${gridLines}${nowMarker}</div>
    </div>
    <p class="cov-range muted">${escapeHtml(dateUtc(strip.from))} ${escapeHtml(hhmmUtc(strip.from))} → ${escapeHtml(dateUtc(strip.to))} ${escapeHtml(hhmmUtc(strip.to))} UTC</p>`);
}

/** Labels near either end of the strip are anchored inside it rather than centred on their mark. */
function edgeClass(left) {
  const share = Number(left);
  if (share < 4) return ' at-start';
  if (share > 96) return ' at-end';
  return '';
}
