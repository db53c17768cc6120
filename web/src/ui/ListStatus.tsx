// What sits under a server list: loading, an empty list, a failure, "Load more".
import type { PagedList } from './use_paged_list';

interface ListStatusProps {
  list: Omit<PagedList<unknown>, 'updateItems'>;
  emptyText: string;
}

export function ListStatus({ list, emptyText }: ListStatusProps) {
  const empty = !list.loading && !list.error && list.items.length === 0;
  return (
    <div class="list-status">
      <p role="status" class="muted">
        {list.loading ? 'Loading…' : empty ? emptyText : ''}
      </p>
      {list.error && (
        <p role="alert" class="form-error">
          {list.error}{' '}
          <button type="button" class="link-button" onClick={list.reload}>
            Try again
          </button>
        </p>
      )}
      {list.hasMore && !list.loading && (
        <button type="button" class="secondary" onClick={list.loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
