// Renders Markdown read by markdown.ts as Preact elements: every piece of the
// document becomes a text node, so nothing in it is ever markup.
import { parseMarkdown, type Inline } from './markdown';

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) => (p.kind === 'strong' ? <strong key={i}>{p.text}</strong> : p.kind === 'em' ? <em key={i}>{p.text}</em> : p.text))}
    </>
  );
}

interface MarkdownProps {
  source: string;
  /** Added to each heading's level, so a document's "#" fits under the page's own h1 (default 1). */
  headingOffset?: number;
}

export function Markdown({ source, headingOffset = 1 }: MarkdownProps) {
  return (
    <div class="markdown">
      {parseMarkdown(source).map((b, i) => {
        if (b.kind === 'heading') {
          const level = Math.min(6, b.level + headingOffset);
          const Tag = `h${level}` as 'h2';
          return (
            <Tag key={i}>
              <Inlines parts={b.inline} />
            </Tag>
          );
        }
        if (b.kind === 'list') {
          const items = b.items.map((item, j) => (
            <li key={j}>
              <Inlines parts={item} />
            </li>
          ));
          return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
        }
        return (
          <p key={i}>
            <Inlines parts={b.inline} />
          </p>
        );
      })}
    </div>
  );
}
