// The catalogue: the choices for the controls' selects.

import { api, describeError } from './api.js';
import { CATALOGUE_RETRY_MS, DEFAULT_SEVERITIES, FAULT_KIND_HINTS } from './constants.js';
import { field } from './form-fields.js';
import { escapeHtml, list } from './format.js';
import { deskColourClass, state } from './state.js';
import { setStatus } from './status.js';

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
    fillSelect(document.querySelector('#seat-form select[name=deskId]'), desks.map((d) => [String(d.deskId), d.name || String(d.deskId)]));
  }

  const kinds = list(catalogue.faultKinds).map(String);
  if (kinds.length > 0) {
    const kindSelect = field(faults, 'kind');
    fillSelect(kindSelect, kinds.map((k) => [k, FAULT_KIND_HINTS[k] ?? k]));
    kindSelect.dispatchEvent(new Event('change'));
  }
}

/** Until the catalogue answers, the fault form offers the desks the board shows. */
export function fillDeskSelectFromBoard(snapshot) {
  if (list(state.catalogue?.desks).length > 0) return;
  const select = document.querySelector('#fault-form select[name=deskId]');
  const desks = list(snapshot.desks);
  if (!select || desks.length === 0 || select.options.length === desks.length) return;
  fillSelect(select, desks.map((d) => [String(d.deskId), d.name || String(d.deskId)]));
}

export async function loadCatalogue() {
  try {
    applyCatalogue(await api('GET', '/api/catalogue') ?? {});
  } catch (error) {
    setStatus(`Catalogue unavailable (${describeError(error)}); trying again`, 'error');
    setTimeout(loadCatalogue, CATALOGUE_RETRY_MS);
  }
}
