// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

describe('Markdown', () => {
  it('renders the document as elements with text, never markup from the source', () => {
    const host = document.createElement('div');
    render(<Markdown source={'## Risks <img src=x onerror=alert(1)>\n- **nausea**\n\n<script>bad()</script>'} />, host);
    expect(host.querySelector('h3')?.textContent).toBe('Risks <img src=x onerror=alert(1)>');
    expect(host.querySelector('li strong')?.textContent).toBe('nausea');
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('script')).toBeNull();
    expect(host.querySelector('p')?.textContent).toBe('<script>bad()</script>');
  });
});
