import { withHighlightParam } from '../lib/search/highlight.ts';
import { createSearchClient, type SearchHit } from '../search/client.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');

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

/**
 * Which records a search reads (src/lib/search/search-records.ts): the pages by default, one record per
 * report and role with a role, the commitments with 只看承诺. Each way, a report appears at most once
 * (a commitment is its own result).
 */
function recordFilters(state: ReturnType<typeof readState>): Record<string, string> {
  const filters: Record<string, string> = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
  filters['type'] = state.only === 'commitments' ? 'commitment' : state.role ? 'section' : 'report';
  if (state.role) filters['role'] = state.role;
  return filters;
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

if (form && list && status) {
  const client = createSearchClient(form.dataset['bundlePath'] ?? '/pagefind/');
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

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

  const run = async () => {
    const state = stateFromForm();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: state.q, ...state.filters, role: state.role, only: state.only, sort: state.sort })) if (value) params.set(key, value);
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
      const filters = recordFilters(state);
      const unit = state.only === 'commitments' ? '条承诺' : '篇报告';
      const scope = state.role ? `（只看“${ROLE_LABELS[state.role]}”部分）` : '';
      const sort = state.sort === 'year-desc' ? { year: 'desc' as const } : state.sort === 'year-asc' ? { year: 'asc' as const } : undefined;
      const { hits, total } = await client.searchWithTotal(state.q, { filters, limit: 50, ...(sort ? { sort } : {}) });
      if (mine !== generation) return;
      list.innerHTML = hits.map((hit) => renderHit(hit, state.q)).join('');
      status.textContent =
        hits.length === 0
          ? `没有找到包含该词句的${state.only === 'commitments' ? '承诺' : '报告'}${scope}。`
          : total > hits.length
            ? `找到 ${total} ${unit}${scope}，显示最相关的 ${hits.length} ${unit.slice(0, 1)}。`
            : `找到 ${hits.length} ${unit}${scope}。`;
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
