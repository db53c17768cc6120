// A read-only link with a Copy button; where the clipboard API is missing (plain
// HTTP), the link is selected for the user to copy by hand.
import { useId, useRef, useState } from 'preact/hooks';

export function CopyLink({ url, label }: { url: string; label: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
    } catch {
      input.current?.select();
      setStatus('The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <>
      <div class="copy-row">
        <label for={id} class="visually-hidden">
          {label}
        </label>
        <input id={id} ref={input} type="text" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status" class="muted copy-status">
        {status}
      </p>
    </>
  );
}
