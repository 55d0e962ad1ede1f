// State kept between snapshots.

import { DESK_COLOUR_COUNT } from './constants.js';
import { deskCode, list } from './format.js';

export const state = {
  snapshot: null,
  catalogue: null,
  // Each desk keeps one colour everywhere on the board, in the order desks were first seen.
  deskColours: new Map(),
  // Rehearsal questions being written, by "<handoffId>:<incidentId>".
  questionDrafts: new Map(),
  // Read-backs being written by the incoming lead, by the same key.
  readBackDrafts: new Map(),
  // Rehearsal items with a request in flight, and the last error per item.
  busyItems: new Set(),
  itemErrors: new Map(),
  // Rehearsal toggles the presenter changed that the snapshots may not show yet.
  pendingHuman: new Map(),
  speedPrefilled: false,
  lastUpdate: null,
};

export function deskColourClass(deskId) {
  const key = String(deskId);
  if (!state.deskColours.has(key)) state.deskColours.set(key, state.deskColours.size);
  return `desk-c${state.deskColours.get(key) % DESK_COLOUR_COUNT}`;
}

export function deskName(deskId) {
  const fromBoard = list(state.snapshot?.desks).find((d) => d.deskId === deskId);
  if (fromBoard?.name) return fromBoard.name;
  const fromCatalogue = list(state.catalogue?.desks).find((d) => d.deskId === deskId);
  return fromCatalogue?.name || deskCode(deskId);
}
