// Narrows the commitments of a year page by unit, kind and status, without a round trip; the page works without it.
const form = document.querySelector<HTMLFormElement>('[data-ledger-filters]');
const count = document.querySelector<HTMLElement>('[data-ledger-count]');
if (form && count) {
  const apply = () => {
    const wanted = Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>);
    let shown = 0;
    for (const item of document.querySelectorAll<HTMLElement>('[data-ledger-item]')) {
      const visible = ['unit', 'kind', 'status'].every((key) => !wanted[key] || item.dataset[key] === wanted[key]);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-ledger-group], [data-ledger-kind-group]')) {
      group.hidden = group.querySelector('[data-ledger-item]:not([hidden])') === null;
    }
    count.textContent = `显示 ${shown} 条`;
  };
  form.addEventListener('change', apply);
  apply();
}
