// Live board of the operations console.
//
// The board renders every BoardSnapshot the console pushes on /api/board/stream (server-sent
// events) and lets the presenter drive the run, the load, the desks' faults and the rehearsal
// through the console's HTTP API. Each section is rebuilt as an HTML string in which every value
// from the server goes through escapeHtml, and is written to the page only when it changed, so
// an unchanged section costs nothing and a person typing into the rehearsal panel keeps their text
// and focus while the numbers around it move.
//
// This module starts the board; its parts are the modules under board/, which the browser loads
// as they are (no build step).

import { bindBriefingForms } from './board/briefing-form.js';
import { bindCards } from './board/cards.js';
import { loadCatalogue } from './board/catalogue.js';
import { FAULT_KIND_HINTS } from './board/constants.js';
import { bindFaultForm, bindLoadForm, bindRaiseForm, bindRunControls, bindToken } from './board/controls.js';
import { holdWhilePressed } from './board/page.js';
import { bindDesks, bindRehearsal } from './board/rehearsal-controls.js';
import { bindRoles } from './board/roles.js';
import { renderBoard } from './board/render.js';
import { state } from './board/state.js';
import { connectStream, loadFirstBoard, setConnection } from './board/stream.js';

function start() {
  // The fault kinds written in the page get the same hints as those from the catalogue.
  const kindSelect = document.querySelector('#fault-form select[name=kind]');
  for (const option of kindSelect.options) option.textContent = FAULT_KIND_HINTS[option.value] ?? option.value;

  for (const id of ['clocks', 'duty', 'coverage', 'desks', 'to-write', 'rehearsal', 'handoffs', 'flow', 'timeline']) {
    holdWhilePressed(document.getElementById(id), () => renderBoard(state.snapshot));
  }
  bindToken();
  bindRunControls();
  bindRaiseForm();
  bindLoadForm();
  bindFaultForm();
  bindDesks();
  bindRehearsal();
  bindRoles();
  bindBriefingForms();
  bindCards();

  setConnection('connecting');
  loadCatalogue();
  loadFirstBoard();
  connectStream();
}

start();
