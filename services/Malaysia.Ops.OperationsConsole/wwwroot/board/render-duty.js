// Duty: who is on duty now and the next handoff.

import { dateUtc, escapeHtml, fmtDuration, hhmmUtc, list, route } from './format.js';
import { patch } from './page.js';
import { deskColourClass, deskName } from './state.js';

export function renderDuty(s) {
  const duty = s.duty ?? {};
  const onDuty = list(duty.onDuty);
  const now = onDuty.length === 0
    ? '<p class="coverage-gap"><span aria-hidden="true">⚠</span> Nobody on duty — coverage gap</p>'
    : `<ul class="duty-chips">${onDuty.map((id) =>
      `<li class="duty-chip ${deskColourClass(id)}"><span class="swatch" aria-hidden="true"></span>${escapeHtml(deskName(id))}</li>`).join('')}</ul>`;

  const next = duty.next;
  const nextHtml = next
    ? `<p class="next-line"><span class="route">${route(next.fromDeskId, next.toDeskId)}</span> in
         <strong class="countdown">${escapeHtml(fmtDuration(next.inMinutes, 'under a minute'))}</strong>
         <span class="muted">(simulated)</span></p>
       <p class="muted">at ${escapeHtml(hhmmUtc(next.at))} UTC · ${escapeHtml(dateUtc(next.at))}</p>`
    : '<p class="muted">No handoff ahead in this run.</p>';

  patch(document.getElementById('duty'), `
    <div class="duty-block"><div class="label">On duty now</div>${now}</div>
    <div class="duty-block"><div class="label">Next handoff</div>${nextHtml}</div>`);
}
