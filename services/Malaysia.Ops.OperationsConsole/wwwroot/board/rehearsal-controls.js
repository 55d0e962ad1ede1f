// Rehearsal controls: the desks' switches and a person's accept or query on an item.

import { api, describeError, segment } from './api.js';
import { DEFAULT_QUESTION, TOGGLE_GRACE_MS } from './constants.js';
import { renderDesks } from './render-desks.js';
import { renderRehearsal } from './render-rehearsal.js';
import { rerender } from './render.js';
import { deskName, state } from './state.js';
import { setStatus } from './status.js';

export function bindDesks() {
  const container = document.getElementById('desks');
  container.addEventListener('change', async (event) => {
    const box = event.target.closest?.('input[data-human-desk]');
    if (!box) return;
    const deskId = box.dataset.humanDesk;
    const human = box.checked;
    state.pendingHuman.set(deskId, { value: human, until: Infinity });
    rerender(renderDesks);
    try {
      await api('PUT', `/api/desks/${segment(deskId)}/rehearsal`, { human });
      state.pendingHuman.set(deskId, { value: human, until: Date.now() + TOGGLE_GRACE_MS });
      setStatus(human
        ? `${deskName(deskId)}: rehearsal on, a person takes its handoffs`
        : `${deskName(deskId)}: rehearsal off, the desk takes its handoffs itself`, 'ok');
    } catch (error) {
      state.pendingHuman.delete(deskId);
      setStatus(describeError(error), 'error');
    }
    rerender(renderDesks);
  });
}

export function bindRehearsal() {
  const container = document.getElementById('rehearsal');

  container.addEventListener('input', (event) => {
    const input = event.target.closest?.('input[data-question-for]');
    if (input) state.questionDrafts.set(input.dataset.questionFor, input.value);
    const readBack = event.target.closest?.('textarea[data-readback-for]');
    if (readBack) state.readBackDrafts.set(readBack.dataset.readbackFor, readBack.value);
  });

  container.addEventListener('keydown', (event) => {
    const input = event.target.closest?.('input[data-question-for]');
    if (!input || event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    input.closest('[data-pending-item]')?.querySelector('button[data-action="query"]')?.click();
  });

  container.addEventListener('click', async (event) => {
    const button = event.target.closest?.('button[data-action]');
    if (!button || button.disabled) return;
    const item = button.closest('[data-pending-item]');
    if (!item) return;
    const key = item.dataset.pendingItem;
    const handoffId = item.dataset.handoff;
    const incidentId = item.dataset.incident;
    const base = `/api/handoffs/${segment(handoffId)}/items/${segment(incidentId)}`;
    const action = button.dataset.action;

    state.busyItems.add(key);
    state.itemErrors.delete(key);
    rerender(renderRehearsal);
    try {
      const readBack = (state.readBackDrafts.get(key) ?? item.querySelector('textarea[data-readback-for]')?.value ?? '').trim();
      const said = readBack ? { readBack } : {};
      if (action === 'accept') {
        await api('POST', `${base}/accept`, said);
        setStatus(`Accepted ${incidentId} from handoff ${handoffId}`, 'ok');
      } else if (action === 'query') {
        const input = item.querySelector('input[data-question-for]');
        const question = state.questionDrafts.get(key) ?? input?.value ?? DEFAULT_QUESTION;
        await api('POST', `${base}/query`, { question: question.trim(), ...said });
        state.questionDrafts.delete(key);
        setStatus(`Asked about ${incidentId} (handoff ${handoffId})`, 'ok');
      }
    } catch (error) {
      state.itemErrors.set(key, describeError(error));
      setStatus(describeError(error), 'error');
    } finally {
      state.busyItems.delete(key);
      rerender(renderRehearsal);
    }
  });
}
