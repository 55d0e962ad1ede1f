// Rehearsal: the briefings waiting for a person, item by item.

import { DEFAULT_QUESTION } from './constants.js';
import { camelBreaks, dateUtc, escapeHtml, fmtDuration, hhmmUtc, list, route, token } from './format.js';
import { patch } from './page.js';
import { state } from './state.js';

function itemKey(handoffId, incidentId) {
  return `${handoffId}:${incidentId}`;
}

export function renderRehearsal(s) {
  const briefings = list(s.rehearsal);
  const container = document.getElementById('rehearsal');

  // Drafts and errors of items that are no longer pending are dropped.
  const pending = new Set(briefings.flatMap((b) => list(b.items).map((i) => itemKey(b.handoffId, i.incidentId))));
  for (const map of [state.questionDrafts, state.readBackDrafts, state.itemErrors]) {
    for (const key of [...map.keys()]) if (!pending.has(key)) map.delete(key);
  }

  if (briefings.length === 0) {
    patch(container, '<p class="empty-note">No briefing is waiting for a person.</p>');
    return;
  }
  patch(container, briefings.map((b) => `
    <article class="briefing" data-briefing-id="${escapeHtml(b.handoffId)}">
      <header class="briefing-head">
        <h3>Handoff <span class="route">${route(b.fromDeskId, b.toDeskId)}</span> <span class="mono muted">(${escapeHtml(b.handoffId)})</span></h3>
        <span class="muted">briefed ${escapeHtml(hhmmUtc(b.briefedAt))} UTC · ${escapeHtml(dateUtc(b.briefedAt))}</span>
      </header>
      <ul class="pending-items">${list(b.items).map((item) => renderPendingItem(b, item)).join('')}</ul>
    </article>`).join(''));
}

function renderPendingItem(briefing, item) {
  const key = itemKey(briefing.handoffId, item.incidentId);
  const itemState = String(item.state ?? '');
  // An escalated item still waits on the desk; accepting it late is booked as late.
  const settled = itemState === 'accepted';
  const busy = state.busyItems.has(key);
  const disabled = settled || busy ? ' disabled' : '';
  const question = state.questionDrafts.get(key) ?? DEFAULT_QUESTION;
  const error = state.itemErrors.get(key);
  const readBack = state.readBackDrafts.get(key) ?? item.readBack ?? '';
  const text = (value) => (value === null || value === undefined || value === '' ? '<span class="muted">—</span>' : escapeHtml(value));

  return `<li class="pending-item item-${token(itemState)}" data-pending-item="${escapeHtml(key)}"
        data-handoff="${escapeHtml(briefing.handoffId)}" data-incident="${escapeHtml(item.incidentId)}">
      <div class="item-head">
        <strong class="mono">${escapeHtml(item.incidentId)}</strong>
        <span class="type">${camelBreaks(item.type)}</span>
        <span class="sev sev-${token(item.severity)}">${escapeHtml(item.severity)}</span>
        <span class="status status-${token(item.status)}">${escapeHtml(item.status)}</span>
        <span class="item-state state-${token(itemState)}">${escapeHtml(itemState)}</span>
        <span class="waiting">waiting ${escapeHtml(fmtDuration(item.waitingMinutes))}</span>
      </div>
      ${item.contextMissing ? '<p class="context-missing"><span aria-hidden="true">⚠</span> Context missing: ask before accepting</p>' : ''}
      <dl class="item-facts">
        <div><dt>Acknowledged</dt><dd>${item.acknowledged ? 'yes' : 'no'}</dd></div>
        <div><dt>Remaining work</dt><dd>${escapeHtml(fmtDuration(item.remainingWorkMinutes, '0 min'))}</dd></div>
        <div><dt>Notes</dt><dd>${text(item.notes)}</dd></div>
        <div><dt>Next action</dt><dd>${text(item.nextAction)}</dd></div>
      </dl>
      ${renderWritten(item, text)}
      <label class="readback-label">Read it back in your own words
        <textarea class="readback" data-readback-for="${escapeHtml(key)}" data-focus-key="readback:${escapeHtml(key)}" rows="2"
          aria-label="Read-back of ${escapeHtml(item.incidentId)}"${disabled}>${escapeHtml(readBack)}</textarea></label>
      <div class="item-actions">
        <button type="button" class="primary" data-action="accept" data-focus-key="accept:${escapeHtml(key)}"${disabled}>Accept</button>
        <input type="text" class="question" data-question-for="${escapeHtml(key)}" data-focus-key="question:${escapeHtml(key)}"
          aria-label="Question about ${escapeHtml(item.incidentId)}" value="${escapeHtml(question)}" autocomplete="off"${disabled}>
        <button type="button" data-action="query" data-focus-key="query:${escapeHtml(key)}"${disabled}>Query</button>
      </div>
      ${error ? `<p class="item-error" role="alert">${escapeHtml(error)}</p>` : ''}
    </li>`;
}

/** The structured briefing as the outgoing lead wrote it; nothing when it was left out. */
function renderWritten(item, text) {
  if (!item.summary) return '';
  const actions = list(item.actions).map((a) => `<li>${escapeHtml(a)}</li>`).join('');
  return `<dl class="item-written">
      <div><dt>Severity as judged</dt><dd>${text(item.judgedSeverity)}</dd></div>
      <div><dt>Summary</dt><dd class="written-summary">${text(item.summary)}</dd></div>
      <div><dt>Actions</dt><dd><ul class="written-actions">${actions}</ul></dd></div>
      <div><dt>Watch for</dt><dd>${text(item.watchFor)}</dd></div>
      <div><dt>If it happens</dt><dd>${text(item.ifItHappens)}</dd></div>
    </dl>`;
}
