/** The summary of a recipe from a README: its first paragraph of prose, as plain text. */

const SKIP_LINE = /^(#|=+$|-+$|\[!\[|!\[|<|\|)/;

const plain = (text: string): string =>
  text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

/** The first paragraph that is prose (not a heading, badge, HTML or table); its first sentence when long. */
export function readmeSummary(text: string, maxLength = 160): string | null {
  const paragraphs = text.replace(/\r\n/g, '\n').replace(/```[\s\S]*?```/g, '').split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !SKIP_LINE.test(l));
    const prose = plain(lines.join(' '));
    if (prose.length < 3) continue;
    if (prose.length <= maxLength) return prose;
    const sentence = /^(.+?[.!?])(\s|$)/.exec(prose)?.[1];
    return sentence && sentence.length <= maxLength ? sentence : `${prose.slice(0, maxLength - 1).trimEnd()}…`;
  }
  return null;
}
