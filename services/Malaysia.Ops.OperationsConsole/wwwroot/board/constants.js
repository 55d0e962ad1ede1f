// The board's limits, timings and fixed choices.

export const TOKEN_KEY = 'malaysia-ops.token';
export const DEFAULT_QUESTION = 'What was done and what is next?';
export const MAX_INCIDENT_ROWS = 12;
export const MAX_HANDOFF_ROWS = 20;
export const MAX_TIMELINE_ENTRIES = 50;
export const POLL_INTERVAL_MS = 2000;
// EventSource gives up for good when the server answers the stream with an error status; the
// board then opens a new one after this pause (polling covers the time in between).
export const REOPEN_STREAM_MS = 5000;
export const CATALOGUE_RETRY_MS = 5000;
// After a rehearsal toggle succeeds, the desired value is shown for this long even if a snapshot
// taken before the change still reports the old one, so the switch does not flicker back.
export const TOGGLE_GRACE_MS = 5000;
export const HOUR_MS = 3_600_000;

// Fault kinds the console understands, with a hint for the presenter; the catalogue may add more.
export const FAULT_KIND_HINTS = {
  'stop': 'stop — the desk stops working',
  'resume': 'resume — the desk works again',
  'slow': 'slow — the desk works slower',
  'normal-speed': 'normal-speed — back to its own pace',
  'drop-next-briefing': 'drop-next-briefing — its next briefing is dropped',
  'delay-next-briefing': 'delay-next-briefing — its next briefing comes late',
  'poison': 'poison — send it a message it must reject',
};

export const DEFAULT_SEVERITIES = ['Sev1', 'Sev2', 'Sev3', 'Sev4'];
export const DESK_COLOUR_COUNT = 4;
