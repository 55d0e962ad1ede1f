// Flow and totals: the last simulated hour's traffic and the run's counts.

import { escapeHtml, fmtNumber } from './format.js';
import { patch } from './page.js';

export function renderFlow(s) {
  const flow = s.flow ?? {};
  const totals = s.totals ?? {};
  const stat = (label, value, cls = '') =>
    `<div class="stat ${cls}"><div class="stat-value">${escapeHtml(value)}</div><div class="stat-label">${escapeHtml(label)}</div></div>`;
  const count = (value) => fmtNumber(value, 0);
  patch(document.getElementById('flow'), `
    <div class="label">Last simulated hour</div>
    <div class="stats stats-3">
      ${stat('raised', fmtNumber(flow.raisedLastHour))}
      ${stat('resolved', fmtNumber(flow.resolvedLastHour))}
      ${stat('messages / s', fmtNumber(flow.messagesPerSecond))}
    </div>
    <div class="stats stats-2">
      ${stat('queue depth', count(flow.queueDepth))}
      ${stat('consumers', count(flow.consumers))}
    </div>
    <div class="label">Totals</div>
    <div class="stats stats-4">
      ${stat('raised', count(totals.raised))}
      ${stat('resolved', count(totals.resolved))}
      ${stat('open', count(totals.open))}
      ${stat('escalated', count(totals.escalated), totals.escalated > 0 ? 'is-bad' : '')}
      ${stat('handoffs', count(totals.handoffs))}
      ${stat('items accepted', count(totals.itemsAccepted))}
      ${stat('items escalated', count(totals.itemsEscalated), totals.itemsEscalated > 0 ? 'is-bad' : '')}
    </div>`);
}
