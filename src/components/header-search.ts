// The header search box on every page: "/" focuses it; typing lists the best matches below it
// (a combobox: arrows move, Enter opens the chosen report, Escape closes); Enter with nothing chosen,
// or no JavaScript at all, goes to the search page. The search client loads on first use only.

const form = document.querySelector<HTMLFormElement>('[data-header-search]');
const input = document.querySelector<HTMLInputElement>('#header-q');
const list = document.querySelector<HTMLUListElement>('#header-results');

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector<HTMLInputElement>('#search-q') ?? input;
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (form && input && list) {
  let client: Promise<import('../search/client.ts').SearchClient> | undefined;
  let active = -1;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', all[active]!.id);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) return close();
    client ??= import('../search/client.ts').then(({ createSearchClient, mergeBundlesOf }) => createSearchClient(form.dataset['bundlePath'] ?? '/pagefind/', { mergeBundles: mergeBundlesOf(form) }));
    // Loaded on first use, so pages that never search carry none of the search code.
    const [hits, { withHighlightParam }] = await Promise.all([
      client.then((c) => c.search(query, { limit: 8 })),
      import('../lib/search/highlight.ts'),
    ]);
    if (mine !== generation) return;
    list.replaceChildren(
      ...hits.map((hit, index) => {
        const option = document.createElement('li');
        option.id = `header-result-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        // An option holds no link of its own (no nested interactive controls); choosing it navigates.
        option.dataset['href'] = withHighlightParam(hit.subResults[0]?.url ?? hit.url, query);
        const title = document.createElement('span');
        title.className = 'header-result-title';
        title.textContent = hit.title;
        const meta = document.createElement('span');
        meta.className = 'meta-line';
        meta.textContent = [hit.meta['year'] && `${hit.meta['year']}年`, hit.meta['unit']].filter(Boolean).join(' · ');
        option.append(title, meta);
        option.addEventListener('click', () => location.assign(option.dataset['href']!));
        return option;
      }),
    );
    if (hits.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'header-results-empty';
      empty.textContent = '没有找到包含该词句的报告';
      list.append(empty);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void show(), 200);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      choose(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.assign(options()[active]!.dataset['href']!);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) close();
  });
}

export {}; // a module: its names stay its own
