import { createSearchClient, type SearchHit } from '../search/client.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');

const filterNames = ['year', 'unit', 'kind'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readState(params: URLSearchParams) {
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? '',
    filters: Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<(typeof filterNames)[number], string>,
  };
}

function renderHit(hit: SearchHit): string {
  const target = hit.subResults[0]?.url ?? hit.url;
  const meta = [hit.meta['year'] && `${hit.meta['year']}年`, hit.meta['unit'], hit.meta['kind']].filter(Boolean).map((m) => `<span>${escapeHtml(String(m))}</span>`).join('');
  const subs = hit.subResults
    .slice(0, 3)
    .map((sub) => `<li><a href="${escapeHtml(sub.url)}">${escapeHtml(sub.title)}</a>：<span>${sub.excerpt}</span></li>`)
    .join('');
  // Excerpts come from Pagefind, which escapes page text and adds only <mark>.
  return `<li><h3><a href="${escapeHtml(target)}">${escapeHtml(hit.title)}</a></h3><div class="meta-line">${meta}</div><p class="excerpt">${hit.excerpt}</p>${subs ? `<ul class="sub-results" aria-label="命中的段落">${subs}</ul>` : ''}</li>`;
}

if (form && list && status) {
  const client = createSearchClient(form.dataset['bundlePath'] ?? '/pagefind/');
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const applyStateToForm = (state: ReturnType<typeof readState>) => {
    input.value = state.q;
    for (const name of [...filterNames, 'sort'] as const) {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      if (select) select.value = name === 'sort' ? state.sort : state.filters[name];
    }
  };

  const stateFromForm = () => readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  const run = async () => {
    const state = stateFromForm();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: state.q, ...state.filters, sort: state.sort })) if (value) params.set(key, value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    const mine = ++generation;
    if (!state.q.trim()) {
      list.innerHTML = '';
      status.textContent = '输入检索词后显示结果。';
      return;
    }
    status.textContent = '正在检索…';
    try {
      const filters = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
      const sort = state.sort === 'year-desc' ? { year: 'desc' as const } : state.sort === 'year-asc' ? { year: 'asc' as const } : undefined;
      const { hits, total } = await client.searchWithTotal(state.q, { filters, limit: 50, ...(sort ? { sort } : {}) });
      if (mine !== generation) return;
      list.innerHTML = hits.map(renderHit).join('');
      status.textContent =
        hits.length === 0 ? '没有找到包含该词句的报告。' : total > hits.length ? `找到 ${total} 篇报告，显示最相关的 ${hits.length} 篇。` : `找到 ${hits.length} 篇报告。`;
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = `检索出错：${(error as Error).message}`;
    }
  };

  applyStateToForm(readState(new URLSearchParams(location.search)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 250);
  });
  form.addEventListener('change', () => void run());
  if (input.value) void run();
}
