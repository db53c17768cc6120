import { describe, expect, it } from 'vitest';
import { missingSections, parseInline, parseMarkdown, splitSections } from './markdown';

describe('parseInline', () => {
  it('reads strong and emphasis and keeps unmatched markers as text', () => {
    expect(parseInline('a **b** *c* _d_ e')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'd' },
      { kind: 'text', text: ' e' },
    ]);
    expect(parseInline('2 * 3 and a lone ** marker')).toEqual([{ kind: 'text', text: '2 * 3 and a lone ** marker' }]);
  });
});

describe('parseMarkdown', () => {
  it('reads headings, paragraphs and lists', () => {
    const blocks = parseMarkdown('# Title\n\nOne line\nand the next.\n\n## Risks\n- nausea\n- dizziness\n  lasting an hour\n\n1. first\n2) second\n### Rare\nText');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'heading', 'paragraph']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', inline: [{ kind: 'text', text: 'One line and the next.' }] });
    expect(blocks[3]).toEqual({
      kind: 'list',
      ordered: false,
      items: [[{ kind: 'text', text: 'nausea' }], [{ kind: 'text', text: 'dizziness lasting an hour' }]],
    });
    expect(blocks[4]).toMatchObject({ kind: 'list', ordered: true });
    expect(blocks[5]).toMatchObject({ kind: 'heading', level: 3 });
  });

  it('keeps HTML as plain text', () => {
    const blocks = parseMarkdown('<script>alert(1)</script> <b>x</b>');
    expect(blocks).toEqual([{ kind: 'paragraph', inline: [{ kind: 'text', text: '<script>alert(1)</script> <b>x</b>' }] }]);
  });
});

describe('splitSections', () => {
  it('splits on "## " headings as the server does', () => {
    const { intro, sections } = splitSections('Intro text.\n\n## Nature\r\nA\n### Sub\nB\n\n##NoSpace\n## Risks  \n\n');
    expect(intro).toBe('Intro text.');
    expect(sections).toEqual([
      { heading: 'Nature', body: 'A\n### Sub\nB\n\n##NoSpace' },
      { heading: 'Risks', body: '' },
    ]);
  });
});

describe('missingSections', () => {
  it('names the required sections that are absent or empty', () => {
    expect(missingSections('## Nature of it\nx\n## Risks\n\n## Possible benefits\ny')).toEqual(['risks', 'alternatives']);
    expect(missingSections('## Nature\nx\n## Risk\ny\n## Benefit\nz\n## Alternatives\nw')).toEqual([]);
    expect(missingSections('## Riskiness\nx')).toContain('risks');
  });
});
