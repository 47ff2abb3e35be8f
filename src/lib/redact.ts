/** Masks names and phrases for public builds; whitespace inside a term in the text (李　强) still matches. */
export function createRedactor(terms: readonly string[], mask = 'XXX'): (text: string) => string {
  const patterns = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))]
    // Longest first, so "王某某副主席" is masked whole before "王某某".
    .sort((a, b) => b.length - a.length)
    .map((term) => [...term].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u3000]*'));
  if (patterns.length === 0) return (text) => text;
  const pattern = new RegExp(patterns.join('|'), 'g');
  return (text) => text.replace(pattern, mask);
}
