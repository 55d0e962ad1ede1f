// Reading forms into request bodies.

export function field(form, name) {
  return form.elements.namedItem(name);
}

/** Text the user typed, or undefined when the field is empty (so it is left out of the body). */
export function readText(input) {
  const value = input?.value.trim() ?? '';
  return value === '' ? undefined : value;
}

/**
 * A number field as a number when it parses, as its raw text when it does not (the server says
 * what is wrong with it), or undefined when empty. A number input hides what was typed when the
 * browser cannot read it; the empty string then goes to the server, which rejects it as not a
 * number instead of the page silently dropping the field.
 */
export function readNumber(input) {
  if (!input) return undefined;
  const raw = input.value.trim();
  if (input.validity?.badInput) return raw;
  if (raw === '') return undefined;
  const number = Number(raw);
  return Number.isNaN(number) ? raw : number;
}

export function withDefined(entries) {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
