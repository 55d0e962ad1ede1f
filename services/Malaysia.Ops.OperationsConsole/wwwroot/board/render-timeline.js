// Timeline: what happened, newest first.

import { MAX_TIMELINE_ENTRIES } from './constants.js';
import { dateUtc, escapeHtml, hhmmUtc, list, toDate, token, wallTime } from './format.js';
import { patch } from './page.js';

export function renderTimeline(s) {
  // The console sends the timeline newest first, in the order things reached it.
  const entries = list(s.timeline).slice(0, MAX_TIMELINE_ENTRIES);
  const html = entries.length === 0
    ? '<li class="empty-note">Nothing has happened yet.</li>'
    : entries.map((e) => {
      const wall = toDate(e.wall);
      return `<li class="tl-entry"${wall ? ` title="wall ${escapeHtml(wallTime(wall))}"` : ''}>
          <span class="tl-time"><strong>${escapeHtml(hhmmUtc(e.at))}</strong><span class="muted">${escapeHtml(dateUtc(e.at))}</span></span>
          <span class="kind kind-${token(e.kind)}">${escapeHtml(e.kind)}</span>
          <span class="tl-text">${escapeHtml(e.text)}</span>
        </li>`;
    }).join('');
  patch(document.getElementById('timeline'), html);
}
