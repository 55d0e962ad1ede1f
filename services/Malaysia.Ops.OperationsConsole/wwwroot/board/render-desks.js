// The desks: each one's duty, rehearsal switch, faults and open incidents.

import { MAX_INCIDENT_ROWS } from './constants.js';
import { camelBreaks, deskCode, escapeHtml, fmtDuration, list, safeHttpUrl, token } from './format.js';
import { patch } from './page.js';
import { deskColourClass, state } from './state.js';

/** The rehearsal switch as the presenter last set it while the snapshots catch up, else as the
 *  board reports it. */
function effectiveHuman(desk) {
  const actual = Boolean(desk.human);
  const pending = state.pendingHuman.get(desk.deskId);
  if (!pending) return actual;
  if (pending.until !== Infinity && (actual === pending.value || Date.now() > pending.until)) {
    state.pendingHuman.delete(desk.deskId);
    return actual;
  }
  return pending.value;
}

export function renderDesks(s) {
  const desks = list(s.desks);
  if (desks.length === 0) {
    patch(document.getElementById('desks'), '<p class="placeholder panel">No desks in this run.</p>');
    return;
  }
  patch(document.getElementById('desks'), desks.map(renderDesk).join(''));
}

function renderDesk(desk) {
  const id = desk.deskId;
  const human = effectiveHuman(desk);
  const busy = state.pendingHuman.get(id)?.until === Infinity;
  const faults = list(desk.faults);
  const open = list(desk.open);
  const shown = open.slice(0, MAX_INCIDENT_ROWS);

  const faultsHtml = faults.length === 0
    ? '<span class="muted">No faults</span>'
    : faults.map((f) => `<span class="fault-badge">${escapeHtml(f)}</span>`).join('');

  const table = open.length === 0
    ? '<p class="empty-note">No open incidents.</p>'
    : `<div class="table-wrap"><table class="incidents">
        <thead><tr><th>Incident</th><th>Type</th><th>Sev</th><th class="num">Age</th><th>Status</th><th>SLA</th></tr></thead>
        <tbody>${shown.map(renderIncidentRow).join('')}</tbody>
      </table></div>
      ${open.length > shown.length ? `<p class="more">+${open.length - shown.length} more</p>` : ''}`;

  return `
    <article class="panel desk ${deskColourClass(id)} ${desk.onDuty ? 'is-on-duty' : 'is-off-duty'}" data-desk-id="${escapeHtml(id)}">
      <header class="desk-head">
        <div>
          <h3><span class="swatch" aria-hidden="true"></span>${escapeHtml(desk.name || deskCode(id))}</h3>
          <div class="muted desk-tz">${escapeHtml(desk.timeZone)}</div>
        </div>
        <div class="desk-head-right">
          <span class="open-count"><strong>${open.length}</strong> open</span>
          <span class="pill ${desk.onDuty ? 'pill-on' : 'pill-off'}">${desk.onDuty ? 'On duty' : 'Off duty'}</span>
        </div>
      </header>
      <div class="desk-controls">
        <label class="toggle${busy ? ' is-busy' : ''}">
          <input type="checkbox" data-human-desk="${escapeHtml(id)}" data-focus-key="human:${escapeHtml(id)}"${human ? ' checked' : ''}${busy ? ' disabled' : ''}>
          <span class="switch" aria-hidden="true"></span>
          <span>Rehearsal: a person takes handoffs</span>
        </label>
        <div class="faults" aria-label="Faults">${faultsHtml}</div>
      </div>
      ${table}
    </article>`;
}

function renderIncidentRow(incident) {
  const traceUrl = safeHttpUrl(incident.traceUrl);
  const sla = String(incident.sla ?? '');
  // The synthetic tag and the trace link sit under the id, which keeps the table narrow enough
  // for two desks side by side.
  const extras = [
    incident.synthetic ? '<span class="tag tag-synthetic">synthetic</span>' : '',
    traceUrl ? `<a class="trace" href="${escapeHtml(traceUrl)}" target="_blank" rel="noopener">trace</a>` : '',
  ].filter(Boolean).join(' ');
  return `<tr data-incident-id="${escapeHtml(incident.incidentId)}">
      <td class="incident-id"><span class="mono">${escapeHtml(incident.incidentId)}</span>${extras ? `<div class="id-extras">${extras}</div>` : ''}</td>
      <td class="type">${camelBreaks(incident.type)}</td>
      <td><span class="sev sev-${token(incident.severity)}">${escapeHtml(incident.severity)}</span></td>
      <td class="num">${escapeHtml(fmtDuration(incident.ageMinutes))}</td>
      <td><span class="status status-${token(incident.status)}">${escapeHtml(incident.status)}</span></td>
      <td><span class="sla sla-${token(sla)}">${escapeHtml(sla.replace(/-/g, ' '))}</span></td>
    </tr>`;
}
