// Live board of the operations console.
//
// The board renders every BoardSnapshot the console pushes on /api/board/stream (server-sent
// events) and lets the presenter drive the run, the load, the desks' faults and the rehearsal
// through the console's HTTP API. Each section is rebuilt as an HTML string in which every value
// from the server goes through escapeHtml, and is written to the page only when it changed, so
// an unchanged section costs nothing and a person typing into the rehearsal panel keeps their text
// and focus while the numbers around it move.

const TOKEN_KEY = 'malaysia-ops.token';
const DEFAULT_QUESTION = 'What was done and what is next?';
const MAX_INCIDENT_ROWS = 12;
const MAX_HANDOFF_ROWS = 20;
const MAX_TIMELINE_ENTRIES = 50;
const POLL_INTERVAL_MS = 2000;
// EventSource gives up for good when the server answers the stream with an error status; the
// board then opens a new one after this pause (polling covers the time in between).
const REOPEN_STREAM_MS = 5000;
const CATALOGUE_RETRY_MS = 5000;
// After a rehearsal toggle succeeds, the desired value is shown for this long even if a snapshot
// taken before the change still reports the old one, so the switch does not flicker back.
const TOGGLE_GRACE_MS = 5000;
const HOUR_MS = 3_600_000;

// Fault kinds the console understands, with a hint for the presenter; the catalogue may add more.
const FAULT_KIND_HINTS = {
  'stop': 'stop — the desk stops working',
  'resume': 'resume — the desk works again',
  'slow': 'slow — the desk works slower',
  'normal-speed': 'normal-speed — back to its own pace',
  'drop-next-briefing': 'drop-next-briefing — its next briefing is dropped',
  'delay-next-briefing': 'delay-next-briefing — its next briefing comes late',
  'poison': 'poison — send it a message it must reject',
};

const DEFAULT_SEVERITIES = ['Sev1', 'Sev2', 'Sev3', 'Sev4'];
const DESK_COLOUR_COUNT = 4;

