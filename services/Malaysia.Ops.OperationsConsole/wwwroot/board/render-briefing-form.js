// The outgoing lead's briefing form: per open item the severity as judged, a one-line summary,
// the actions (one a line), what to watch for and what to do if it happens. An item unticked is
// left out. The form's HTML depends only on the held briefing, so typing is never overwritten.

import { DEFAULT_SEVERITIES } from './constants.js';
import { camelBreaks, escapeHtml, fmtDuration, list, route, token } from './format.js';
import { patch } from './page.js';
import { state } from './state.js';

export function renderBriefingForms(s) {
  const container = document.getElementById('to-write');
  const briefings = list(s.toWrite);
  if (briefings.length === 0) {
    patch(container, '<p class="empty-note">No briefing waits for an outgoing lead.</p>');
    return;
  }
  patch(container, briefings.map((b) => `
    <form class="briefing-form" data-write-briefing="${escapeHtml(b.handoffId)}" novalidate>
      <header class="briefing-head">
        <h3>Write the briefing <span class="route">${route(b.fromDeskId, b.toDeskId)}</span> <span class="mono muted">(${escapeHtml(b.handoffId)})</span></h3>
        <span class="muted">untick an item to leave it out: it changes hands without its context</span>
      </header>
      ${list(b.items).map(renderItem).join('')}
      <div class="button-row"><button type="submit" class="primary">Send briefing</button></div>
      <p class="form-error" role="alert" hidden></p>
    </form>`).join(''));
}

function renderItem(item, index) {
  const id = escapeHtml(item.incidentId);
  const severities = list(state.catalogue?.severities).length > 0 ? state.catalogue.severities : DEFAULT_SEVERITIES;
  const options = severities.map((v) => `<option value="${escapeHtml(v)}"${v === item.severity ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('');
  const name = (field) => `items[${index}].${field}`;
  const error = (field) => `<p class="field-error" data-error-for="${name(field)}" role="alert" hidden></p>`;
  const key = (field) => `write:${id}:${field}`;
  return `<fieldset class="write-item" data-write-item="${id}" data-index="${index}">
      <legend>
        <label><input type="checkbox" name="include" checked data-focus-key="${key('include')}"> <strong class="mono">${id}</strong></label>
        <span class="type">${camelBreaks(item.type)}</span>
        <span class="sev sev-${token(item.severity)}">${escapeHtml(item.severity)}</span>
        <span class="status status-${token(item.status)}">${escapeHtml(item.status)}</span>
        <span class="muted">${escapeHtml(fmtDuration(item.remainingWorkMinutes, '0 min'))} of work left</span>
      </legend>
      <div class="field-row">
        <div class="field"><label>Severity as you judge it</label><select name="severity" data-focus-key="${key('severity')}">${options}</select>${error('severity')}</div>
        <div class="field"><label>Summary <span class="hint">one line</span></label><input name="summary" type="text" maxlength="300" data-focus-key="${key('summary')}">${error('summary')}</div>
      </div>
      <div class="field"><label>Actions <span class="hint">one a line</span></label><textarea name="actions" rows="2" data-focus-key="${key('actions')}"></textarea>${error('actions')}</div>
      <div class="field-row">
        <div class="field"><label>Watch for</label><input name="watchFor" type="text" maxlength="300" data-focus-key="${key('watchFor')}">${error('watchFor')}</div>
        <div class="field"><label>If it happens</label><input name="ifItHappens" type="text" maxlength="300" data-focus-key="${key('ifItHappens')}">${error('ifItHappens')}</div>
      </div>
      ${error('incidentId')}
    </fieldset>`;
}
