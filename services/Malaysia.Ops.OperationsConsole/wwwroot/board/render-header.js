// The header: scenario, run state, speed, load and progress; the clocks; the run buttons.

import { dateUtc, escapeHtml, fmtNumber, fmtSpeed, hhmmUtc, isNumber, list, toDate, token } from './format.js';
import { patch, setText } from './page.js';
import { state } from './state.js';

export function renderHeader(s) {
  const run = s.run ?? {};
  setText('scenario', s.scenario || 'Unnamed scenario');
  document.title = `${s.scenario || 'Board'} · ${run.state ?? '—'} — Malaysia.Ops console`;

  const badge = document.getElementById('run-state');
  badge.className = `badge state-${token(run.state)}`;
  setText('run-state', run.state ?? '—');
  setText('mode', s.mode ?? '—');
  setText('speed', fmtSpeed(run.speed));

  const load = document.getElementById('load-indicator');
  const hasLoad = isNumber(run.loadIncidentsPerHour) && run.loadIncidentsPerHour > 0;
  load.hidden = !hasLoad;
  if (hasLoad) setText('load-indicator', `load +${fmtNumber(run.loadIncidentsPerHour)} incidents/h`);

  const start = toDate(run.start)?.getTime();
  const end = toDate(run.end)?.getTime();
  const now = toDate(run.simulatedNow)?.getTime();
  const bar = document.getElementById('run-progress-bar');
  if (isNumber(start) && isNumber(end) && isNumber(now) && end > start) {
    const share = Math.min(1, Math.max(0, (now - start) / (end - start)));
    bar.style.width = `${(share * 100).toFixed(2)}%`;
    setText('run-window-text',
      `${dateUtc(run.start)} ${hhmmUtc(run.start)} → ${dateUtc(run.end)} ${hhmmUtc(run.end)} UTC · ${Math.floor(share * 100)}%`);
  } else {
    bar.style.width = '0%';
    setText('run-window-text', '');
  }

  if (!state.speedPrefilled && isNumber(run.speed)) {
    const input = document.querySelector('#speed-form input[name=speed]');
    if (input && input.value === '' && document.activeElement !== input) input.value = String(run.speed);
    state.speedPrefilled = true;
  }
}

export function renderClocks(s) {
  const clocks = list(s.clocks);
  const html = clocks.map((c) => {
    const offset = String(c.utcOffset ?? '');
    const offsetText = /^[+\-\u2212]/.test(offset) ? `UTC${offset}` : offset;
    return `<div class="clock" title="${escapeHtml(c.timeZone)}">
        <div class="clock-label">${escapeHtml(c.label)}</div>
        <div class="clock-time">${escapeHtml(c.time)}</div>
        <div class="clock-foot"><span>${escapeHtml(c.date)}</span><span class="clock-offset">${escapeHtml(offsetText)}</span></div>
      </div>`;
  }).join('');
  patch(document.getElementById('clocks'), html);
}

/** The button for the next sensible step stands out; all stay usable, the server decides. */
export function renderRunButtons(s) {
  const runState = s.run?.state;
  document.getElementById('run-start').classList.toggle('primary', runState === 'ready');
  document.getElementById('run-pause').classList.toggle('primary', runState === 'running');
  document.getElementById('run-resume').classList.toggle('primary', runState === 'paused');
}
