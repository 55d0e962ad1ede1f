// Drawing the board: every section from a snapshot, or one section again after a local change.

import { renderBriefingForms } from './render-briefing-form.js';
import { renderCoverage } from './render-coverage.js';
import { renderDesks } from './render-desks.js';
import { renderDuty } from './render-duty.js';
import { renderFlow } from './render-flow.js';
import { renderHandoffs } from './render-handoffs.js';
import { renderLoad } from './render-load.js';
import { renderClocks, renderHeader, renderRunButtons } from './render-header.js';
import { renderRehearsal } from './render-rehearsal.js';
import { renderTimeline } from './render-timeline.js';
import { state } from './state.js';

const SECTIONS = [
  renderHeader, renderClocks, renderDuty, renderCoverage, renderDesks,
  renderBriefingForms, renderRehearsal, renderHandoffs, renderFlow, renderLoad, renderTimeline, renderRunButtons,
];

function renderSection(render, snapshot) {
  try {
    render(snapshot);
  } catch (error) {
    // One malformed section must not blank the rest of the board.
    console.error(`Could not render ${render.name}`, error);
  }
}

export function renderBoard(snapshot) {
  if (!snapshot) return;
  for (const render of SECTIONS) renderSection(render, snapshot);
}

/** Draws one section again from the last snapshot, after a local change such as a click. */
export function rerender(render) {
  if (!state.snapshot) return;
  renderSection(render, state.snapshot);
}
