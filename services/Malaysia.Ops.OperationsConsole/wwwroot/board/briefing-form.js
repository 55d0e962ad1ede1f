// Sending the outgoing lead's briefing: the ticked items as written, the rest left out.

import { api, segment } from './api.js';
import { runFormAction } from './form-actions.js';

function writtenItem(fieldset) {
  const value = (name) => fieldset.querySelector(`[name=${name}]`).value.trim();
  return {
    incidentId: fieldset.dataset.writeItem,
    severity: value('severity'),
    summary: value('summary'),
    actions: value('actions').split('\n').map((a) => a.trim()).filter((a) => a !== ''),
    watchFor: value('watchFor'),
    ifItHappens: value('ifItHappens'),
  };
}

export function bindBriefingForms() {
  document.getElementById('to-write').addEventListener('submit', (event) => {
    const form = event.target.closest?.('form[data-write-briefing]');
    if (!form) return;
    event.preventDefault();
    const handoffId = form.dataset.writeBriefing;
    // The server names a field by the item's place in the list sent: the slots follow it.
    const included = [...form.querySelectorAll('fieldset[data-write-item]')].filter((f) => f.querySelector('[name=include]').checked);
    for (const node of form.querySelectorAll('[data-error-for]')) {
      const fieldset = node.closest('fieldset[data-write-item]');
      const place = included.indexOf(fieldset);
      node.dataset.errorFor = node.dataset.errorFor.replace(/^items\[\d+\]/, `items[${place}]`);
    }
    runFormAction(form, async () => {
      const result = await api('POST', `/api/handoffs/${segment(handoffId)}/briefing`, { items: included.map(writtenItem) });
      return result?.done ?? `Briefing of ${handoffId} sent`;
    });
  });
}
