// The controls: the run, raising an incident, the load, the desks' faults and the access token.

import { ApiError, api, segment } from './api.js';
import { TOKEN_KEY } from './constants.js';
import { runAction, runFormAction } from './form-actions.js';
import { field, readNumber, readText, withDefined } from './form-fields.js';
import { fmtDuration, fmtNumber, fmtSpeed, isNumber } from './format.js';
import { deskName } from './state.js';

export function bindRunControls() {
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

export function bindRaiseForm() {
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

export function bindLoadForm() {
  const form = document.getElementById('load-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runFormAction(form, async () => {
      const thresholds = field(form, 'thresholds').value.split('\n').map((t) => t.trim()).filter((t) => t.length > 0);
      const body = withDefined({
        incidentsPerHour: readNumber(field(form, 'incidentsPerHour')),
        durationMinutes: readNumber(field(form, 'durationMinutes')),
        thresholds: thresholds.length ? thresholds : undefined,
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

export function bindFaultForm() {
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

export function bindToken() {
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