// ---------------------------------------------------------------------------------------------
// Text and formatting

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Makes any value safe to place in HTML text or in a quoted attribute. */
function escapeHtml(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A value reduced to a safe class-name fragment, e.g. "at-risk" or "in-handoff". */
function token(value) {
  return String(value ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'unknown';
}

/** Escaped text with break opportunities between camel-case words, so "InferenceLatencySloBreach"
 *  wraps in a narrow column instead of widening it. */
function camelBreaks(value) {
  return escapeHtml(value).replace(/([a-z0-9])([A-Z])/g, '$1<wbr>$2');
}

const pad2 = (n) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function toDate(iso) {
  if (iso === null || iso === undefined) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "09:12" in UTC. Simulated times are shown in UTC so both desks read the same figure. */
function hhmmUtc(iso) {
  const d = toDate(iso);
  return d ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : '–';
}

/** "Mon 13 Jul" in UTC. */
function dateUtc(iso) {
  const d = toDate(iso);
  return d ? `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` : '';
}

/** Wall time in the viewer's own zone, for tooltips and the status line. */
function wallTime(date = new Date()) {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A number with at most `digits` decimals and no trailing zeros; "–" when there is none. */
function fmtNumber(value, digits = 1, grouping = true) {
  if (!isNumber(value)) return '–';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, useGrouping: grouping });
}

/** "600×": simulated seconds per wall second. */
function fmtSpeed(speed) {
  return isNumber(speed) ? `${fmtNumber(speed, 2, false)}×` : '–';
}

/** Minutes as "42 min", "1 h 23 min", "3 d 4 h". `short` names what to say under a minute. */
function fmtDuration(minutes, short = '<1 min') {
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
function deskCode(deskId) {
  return String(deskId ?? '?').toUpperCase();
}

function route(fromDeskId, toDeskId) {
  return `${escapeHtml(deskCode(fromDeskId))} → ${escapeHtml(deskCode(toDeskId))}`;
}

/** Only http(s) links are made clickable, whatever the server sends. */
function safeHttpUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

// ---------------------------------------------------------------------------------------------
// State kept between snapshots

const state = {
  snapshot: null,
  catalogue: null,
  // Each desk keeps one colour everywhere on the board, in the order desks were first seen.
  deskColours: new Map(),
  // Rehearsal questions being written, by "<handoffId>:<incidentId>".
  questionDrafts: new Map(),
  // Rehearsal items with a request in flight, and the last error per item.
  busyItems: new Set(),
  itemErrors: new Map(),
  // Rehearsal toggles the presenter changed that the snapshots may not show yet.
  pendingHuman: new Map(),
  speedPrefilled: false,
  lastUpdate: null,
};

function deskColourClass(deskId) {
  const key = String(deskId);
  if (!state.deskColours.has(key)) state.deskColours.set(key, state.deskColours.size);
  return `desk-c${state.deskColours.get(key) % DESK_COLOUR_COUNT}`;
}

function deskName(deskId) {
  const fromBoard = list(state.snapshot?.desks).find((d) => d.deskId === deskId);
  if (fromBoard?.name) return fromBoard.name;
  const fromCatalogue = list(state.catalogue?.desks).find((d) => d.deskId === deskId);
  return fromCatalogue?.name || deskCode(deskId);
}

// ---------------------------------------------------------------------------------------------
// Writing sections to the page

const writtenHtml = new WeakMap();

// A section the pointer is pressed in is not rewritten until the press ends: replacing a button
// between mousedown and mouseup would swallow the click. The board is drawn again from the newest
// snapshot just after the click has been delivered (and has marked what it started as busy).
const pressed = new Set();
const skippedWhilePressed = new Set();

function holdWhilePressed(container) {
  container.addEventListener('pointerdown', () => pressed.add(container));
  const release = () => {
    if (!pressed.delete(container) || !skippedWhilePressed.delete(container)) return;
    setTimeout(() => renderBoard(state.snapshot), 0);
  };
  window.addEventListener('pointerup', release);
  window.addEventListener('pointercancel', release);
}

/**
 * Replaces a section's content when its HTML changed. Focus, caret and selection of an element
 * with data-focus-key survive the replacement, so a re-render never takes the keyboard away.
 */
function patch(element, html) {
  if (!element) return false;
  if (pressed.has(element)) {
    skippedWhilePressed.add(element);
    return false;
  }
  if (writtenHtml.get(element) === html) return false;

  const active = document.activeElement;
  let focusKey = null;
  let selection = null;
  if (active && active !== document.body && element.contains(active) && active.dataset.focusKey) {
    focusKey = active.dataset.focusKey;
    try {
      if (typeof active.selectionStart === 'number') {
        selection = [active.selectionStart, active.selectionEnd, active.selectionDirection];
      }
    } catch {
      // Checkboxes and buttons have no caret.
    }
  }

  element.innerHTML = html;
  writtenHtml.set(element, html);
  applyGeometry(element);

  if (focusKey !== null) {
    const target = [...element.querySelectorAll('[data-focus-key]')]
      .find((node) => node.dataset.focusKey === focusKey);
    if (target && !target.disabled) {
      target.focus({ preventScroll: true });
      if (selection && typeof target.setSelectionRange === 'function') {
        try { target.setSelectionRange(...selection); } catch { /* not a text field */ }
      }
    }
  }
  return true;
}

/** Bars and markers carry their position as data attributes and get it set through the DOM,
 *  so the page needs no inline style attributes (and works under a strict style policy). */
function applyGeometry(root) {
  for (const node of root.querySelectorAll('[data-left]')) node.style.left = `${node.dataset.left}%`;
  for (const node of root.querySelectorAll('[data-width]')) node.style.width = `${node.dataset.width}%`;
}

function setText(id, text) {
  const node = document.getElementById(id);
  if (node && node.textContent !== text) node.textContent = text;
}

// ---------------------------------------------------------------------------------------------
// Sections

function renderBoard(snapshot) {
  if (!snapshot) return;
  const sections = [
    renderHeader, renderClocks, renderDuty, renderCoverage, renderDesks,
    renderRehearsal, renderHandoffs, renderFlow, renderTimeline, renderRunButtons,
  ];
  for (const render of sections) {
    try {
      render(snapshot);
    } catch (error) {
      // One malformed section must not blank the rest of the board.
      console.error(`Could not render ${render.name}`, error);
    }
  }
}

function renderHeader(s) {
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

function renderClocks(s) {
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

function renderDuty(s) {
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

function renderCoverage(s) {
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

function renderDesks(s) {
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

function itemKey(handoffId, incidentId) {
  return `${handoffId}:${incidentId}`;
}

function renderRehearsal(s) {
  const briefings = list(s.rehearsal);
  const container = document.getElementById('rehearsal');

  // Drafts and errors of items that are no longer pending are dropped.
  const pending = new Set(briefings.flatMap((b) => list(b.items).map((i) => itemKey(b.handoffId, i.incidentId))));
  for (const map of [state.questionDrafts, state.itemErrors]) {
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
      <div class="item-actions">
        <button type="button" class="primary" data-action="accept" data-focus-key="accept:${escapeHtml(key)}"${disabled}>Accept</button>
        <input type="text" class="question" data-question-for="${escapeHtml(key)}" data-focus-key="question:${escapeHtml(key)}"
          aria-label="Question about ${escapeHtml(item.incidentId)}" value="${escapeHtml(question)}" autocomplete="off"${disabled}>
        <button type="button" data-action="query" data-focus-key="query:${escapeHtml(key)}"${disabled}>Query</button>
      </div>
      ${error ? `<p class="item-error" role="alert">${escapeHtml(error)}</p>` : ''}
    </li>`;
}

function renderHandoffs(s) {
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
        <th class="num">Latency p50 / max</th><th class="center">Done</th>
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
        </tr>`).join('')}
      </tbody>
    </table>
    ${rows.length > shown.length ? `<p class="more">+${rows.length - shown.length} earlier handoffs</p>` : ''}`);
}

function renderFlow(s) {
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

function renderTimeline(s) {
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

/** The button for the next sensible step stands out; all stay usable, the server decides. */
function renderRunButtons(s) {
  const runState = s.run?.state;
  document.getElementById('run-start').classList.toggle('primary', runState === 'ready');
  document.getElementById('run-pause').classList.toggle('primary', runState === 'running');
  document.getElementById('run-resume').classList.toggle('primary', runState === 'paused');
}

// ---------------------------------------------------------------------------------------------
// Receiving snapshots: the stream, and polling while it is down

let renderScheduled = false;

function onSnapshot(snapshot) {
  if (!snapshot || typeof snapshot !== 'object') return;
  state.snapshot = snapshot;
  state.lastUpdate = new Date();
  fillDeskSelectFromBoard(snapshot);
  // Several snapshots arriving within a frame are drawn once, with the newest.
  if (renderScheduled) return;
  renderScheduled = true;
  requestAnimationFrame(() => {
    renderScheduled = false;
    renderBoard(state.snapshot);
    const conn = document.getElementById('connection');
    conn.title = `Last update ${wallTime(state.lastUpdate)}`;
  });
}

const stream = { source: null, pollTimer: null, pollInFlight: false, reopenTimer: null };

function setConnection(kind) {
  const conn = document.getElementById('connection');
  conn.className = `conn conn-${kind}`;
  const text = {
    live: 'Live',
    reconnecting: 'Reconnecting… polling every 2 s',
    connecting: 'Connecting…',
  }[kind] ?? kind;
  setText('connection-text', text);
}

function connectStream() {
  clearTimeout(stream.reopenTimer);
  if (typeof EventSource !== 'function') {
    setConnection('reconnecting');
    startPolling();
    return;
  }
  const source = new EventSource('/api/board/stream');
  stream.source = source;

  const receive = (event) => {
    let snapshot;
    try {
      snapshot = JSON.parse(event.data);
    } catch {
      return;
    }
    setConnection('live');
    stopPolling();
    onSnapshot(snapshot);
  };
  source.addEventListener('board', receive);
  source.addEventListener('message', receive);
  source.addEventListener('open', () => {
    setConnection('live');
    stopPolling();
  });
  source.addEventListener('error', () => {
    setConnection('reconnecting');
    startPolling();
    if (source.readyState === EventSource.CLOSED) {
      source.close();
      if (stream.source === source) stream.source = null;
      stream.reopenTimer = setTimeout(connectStream, REOPEN_STREAM_MS);
    }
  });
}

function startPolling() {
  if (stream.pollTimer !== null) return;
  stream.pollTimer = setInterval(pollOnce, POLL_INTERVAL_MS);
  pollOnce();
}

function stopPolling() {
  if (stream.pollTimer === null) return;
  clearInterval(stream.pollTimer);
  stream.pollTimer = null;
}

async function pollOnce() {
  if (stream.pollInFlight) return;
  stream.pollInFlight = true;
  try {
    const snapshot = await api('GET', '/api/board');
    // A poll that finishes after the stream came back must not draw an older board over it.
    if (stream.pollTimer !== null) onSnapshot(snapshot);
  } catch {
    // The indicator already says the board is reconnecting; the next poll tries again.
  } finally {
    stream.pollInFlight = false;
  }
}

async function loadFirstBoard() {
  try {
    const snapshot = await api('GET', '/api/board');
    if (!state.snapshot) onSnapshot(snapshot);
  } catch {
    // The stream or the polling brings the board when the console answers.
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

function readToken() {
  return document.getElementById('token')?.value.trim() ?? '';
}

/**
 * One request to the console. Changes carry the access token; an answer that is not a success
 * becomes an ApiError holding the problem details (title, detail, field errors).
 */
async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const accessToken = readToken();
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'The console service cannot be reached');
  }

  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : {};
    throw new ApiError(
      response.status,
      typeof problem.title === 'string' && problem.title ? problem.title : `${response.status} ${response.statusText}`.trim(),
      typeof problem.detail === 'string' ? problem.detail : undefined,
      problem.errors && typeof problem.errors === 'object' ? problem.errors : undefined);
  }
  return data;
}

function describeError(error) {
  if (!(error instanceof ApiError)) return String(error?.message ?? error);
  if (error.status === 401) return 'Refused: a valid access token is needed (enter it under Access token)';
  return error.detail && error.detail !== error.title ? `${error.title}: ${error.detail}` : error.title;
}

const segment = (value) => encodeURIComponent(String(value));

// ---------------------------------------------------------------------------------------------
// Status line and form errors

function setStatus(message, kind = 'ok') {
  const status = document.getElementById('control-status');
  status.className = `control-status status-${kind}`;
  status.textContent = `${wallTime()} · ${message}`;
}

/** "$.workMinutes", "WorkMinutes" and "request.workMinutes" all name the field workMinutes. */
function fieldOfErrorKey(key) {
  return String(key).replace(/^\$\.?/, '').replace(/\[\d+\]/g, '').split('.').pop().toLowerCase();
}

function clearFormErrors(form) {
  for (const node of form.querySelectorAll('[data-error-for]')) {
    node.textContent = '';
    node.hidden = true;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const formError = form.querySelector('.form-error');
  if (formError) {
    formError.textContent = '';
    formError.hidden = true;
  }
}

function showFormErrors(form, error) {
  clearFormErrors(form);
  const slots = new Map([...form.querySelectorAll('[data-error-for]')]
    .map((node) => [node.dataset.errorFor.toLowerCase(), node]));
  const unplaced = [];
  for (const [key, value] of Object.entries(error.errors ?? {})) {
    const messages = (Array.isArray(value) ? value : [value]).map(String);
    const slot = slots.get(fieldOfErrorKey(key));
    if (!slot) {
      unplaced.push(...messages.map((m) => (key ? `${key}: ${m}` : m)));
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${messages.join(' ')}` : messages.join(' ');
    slot.hidden = false;
    form.elements.namedItem(slot.dataset.errorFor)?.setAttribute?.('aria-invalid', 'true');
  }
  const formError = form.querySelector('.form-error');
  if (formError) {
    formError.textContent = [describeError(error), ...unplaced].join(' — ');
    formError.hidden = false;
  }
}

/** Runs a control's request with its form busy; success clears the form's errors and reports
 *  `message`, failure shows the server's errors in the form and the status line. */
async function runFormAction(form, action) {
  const buttons = [...form.querySelectorAll('button')];
  form.setAttribute('aria-busy', 'true');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const message = await action();
    clearFormErrors(form);
    setStatus(message, 'ok');
  } catch (error) {
    showFormErrors(form, error);
    setStatus(describeError(error), 'error');
  } finally {
    form.removeAttribute('aria-busy');
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Runs a request that has no form of its own; the status line carries the outcome. */
async function runAction(button, action) {
  if (button) button.disabled = true;
  try {
    setStatus(await action(), 'ok');
  } catch (error) {
    setStatus(describeError(error), 'error');
  } finally {
    if (button) button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading forms

function field(form, name) {
  return form.elements.namedItem(name);
}

/** Text the user typed, or undefined when the field is empty (so it is left out of the body). */
function readText(input) {
  const value = input?.value.trim() ?? '';
  return value === '' ? undefined : value;
}

/**
 * A number field as a number when it parses, as its raw text when it does not (the server says
 * what is wrong with it), or undefined when empty. A number input hides what was typed when the
 * browser cannot read it; the empty string then goes to the server, which rejects it as not a
 * number instead of the page silently dropping the field.
 */
function readNumber(input) {
  if (!input) return undefined;
  const raw = input.value.trim();
  if (input.validity?.badInput) return raw;
  if (raw === '') return undefined;
  const number = Number(raw);
  return Number.isNaN(number) ? raw : number;
}

function withDefined(entries) {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

// ---------------------------------------------------------------------------------------------
// Controls

function bindRunControls() {
  const runButton = (id, path, message) => {
    const button = document.getElementById(id);
    button.addEventListener('click', () => runAction(button, async () => {
      await api('POST', path);
      return message;
    }));
  };
  runButton('run-start', '/api/run/start', 'Started');
  runButton('run-pause', '/api/run/pause', 'Paused');
  runButton('run-resume', '/api/run/resume', 'Resumed');

  const speedForm = document.getElementById('speed-form');
  speedForm.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(speedForm, async () => {
      const speed = readNumber(field(speedForm, 'speed'));
      await api('PUT', '/api/run/speed', withDefined({ speed }));
      return `Speed set to ${isNumber(speed) ? fmtSpeed(speed) : speed}`;
    });
  });
}

function bindRaiseForm() {
  const form = document.getElementById('raise-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(form, async () => {
      const body = withDefined({
        type: readText(field(form, 'type')),
        severity: readText(field(form, 'severity')),
        clusterId: readText(field(form, 'clusterId')),
        summary: readText(field(form, 'summary')),
        workMinutes: readNumber(field(form, 'workMinutes')),
      });
      const result = await api('POST', '/api/incidents', body);
      return result?.incidentId ? `Incident ${result.incidentId} raised` : 'Incident raised';
    });
  });
}

function bindLoadForm() {
  const form = document.getElementById('load-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(form, async () => {
      const body = withDefined({
        incidentsPerHour: readNumber(field(form, 'incidentsPerHour')),
        durationMinutes: readNumber(field(form, 'durationMinutes')),
      });
      await api('PUT', '/api/load', body);
      const rate = isNumber(body.incidentsPerHour) ? `${fmtNumber(body.incidentsPerHour)} incidents/h` : 'Load';
      const duration = isNumber(body.durationMinutes) ? ` for ${fmtDuration(body.durationMinutes)} (simulated)` : '';
      return `Load started: ${rate}${duration}`;
    });
  });
  document.getElementById('load-stop').addEventListener('click', () => {
    runFormAction(form, async () => {
      await api('DELETE', '/api/load');
      return 'Load stopped';
    });
  });
}

function bindFaultForm() {
  const form = document.getElementById('fault-form');
  const kindSelect = field(form, 'kind');

  // Factor and delay apply to one kind each; the other fields stay usable but recede.
  const showKindFields = () => {
    for (const node of form.querySelectorAll('[data-kind-field]')) {
      node.classList.toggle('is-inactive', node.dataset.kindField !== kindSelect.value);
    }
  };
  kindSelect.addEventListener('change', showKindFields);
  showKindFields();

  const deskPath = () => {
    const deskId = field(form, 'deskId').value;
    if (!deskId) throw new ApiError(400, 'Choose a desk', undefined, { deskId: ['Choose a desk.'] });
    return [deskId, `/api/desks/${segment(deskId)}/faults`];
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(form, async () => {
      const [deskId, path] = deskPath();
      const kind = kindSelect.value;
      const body = withDefined({
        kind,
        factor: kind === 'slow' ? readNumber(field(form, 'factor')) : undefined,
        delayMinutes: kind === 'delay-next-briefing' ? readNumber(field(form, 'delayMinutes')) : undefined,
      });
      await api('POST', path, body);
      return `Fault ${kind} injected into ${deskName(deskId)}`;
    });
  });

  document.getElementById('fault-clear').addEventListener('click', () => {
    runFormAction(form, async () => {
      const [deskId, path] = deskPath();
      await api('DELETE', path);
      return `Faults cleared on ${deskName(deskId)}`;
    });
  });
}

function bindToken() {
  const input = document.getElementById('token');
  try {
    input.value = localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    // Storage may be unavailable (private mode, policy); the token then lasts for this page.
  }
  input.addEventListener('input', () => {
    try {
      if (input.value) localStorage.setItem(TOKEN_KEY, input.value);
      else localStorage.removeItem(TOKEN_KEY);
    } catch {
      // See above.
    }
  });
  document.getElementById('token-form').addEventListener('submit', (event) => event.preventDefault());
}

function bindDesks() {
  const container = document.getElementById('desks');
  container.addEventListener('change', async (event) => {
    const box = event.target.closest?.('input[data-human-desk]');
    if (!box) return;
    const deskId = box.dataset.humanDesk;
    const human = box.checked;
    state.pendingHuman.set(deskId, { value: human, until: Infinity });
    rerender(renderDesks);
    try {
      await api('PUT', `/api/desks/${segment(deskId)}/rehearsal`, { human });
      state.pendingHuman.set(deskId, { value: human, until: Date.now() + TOGGLE_GRACE_MS });
      setStatus(human
        ? `${deskName(deskId)}: rehearsal on, a person takes its handoffs`
        : `${deskName(deskId)}: rehearsal off, the desk takes its handoffs itself`, 'ok');
    } catch (error) {
      state.pendingHuman.delete(deskId);
      setStatus(describeError(error), 'error');
    }
    rerender(renderDesks);
  });
}

function bindRehearsal() {
  const container = document.getElementById('rehearsal');

  container.addEventListener('input', (event) => {
    const input = event.target.closest?.('input[data-question-for]');
    if (input) state.questionDrafts.set(input.dataset.questionFor, input.value);
  });

  container.addEventListener('keydown', (event) => {
    const input = event.target.closest?.('input[data-question-for]');
    if (!input || event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    input.closest('[data-pending-item]')?.querySelector('button[data-action="query"]')?.click();
  });

  container.addEventListener('click', async (event) => {
    const button = event.target.closest?.('button[data-action]');
    if (!button || button.disabled) return;
    const item = button.closest('[data-pending-item]');
    if (!item) return;
    const key = item.dataset.pendingItem;
    const handoffId = item.dataset.handoff;
    const incidentId = item.dataset.incident;
    const base = `/api/handoffs/${segment(handoffId)}/items/${segment(incidentId)}`;
    const action = button.dataset.action;

    state.busyItems.add(key);
    state.itemErrors.delete(key);
    rerender(renderRehearsal);
    try {
      if (action === 'accept') {
        await api('POST', `${base}/accept`);
        setStatus(`Accepted ${incidentId} from handoff ${handoffId}`, 'ok');
      } else if (action === 'query') {
        const input = item.querySelector('input[data-question-for]');
        const question = state.questionDrafts.get(key) ?? input?.value ?? DEFAULT_QUESTION;
        await api('POST', `${base}/query`, { question: question.trim() });
        state.questionDrafts.delete(key);
        setStatus(`Asked about ${incidentId} (handoff ${handoffId})`, 'ok');
      }
    } catch (error) {
      state.itemErrors.set(key, describeError(error));
      setStatus(describeError(error), 'error');
    } finally {
      state.busyItems.delete(key);
      rerender(renderRehearsal);
    }
  });
}

/** Draws one section again from the last snapshot, after a local change such as a click. */
function rerender(render) {
  if (!state.snapshot) return;
  try {
    render(state.snapshot);
  } catch (error) {
    console.error(`Could not render ${render.name}`, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Catalogue: the choices for the controls' selects

function fillSelect(select, options, keepValue) {
  if (!select) return;
  const previous = keepValue ?? select.value;
  select.innerHTML = options
    .map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`)
    .join('');
  if (options.some(([value]) => value === previous)) select.value = previous;
}

function applyCatalogue(catalogue) {
  state.catalogue = catalogue;
  const raise = document.getElementById('raise-form');
  const faults = document.getElementById('fault-form');

  const types = list(catalogue.incidentTypes).map(String);
  if (types.length > 0) fillSelect(field(raise, 'type'), types.map((t) => [t, t]));

  const severities = list(catalogue.severities).map(String);
  const severitySelect = field(raise, 'severity');
  fillSelect(severitySelect, (severities.length > 0 ? severities : DEFAULT_SEVERITIES).map((s) => [s, s]),
    severitySelect.value || 'Sev3');

  const desks = list(catalogue.desks);
  if (desks.length > 0) {
    desks.forEach((d) => deskColourClass(d.deskId));
    fillSelect(field(faults, 'deskId'), desks.map((d) => [String(d.deskId), d.name || String(d.deskId)]));
  }

  const kinds = list(catalogue.faultKinds).map(String);
  if (kinds.length > 0) {
    const kindSelect = field(faults, 'kind');
    fillSelect(kindSelect, kinds.map((k) => [k, FAULT_KIND_HINTS[k] ?? k]));
    kindSelect.dispatchEvent(new Event('change'));
  }
}

/** Until the catalogue answers, the fault form offers the desks the board shows. */
function fillDeskSelectFromBoard(snapshot) {
  if (list(state.catalogue?.desks).length > 0) return;
  const select = document.querySelector('#fault-form select[name=deskId]');
  const desks = list(snapshot.desks);
  if (!select || desks.length === 0 || select.options.length === desks.length) return;
  fillSelect(select, desks.map((d) => [String(d.deskId), d.name || String(d.deskId)]));
}

async function loadCatalogue() {
  try {
    applyCatalogue(await api('GET', '/api/catalogue') ?? {});
  } catch (error) {
    setStatus(`Catalogue unavailable (${describeError(error)}); trying again`, 'error');
    setTimeout(loadCatalogue, CATALOGUE_RETRY_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function start() {
  // The fault kinds written in the page get the same hints as those from the catalogue.
  const kindSelect = document.querySelector('#fault-form select[name=kind]');
  for (const option of kindSelect.options) option.textContent = FAULT_KIND_HINTS[option.value] ?? option.value;

  for (const id of ['clocks', 'duty', 'coverage', 'desks', 'rehearsal', 'handoffs', 'flow', 'timeline']) {
    holdWhilePressed(document.getElementById(id));
  }
  bindToken();
  bindRunControls();
  bindRaiseForm();
  bindLoadForm();
  bindFaultForm();
  bindDesks();
  bindRehearsal();

  setConnection('connecting');
  loadCatalogue();
  loadFirstBoard();
  connectStream();
}

start();
