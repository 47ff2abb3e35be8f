// Narrows the commitments of a ledger page by unit, kind and status, without a round trip.
export function initLedgerFilters(page: ParentNode): void {
  const form = page.querySelector<HTMLFormElement>('[data-ledger-filters]');
  const count = page.querySelector<HTMLElement>('[data-ledger-count]');
  if (!form || !count) return;
  const items = [...page.querySelectorAll<HTMLElement>('[data-ledger-item]')].map((item) => ({
    item,
    // The unit and the report's kind are stated once, on the groups around the commitments.
    values: {
      unit: item.closest<HTMLElement>('[data-unit]')?.dataset['unit'],
      kind: item.closest<HTMLElement>('[data-kind]')?.dataset['kind'],
      status: item.dataset['status'],
    } as Record<string, string | undefined>,
  }));
  const apply = () => {
    const wanted = Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>);
    let shown = 0;
    for (const { item, values } of items) {
      const visible = ['unit', 'kind', 'status'].every((key) => !wanted[key] || values[key] === wanted[key]);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of page.querySelectorAll<HTMLElement>('[data-ledger-group], [data-ledger-kind-group]')) {
      group.hidden = group.querySelector('[data-ledger-item]:not([hidden])') === null;
    }
    count.textContent = `显示 ${shown} 条`;
  };
  form.addEventListener('change', apply);
  apply();
}
