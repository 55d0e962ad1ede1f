// Handoffs: the recent ones, newest first, with their items' latency and, once over, their
// handoff quality score (0-100, banded) with the points of each part.

import { MAX_HANDOFF_ROWS } from './constants.js';
import { dateUtc, escapeHtml, fmtNumber, hhmmUtc, isNumber, list, route } from './format.js';
import { patch } from './page.js';

export function renderHandoffs(s) {
  // The console sends the handoffs newest first.
  const rows = list(s.handoffs);
  const container = document.getElementById('handoffs');
  if (rows.length === 0) {
    patch(container, '<p class="empty-note">No handoff yet.</p>');
    return;
  }
  const shown = rows.slice(0, MAX_HANDOFF_ROWS);
  const latency = (h) => (isNumber(h.latencyP50Minutes) || isNumber(h.latencyMaxMinutes)
    ? `${fmtNumber(h.latencyP50Minutes)} / ${fmtNumber(h.latencyMaxMinutes)}`
    : '–');
  patch(container, `
    <table class="handoffs">
      <thead><tr>
        <th>Handoff</th><th>Route</th><th>Briefed at</th>
        <th class="num">Items</th><th class="num">Accepted</th><th class="num">Queried</th><th class="num">Escalated</th>
        <th class="num">Latency p50 / max</th><th class="center">Done</th><th>Score</th>
      </tr></thead>
      <tbody>${shown.map((h) => `
        <tr data-handoff-id="${escapeHtml(h.handoffId)}">
          <td class="mono">${escapeHtml(h.handoffId)}</td>
          <td class="route">${route(h.fromDeskId, h.toDeskId)}${h.byPerson ? '<div><span class="tag tag-person">by a person</span></div>' : ''}</td>
          <td class="when"><strong>${escapeHtml(hhmmUtc(h.briefedAt))}</strong> <span class="muted">UTC</span><div class="muted small">${escapeHtml(dateUtc(h.briefedAt))}</div></td>
          <td class="num">${escapeHtml(fmtNumber(h.items, 0))}</td>
          <td class="num">${escapeHtml(fmtNumber(h.accepted, 0))}</td>
          <td class="num">${escapeHtml(fmtNumber(h.queried, 0))}</td>
          <td class="num${h.escalated > 0 ? ' is-bad' : ''}">${escapeHtml(fmtNumber(h.escalated, 0))}</td>
          <td class="num latency">${escapeHtml(latency(h))}</td>
          <td class="center">${h.completed ? '<span class="done" title="completed">✓</span>' : '<span class="muted" title="in progress">…</span>'}</td>
          <td class="score">${renderScore(h.score)}</td>
        </tr>`).join('')}
      </tbody>
    </table>
    ${rows.length > shown.length ? `<p class="more">+${rows.length - shown.length} earlier handoffs</p>` : ''}`);
}

const PARTS = [
  ['completeness', 'completeness', 30],
  ['omissionsSurfaced', 'omissions surfaced', 25],
  ['queries', 'queries', 15],
  ['latency', 'latency', 15],
  ['escalations', 'escalations', 15],
];

function renderScore(score) {
  if (!score || !isNumber(score.score)) return '<span class="muted">–</span>';
  const band = String(score.band ?? '').toLowerCase();
  const parts = PARTS.map(([key, label, weight]) => `${label} ${fmtNumber(score.parts?.[key])}/${weight}`).join(' · ');
  return `<strong class="score-value band-${escapeHtml(band)}">${escapeHtml(fmtNumber(score.score, 0))}</strong>
    <span class="band">${escapeHtml(band)}</span><div class="score-parts muted small">${escapeHtml(parts)}</div>`;
}
