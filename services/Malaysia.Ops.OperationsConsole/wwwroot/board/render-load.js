// The load panel: the console's synthetic load as a chart (rate, raise→assign p50/p99, queue
// depth over the last minute or two, each on its own scale) and its thresholds, pass or fail.

import { escapeHtml, fmtNumber, isNumber } from './format.js';
import { patch } from './page.js';

const WIDTH = 240;
const HEIGHT = 48;

/** A polyline of `values` against `times`, scaled to the chart; gaps where a value is missing. */
function line(times, values, top, cls) {
  const first = times[0];
  const span = Math.max(1, times[times.length - 1] - first);
  const segments = [];
  let current = [];
  times.forEach((t, i) => {
    if (!isNumber(values[i])) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    const x = ((t - first) / span) * WIDTH;
    const y = HEIGHT - (top > 0 ? (values[i] / top) * (HEIGHT - 2) : 0) - 1;
    current.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  if (current.length) segments.push(current);
  return segments.map((points) => `<polyline class="${cls}" points="${points.join(' ')}"></polyline>`).join('');
}

/** One chart of one or more series sharing a scale, with its latest figures as the legend. */
function chart(name, times, series, unit) {
  const top = Math.max(0, ...series.flatMap((s) => s.values.filter(isNumber)));
  const lines = series.map((s) => line(times, s.values, top, s.cls)).join('');
  const legend = series
    .map((s) => `<span class="${s.cls}">${escapeHtml(s.label)} ${escapeHtml(fmtNumber(s.values[s.values.length - 1]))}${unit}</span>`)
    .join(' ');
  return `
    <figure class="load-chart" data-chart="${name}">
      <figcaption>${legend} <span class="muted">(top ${escapeHtml(fmtNumber(top))}${unit})</span></figcaption>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(name)}">${lines}</svg>
    </figure>`;
}

function threshold(t) {
  const figure = isNumber(t.figure) ? `${fmtNumber(t.figure, 2)}${t.unit === 'ms' ? ' ms' : t.unit}` : 'no figure';
  return `<li class="threshold is-${escapeHtml(t.state)}" data-state="${escapeHtml(t.state)}">
    <span class="threshold-state">${escapeHtml(t.state)}</span>
    <span class="mono">${escapeHtml(t.threshold)}</span>
    <span class="muted">${escapeHtml(figure)}</span></li>`;
}

export function renderLoad(s) {
  const panel = document.getElementById('load-panel');
  const load = s.load;
  if (!panel) return;
  if (!load || (!load.running && !load.history?.length && !load.thresholds?.length)) {
    patch(panel, '<p class="placeholder">No load yet.</p>');
    return;
  }
  const history = load.history ?? [];
  const times = history.map((h) => h.wallSeconds);
  const charts = history.length < 2
    ? '<p class="placeholder">Gathering figures…</p>'
    : [
      chart('rate', times, [{ label: 'raised', cls: 'series-rate', values: history.map((h) => h.ratePerSecond) }], '/s'),
      chart('raise to assign', times, [
        { label: 'p50', cls: 'series-p50', values: history.map((h) => h.assignP50Milliseconds) },
        { label: 'p99', cls: 'series-p99', values: history.map((h) => h.assignP99Milliseconds) },
      ], ' ms'),
      chart('queue depth', times, [{ label: 'queued', cls: 'series-queue', values: history.map((h) => h.queueDepth) }], ''),
    ].join('');
  const thresholds = load.thresholds?.length
    ? `<div class="label">Thresholds${load.final ? ' (final)' : ' (live)'}</div><ul class="thresholds">${load.thresholds.map(threshold).join('')}</ul>`
    : '';
  patch(panel, `
    <div class="label">${load.running ? 'Load running' : 'Load over'}: ${escapeHtml(fmtNumber(load.ratePerSecond))}/s,
      raise→assign p50 ${escapeHtml(fmtNumber(load.assignP50Milliseconds, 2))} ms,
      p99 ${escapeHtml(fmtNumber(load.assignP99Milliseconds, 2))} ms,
      queue depth ${escapeHtml(fmtNumber(load.queueDepth, 0))}</div>
    ${charts}
    ${thresholds}`);
}
