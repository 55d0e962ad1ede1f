// Receiving snapshots: the stream, and polling while it is down.

import { api } from './api.js';
import { fillDeskSelectFromBoard } from './catalogue.js';
import { POLL_INTERVAL_MS, REOPEN_STREAM_MS } from './constants.js';
import { wallTime } from './format.js';
import { setText } from './page.js';
import { renderBoard } from './render.js';
import { state } from './state.js';

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

export function setConnection(kind) {
  const conn = document.getElementById('connection');
  conn.className = `conn conn-${kind}`;
  const text = {
    live: 'Live',
    reconnecting: 'Reconnecting… polling every 2 s',
    connecting: 'Connecting…',
  }[kind] ?? kind;
  setText('connection-text', text);
}

export function connectStream() {
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

export async function loadFirstBoard() {
  try {
    const snapshot = await api('GET', '/api/board');
    if (!state.snapshot) onSnapshot(snapshot);
  } catch {
    // The stream or the polling brings the board when the console answers.
  }
}
