// The status line: the outcome of the last action.

import { wallTime } from './format.js';

export function setStatus(message, kind = 'ok') {
  const status = document.getElementById('control-status');
  status.className = `control-status status-${kind}`;
  status.textContent = `${wallTime()} · ${message}`;
}
