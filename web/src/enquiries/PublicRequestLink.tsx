// The clinic's public consultation request link, with a copy button, for the
// clinic's website, e-mails and social media.
import { useRef, useState } from 'preact/hooks';
import { publicRequestPath } from '../navigation';

export function PublicRequestLink({ clinicId }: { clinicId: string }) {
  const url = location.origin + publicRequestPath(clinicId);
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      // The clipboard API exists only on HTTPS and localhost.
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
    } catch {
      input.current?.select();
      setStatus('The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <section class="panel public-link" aria-labelledby="public-link-heading">
      <h2 id="public-link-heading">Public request page</h2>
      <p class="hint">
        People can ask for a consultation here without signing in.{' '}
        <a href={url} target="_blank" rel="noopener">
          Open the page
        </a>
      </p>
      <div class="copy-row">
        <label for="public-link-url" class="visually-hidden">
          Public request link
        </label>
        <input id="public-link-url" ref={input} type="text" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="secondary" onClick={copy}>
          Copy link
        </button>
      </div>
      <p role="status" class="muted copy-status">
        {status}
      </p>
    </section>
  );
}
