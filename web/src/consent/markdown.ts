// A small, safe Markdown reader for consent documents: headings (#, ##, ###),
// paragraphs, bulleted and numbered lists, **strong** and *emphasis* (or _emphasis_).
// Everything else is plain text: there is no raw HTML, no links and no images, and
// the result is data that components render as text nodes, so nothing in a document
// can become markup. The sections (## headings) are found the same way as the server
// finds them (src/domain/consent.cc).

export type Inline = { kind: 'text' | 'strong' | 'em'; text: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,3}) +(.*)$/;
const BULLET = /^\s*[-*+] +(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)] +(.*)$/;

/** **strong**, *em* and _em_; unmatched markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', text: text.slice(i + 2, end) });
        i = end + 2;
        continue;
      }
    }
    const c = text.charAt(i);
    if (c === '*' || c === '_') {
      const end = text.indexOf(c, i + 1);
      if (end > i + 1 && text[i + 1] !== ' ') {
        flush();
        out.push({ kind: 'em', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  flush();
  return out;
}

/** The blocks of a Markdown text. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inline: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (heading) {
      endParagraph();
      endList();
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, inline: parseInline((heading[2] ?? '').trim()) });
    } else if (item) {
      endParagraph();
      const ordered = item === numbered;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push((item[1] ?? '').trim());
    } else if (line.trim() === '') {
      endParagraph();
      endList();
    } else if (list && /^\s+/.test(line)) {
      // An indented line continues the list item above it.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ''} ${line.trim()}`;
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}

export interface MarkdownSection {
  heading: string;
  body: string;
}

/** The introduction (text before the first "## " heading) and the sections. */
export function splitSections(source: string): { intro: string; sections: MarkdownSection[] } {
  let intro = '';
  const sections: MarkdownSection[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const current = sections.at(-1);
    if (line.startsWith('## ')) {
      sections.push({ heading: line.slice(3).trim(), body: '' });
    } else if (current) {
      current.body += `${line}\n`;
    } else {
      intro += `${line}\n`;
    }
  }
  return { intro: intro.trim(), sections: sections.map((s) => ({ heading: s.heading, body: s.body.trim() })) };
}

const REQUIRED: readonly [string, readonly string[]][] = [
  ['nature', ['nature']],
  ['risks', ['risk', 'risks']],
  ['benefits', ['benefit', 'benefits']],
  ['alternatives', ['alternative', 'alternatives']],
];

/**
 * The required sections (nature, risks, benefits, alternatives) a text lacks or
 * leaves empty, by the server's rule: a "## " heading counts when one of its words
 * (letters only, any case) is the name or its plural. The server decides on publish;
 * this only shows the author early what is missing.
 */
export function missingSections(source: string): string[] {
  const { sections } = splitSections(source);
  return REQUIRED.filter(([, words]) =>
    !sections.some((s) => s.body !== '' && (s.heading.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => words.includes(w))),
  ).map(([name]) => name);
}
