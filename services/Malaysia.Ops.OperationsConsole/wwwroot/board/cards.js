// The facilitator's cards: the scenario's events, listed on request (they need the facilitator's
// token) and played one at a time; each play is logged on the timeline.

import { api } from './api.js';
import { runAction } from './form-actions.js';
import { escapeHtml, list } from './format.js';

function renderCards(cards) {
  const container = document.getElementById('cards');
  container.innerHTML = list(cards).length === 0
    ? '<li class="empty-note">This scenario has no cards.</li>'
    : list(cards).map((card) => `<li class="card" data-card="${escapeHtml(card.index)}">
        <strong>${escapeHtml(card.title)}</strong> <span class="muted">${escapeHtml(card.does)}</span>
        <button type="button" data-play-card="${escapeHtml(card.index)}">Play</button>
      </li>`).join('');
}

export function bindCards() {
  const show = document.getElementById('cards-show');
  show.addEventListener('click', () => runAction(show, async () => {
    renderCards(await api('GET', '/api/rehearsal/cards'));
    return 'Cards shown';
  }));
  document.getElementById('cards').addEventListener('click', (event) => {
    const button = event.target.closest?.('button[data-play-card]');
    if (!button) return;
    runAction(button, async () => (await api('POST', `/api/rehearsal/cards/${encodeURIComponent(button.dataset.playCard)}/play`))?.done ?? 'Card played');
  });
}
