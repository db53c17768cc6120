// Client-side routing over the History API. The server answers every non-API path
// with index.html, so any path here can be opened directly or reloaded.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export function navigate(path: string, { replace = false } = {}): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current location.pathname; re-renders on navigate() and Back/Forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

interface LinkProps {
  href: string;
  children: ComponentChildren;
  /** 'page': this is the current page; 'section': the current page belongs to this link's page. */
  current?: boolean | 'page' | 'section';
  /** The link's spoken name when its text alone would read badly ("Inbox (2)"). */
  ariaLabel?: string | undefined;
}

/** An ordinary link that navigates in place; modified clicks open a tab as usual. */
export function Link({ href, children, current = false, ariaLabel }: LinkProps) {
  const ariaCurrent = current === true || current === 'page' ? 'page' : current === 'section' ? 'true' : undefined;
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} aria-current={ariaCurrent} aria-label={ariaLabel}>
      {children}
    </a>
  );
}
