// The six labels the core emits, in display order, with the key that adds each one and its pattern name
// (every label has a line style as well as a colour, so colour-blind readers and print can tell them apart).
export const LABELS = ['PER', 'LOC', 'ORG', 'DATE', 'QUOTE', 'STATEMENT'];

// Entities and dates are painted above quotations, which may contain them.
export const PRIORITY = { QUOTE: 0, STATEMENT: 1, PER: 3, LOC: 3, ORG: 3, DATE: 3 };

export const isEntityLabel = (label) => label === 'PER' || label === 'LOC' || label === 'ORG';
