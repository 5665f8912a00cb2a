/** A titled list whose items may be cut to fit a size limit. */
export interface MarkdownSection {
  heading: string;
  items: string[];
}

const moreLine = (count: number) => `- …and ${count} more`;
/** Room kept per section for its "…and N more" line. */
const MORE_RESERVE = moreLine(Number.MAX_SAFE_INTEGER).length + 1;

/**
 * Joins `head` and the non-empty sections, keeping as many items (in order) as fit in
 * `limit` characters; a section that lost items ends with "…and N more". `head` must
 * itself fit, with room for the headings.
 */
export function fitMarkdown(head: string, sections: readonly MarkdownSection[], limit: number): string {
  const shown = sections.filter((section) => section.items.length > 0);
  const fixed = head.length + shown.reduce((sum, section) => sum + section.heading.length + 2, 0);
  let budget = limit - fixed - MORE_RESERVE * shown.length;
  if (budget < 0) throw new Error(`Markdown head and headings alone exceed ${limit} characters`);
  const parts = [head];
  for (const section of shown) {
    const kept: string[] = [];
    for (const item of section.items) {
      if (item.length + 1 > budget) break;
      kept.push(item);
      budget -= item.length + 1;
    }
    const cut = section.items.length - kept.length;
    parts.push(`\n${section.heading}\n${kept.join('\n')}${kept.length ? '\n' : ''}${cut ? `${moreLine(cut)}\n` : ''}`);
  }
  return parts.join('');
}
