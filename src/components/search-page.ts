import { withHighlightParam } from '../lib/search/highlight.ts';
import type { FacetRole } from '../lib/search/search-scope.ts';
import { createSearchClient, mergeBundlesOf, type SearchHit, type SearchScope, type SearchSession } from '../search/client.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');

/** Results shown at first (a cold search loads only these pages' fragments), then added by each 显示更多. */
const FIRST_PAGE = 5;
const PAGE_SIZE = 10;

const filterNames = ['year', 'unit', 'kind'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ROLES = new Set(['review', 'problems', 'plans']);
const ROLE_LABELS: Record<string, string> = { review: '履职', problems: '问题', plans: '打算' };

function readState(params: URLSearchParams) {
  const role = params.get('role') ?? '';
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? '',
    role: ROLES.has(role) ? role : '',
    only: params.get('only') === 'commitments' ? 'commitments' : '',
    filters: Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<(typeof filterNames)[number], string>,
  };
}

/** The filters a search applies, and its scope: a role's text or the commitments (src/lib/search/search-scope.ts). */
function searchOptions(state: ReturnType<typeof readState>) {
  const filters: Record<string, string> = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
  const scope: SearchScope | undefined = state.only === 'commitments' ? { commitments: true } : state.role ? { role: state.role as FacetRole } : undefined;
  const sort = state.sort === 'year-desc' ? { year: 'desc' as const } : state.sort === 'year-asc' ? { year: 'asc' as const } : undefined;
  return { filters, ...(scope ? { scope } : {}), ...(sort ? { sort } : {}) };
}

/** Result links carry the query (?hl=…), which the report page highlights. */
function renderHit(hit: SearchHit, query: string): string {
  if (hit.meta['commitment']) return renderCommitment(hit, query);
  const target = withHighlightParam(hit.subResults[0]?.url ?? hit.url, query);
  const meta = [hit.meta['year'] && `${hit.meta['year']}年`, hit.meta['unit'], hit.meta['kind'], hit.meta['section'] && `章节：${hit.meta['section']}`]
    .filter(Boolean)
    .map((m) => `<span>${escapeHtml(String(m))}</span>`)
    .join('');
  const subs = hit.subResults
    .slice(0, 3)
    .map((sub) => `<li><a href="${escapeHtml(withHighlightParam(sub.url, query))}">${escapeHtml(sub.title)}</a>：<span>${sub.excerpt}</span></li>`)
    .join('');
  // Excerpts come from Pagefind, which escapes page text and adds only <mark>.
  return `<li><h3><a href="${escapeHtml(target)}">${escapeHtml(hit.title)}</a></h3><div class="meta-line">${meta}</div><p class="excerpt">${hit.excerpt}</p>${subs ? `<ul class="sub-results" aria-label="命中的段落">${subs}</ul>` : ''}</li>`;
}

/** One commitment: its text (the excerpt), linking to its anchor, with its report and section path. */
function renderCommitment(hit: SearchHit, query: string): string {
  const meta = [hit.meta['year'] && `${hit.meta['year']}年`, hit.meta['unit'], hit.meta['kind']].filter(Boolean).map((m) => `<span>${escapeHtml(String(m))}</span>`).join('');
  return `<li class="commitment-hit"><h3><a href="${escapeHtml(withHighlightParam(hit.url, query))}">${hit.excerpt}</a></h3><div class="meta-line">${meta}</div><p class="section-path">${escapeHtml(hit.title)} › ${escapeHtml(hit.meta['section'] ?? '')}</p></li>`;
}

if (form && list && status && more) {
  const client = createSearchClient(form.dataset['bundlePath'] ?? '/pagefind/', { mergeBundles: mergeBundlesOf(form) });
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { session: SearchSession; state: ReturnType<typeof readState>; shown: number } | undefined;

  const applyStateToForm = (state: ReturnType<typeof readState>) => {
    input.value = state.q;
    for (const name of [...filterNames, 'sort', 'role'] as const) {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      if (select) select.value = name === 'sort' ? state.sort : name === 'role' ? state.role : state.filters[name];
    }
    const only = form.querySelector<HTMLInputElement>('input[name="only"]');
    if (only) only.checked = state.only === 'commitments';
  };

  const stateFromForm = () => readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  /** The status line: how many in all when known (every unscoped search; a scoped one once all is checked). */
  const describe = (state: ReturnType<typeof readState>, session: SearchSession, shown: number) => {
    const unit = state.only === 'commitments' ? '条承诺' : '篇报告';
    const scope = state.role ? `（只看“${ROLE_LABELS[state.role]}”部分）` : '';
    const scoped = state.only === 'commitments' || state.role !== '';
    if (shown === 0) return `没有找到包含该词句的${state.only === 'commitments' ? '承诺' : '报告'}${scope}。`;
    if (!scoped) return shown < session.matches ? `找到 ${session.matches} ${unit}${scope}，显示最相关的 ${shown} ${unit.slice(0, 1)}。` : `找到 ${shown} ${unit}${scope}。`;
    return session.done() ? `找到 ${shown} ${unit}${scope}。` : `已找到 ${shown} ${unit}${scope}，可以显示更多。`;
  };

  /** Loads the next page of the current search and appends it. */
  const showMore = async (mine: number) => {
    if (!current) return;
    const { session, state } = current;
    const hits = await session.next(current.shown === 0 ? FIRST_PAGE : PAGE_SIZE);
    if (mine !== generation) return;
    list.insertAdjacentHTML('beforeend', hits.map((hit) => renderHit(hit, state.q)).join(''));
    current.shown += hits.length;
    more.hidden = session.done();
    status.textContent = describe(state, session, current.shown);
  };

  const run = async () => {
    const state = stateFromForm();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: state.q, ...state.filters, role: state.role, only: state.only, sort: state.sort })) if (value) params.set(key, value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    const mine = ++generation;
    current = undefined;
    more.hidden = true;
    if (!state.q.trim()) {
      list.innerHTML = '';
      status.textContent = '输入检索词后显示结果。';
      return;
    }
    status.textContent = '正在检索…';
    try {
      const session = await client.open(state.q, searchOptions(state));
      if (mine !== generation) return;
      list.innerHTML = '';
      current = { session, state, shown: 0 };
      await showMore(mine);
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = `检索出错：${(error as Error).message}`;
    }
  };

  more.addEventListener('click', () => {
    more.disabled = true;
    status.textContent = '正在加载更多结果…';
    void showMore(generation).finally(() => {
      more.disabled = false;
    });
  });

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
