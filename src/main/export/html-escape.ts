// Escaping for text and attribute values written into exported HTML/SVG: everything in a report
// (file names, notes, annotations, transcript words) is user data and must never become markup.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
