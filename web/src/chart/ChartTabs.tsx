// The chart's tabs (WAI-ARIA tabs pattern): arrow keys, Home and End move between
// tabs and show the one focused. Every panel stays mounted, only hidden, so answers
// typed on one tab are still there after a look at another. A lazy panel is first
// rendered when its tab is first shown (it loads its own data), then stays.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface ChartTab {
  /** Stable and unique: used in element ids. */
  id: string;
  label: string;
  panel: ComponentChildren;
  /** Render the panel only once the tab has been shown. */
  lazy?: boolean;
}

interface ChartTabsProps {
  /** Names the tab list for assistive technology. */
  label: string;
  tabs: readonly ChartTab[];
}

export function ChartTabs({ label, tabs }: ChartTabsProps) {
  const [selectedId, setShownId] = useState(tabs[0]?.id ?? '');
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set([selectedId]));
  const tabList = useRef<HTMLDivElement>(null);
  const setSelectedId = (id: string) => {
    setShownId(id);
    setShown((s) => (s.has(id) ? s : new Set([...s, id])));
  };

  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    setSelectedId(tab.id);
    tabList.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((t) => t.id === selectedId);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };

  return (
    <div class="chart-tabs">
      <div role="tablist" aria-label={label} class="tab-list" ref={tabList} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === selectedId;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-controls={`panel-${tab.id}`}
              aria-selected={selected ? 'true' : 'false'}
              tabIndex={selected ? 0 : -1}
              onClick={() => setSelectedId(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={tab.id !== selectedId} tabIndex={0} class="tab-panel">
          {(!tab.lazy || shown.has(tab.id)) && tab.panel}
        </div>
      ))}
    </div>
  );
}
