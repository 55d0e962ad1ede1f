// A control's request: its form busy meanwhile, the server's errors shown next to the fields.

import { describeError } from './api.js';
import { setStatus } from './status.js';

/** "$.workMinutes", "WorkMinutes" and "request.workMinutes" all name the field workMinutes. */
function fieldOfErrorKey(key) {
  return String(key).replace(/^\$\.?/, '').replace(/\[\d+\]/g, '').split('.').pop().toLowerCase();
}

function clearFormErrors(form) {
  for (const node of form.querySelectorAll('[data-error-for]')) {
    node.textContent = '';
    node.hidden = true;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const formError = form.querySelector('.form-error');
  if (formError) {
    formError.textContent = '';
    formError.hidden = true;
  }
}

function showFormErrors(form, error) {
  clearFormErrors(form);
  const slots = new Map([...form.querySelectorAll('[data-error-for]')]
    .map((node) => [node.dataset.errorFor.toLowerCase(), node]));
  const unplaced = [];
  for (const [key, value] of Object.entries(error.errors ?? {})) {
    const messages = (Array.isArray(value) ? value : [value]).map(String);
    // A nested field ("items[1].summary") has a slot of its own; a plain one is found by name.
    const slot = slots.get(String(key).toLowerCase()) ?? slots.get(fieldOfErrorKey(key));
    if (!slot) {
      unplaced.push(...messages.map((m) => (key ? `${key}: ${m}` : m)));
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${messages.join(' ')}` : messages.join(' ');
    slot.hidden = false;
    form.elements.namedItem(slot.dataset.errorFor)?.setAttribute?.('aria-invalid', 'true');
  }
  const formError = form.querySelector('.form-error');
  if (formError) {
    formError.textContent = [describeError(error), ...unplaced].join(' — ');
    formError.hidden = false;
  }
}

/** Runs a control's request with its form busy; success clears the form's errors and reports
 *  `message`, failure shows the server's errors in the form and the status line. */
export async function runFormAction(form, action) {
  const buttons = [...form.querySelectorAll('button')];
  form.setAttribute('aria-busy', 'true');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const message = await action();
    clearFormErrors(form);
    setStatus(message, 'ok');
  } catch (error) {
    showFormErrors(form, error);
    setStatus(describeError(error), 'error');
  } finally {
    form.removeAttribute('aria-busy');
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Runs a request that has no form of its own; the status line carries the outcome. */
export async function runAction(button, action) {
  if (button) button.disabled = true;
  try {
    setStatus(await action(), 'ok');
  } catch (error) {
    setStatus(describeError(error), 'error');
  } finally {
    if (button) button.disabled = false;
  }
}
