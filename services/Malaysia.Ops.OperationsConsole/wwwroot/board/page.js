// Writing sections to the page: only what changed, never under a press, keeping focus.

const writtenHtml = new WeakMap();

// A section the pointer is pressed in is not rewritten until the press ends: replacing a button
// between mousedown and mouseup would swallow the click. The board is drawn again from the newest
// snapshot just after the click has been delivered (and has marked what it started as busy).
const pressed = new Set();
const skippedWhilePressed = new Set();

/** `redraw` draws the board from the newest snapshot; it is passed in because drawing the board
 *  needs every section's renderer, which in turn write through this module. */
export function holdWhilePressed(container, redraw) {
  container.addEventListener('pointerdown', () => pressed.add(container));
  const release = () => {
    if (!pressed.delete(container) || !skippedWhilePressed.delete(container)) return;
    setTimeout(redraw, 0);
  };
  window.addEventListener('pointerup', release);
  window.addEventListener('pointercancel', release);
}

/**
 * Replaces a section's content when its HTML changed. Focus, caret and selection of an element
 * with data-focus-key survive the replacement, so a re-render never takes the keyboard away.
 */
export function patch(element, html) {
  if (!element) return false;
  if (pressed.has(element)) {
    skippedWhilePressed.add(element);
    return false;
  }
  if (writtenHtml.get(element) === html) return false;

  const active = document.activeElement;
  let focusKey = null;
  let selection = null;
  if (active && active !== document.body && element.contains(active) && active.dataset.focusKey) {
    focusKey = active.dataset.focusKey;
    try {
      if (typeof active.selectionStart === 'number') {
        selection = [active.selectionStart, active.selectionEnd, active.selectionDirection];
      }
    } catch {
      // Checkboxes and buttons have no caret.
    }
  }

  element.innerHTML = html;
  writtenHtml.set(element, html);
  applyGeometry(element);

  if (focusKey !== null) {
    const target = [...element.querySelectorAll('[data-focus-key]')]
      .find((node) => node.dataset.focusKey === focusKey);
    if (target && !target.disabled) {
      target.focus({ preventScroll: true });
      if (selection && typeof target.setSelectionRange === 'function') {
        try { target.setSelectionRange(...selection); } catch { /* not a text field */ }
      }
    }
  }
  return true;
}

/** Bars and markers carry their position as data attributes and get it set through the DOM,
 *  so the page needs no inline style attributes (and works under a strict style policy). */
function applyGeometry(root) {
  for (const node of root.querySelectorAll('[data-left]')) node.style.left = `${node.dataset.left}%`;
  for (const node of root.querySelectorAll('[data-width]')) node.style.width = `${node.dataset.width}%`;
}

export function setText(id, text) {
  const node = document.getElementById(id);
  if (node && node.textContent !== text) node.textContent = text;
}
