// Rehearsal roles: the facilitator opens a lead role and passes its join link on; a person who
// opens the link joins under their name, and this browser then sends the role's token.

import { api } from './api.js';
import { runFormAction } from './form-actions.js';
import { field, readText } from './form-fields.js';
import { escapeHtml, list } from './format.js';

const JOIN_PARAMETER = 'join';

export const me = { role: 'facilitator', deskId: null, roleName: 'facilitator', name: null };

function showMe() {
  const text = me.role === 'facilitator'
    ? 'You act as the facilitator when you hold the console\'s token.'
    : `You are ${me.name}.`;
  const node = document.getElementById('my-role');
  node.textContent = text;
  node.dataset.role = me.role;
  document.body.dataset.role = me.role;
}

function useToken(token) {
  const input = document.getElementById('token');
  input.value = token;
  input.dispatchEvent(new Event('input'));
}

function renderSeats(seats) {
  document.getElementById('seats').innerHTML = list(seats).map((seat) => {
    const link = new URL(seat.joinUrl, window.location.href).href;
    const who = seat.personName ? `joined by ${escapeHtml(seat.personName)}` : 'played by the simulation until someone joins';
    return `<li class="seat" data-seat="${escapeHtml(seat.role)}:${escapeHtml(seat.deskId)}">
        <strong>${escapeHtml(seat.role.replace('-', ' '))}, ${escapeHtml(String(seat.deskId).toUpperCase())}</strong>
        <span class="muted">${who}</span>
        <span>code <code class="join-code">${escapeHtml(seat.code)}</code></span>
        <a class="join-link" href="${escapeHtml(link)}">${escapeHtml(link)}</a>
      </li>`;
  }).join('');
}

async function refreshSeats() {
  renderSeats(await api('GET', '/api/rehearsal/seats'));
}

/** The role this browser's token names, if it is a lead's. */
async function loadMe() {
  try {
    Object.assign(me, await api('GET', '/api/rehearsal/me'));
  } catch {
    // No token yet, or the console's own: the facilitator's view stays.
  }
  showMe();
}

export function bindRoles() {
  const joinForm = document.getElementById('join-form');
  const seatForm = document.getElementById('seat-form');
  const url = new URL(window.location.href);
  const code = url.searchParams.get(JOIN_PARAMETER);
  if (code) {
    field(joinForm, 'code').value = code;
    joinForm.hidden = false;
    seatForm.hidden = true;
    document.getElementById('my-role').textContent = 'You were invited to a lead role: enter your name and join.';
  }

  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(joinForm, async () => {
      const joined = await api('POST', '/api/rehearsal/join', { code: field(joinForm, 'code').value, name: readText(field(joinForm, 'name')) });
      useToken(joined.token);
      Object.assign(me, joined.caller);
      joinForm.hidden = true;
      url.searchParams.delete(JOIN_PARAMETER);
      window.history.replaceState(null, '', url.href);
      showMe();
      return `Joined as ${joined.caller.roleName}`;
    });
  });

  seatForm.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(seatForm, async () => {
      const seat = await api('POST', '/api/rehearsal/seats', { role: field(seatForm, 'role').value, deskId: field(seatForm, 'deskId').value });
      await refreshSeats();
      return `Role opened: ${seat.role} of ${String(seat.deskId).toUpperCase()}, code ${seat.code}`;
    });
  });
  document.getElementById('seats-refresh').addEventListener('click', () => runFormAction(seatForm, async () => {
    await refreshSeats();
    return 'Join links shown';
  }));

  if (!code) loadMe();
}
