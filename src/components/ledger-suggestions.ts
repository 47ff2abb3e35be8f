// Adds a commitment's automatic suggestions when the reader opens its 后续情况, from the report's data file.
import { renderSuggestionsHtml } from '../lib/compare/ledger-view.ts';
import type { DataCommitment, DataEvidence } from '../lib/compare/report-data.ts';

type SuggestionData = { commitments: DataCommitment[]; evidence: DataEvidence[] };

async function showSuggestions(
  details: HTMLDetailsElement,
  load: (reportId: string) => Promise<SuggestionData>,
  link: (reportId: string, anchor: string | null) => string,
): Promise<void> {
  const list = details.querySelector<HTMLElement>('ol');
  const item = details.closest<HTMLElement>('[data-ledger-item]');
  const reportId = details.closest<HTMLElement>('[data-report]')?.dataset['report'];
  if (!list || !item || !reportId) return;
  const note = document.createElement('li');
  note.className = 'suggested';
  note.textContent = '正在读取自动建议…';
  list.append(note);
  try {
    const data = await load(reportId);
    const commitment = data.commitments.find((c) => c.id === item.dataset['c']);
    note.insertAdjacentHTML('beforebegin', commitment ? renderSuggestionsHtml(data.evidence, commitment.followUps, link) : '');
    note.remove();
  } catch (error) {
    note.textContent = `自动建议读取失败：${(error as Error).message}`;
  }
}

export function initLedgerSuggestions(
  root: ParentNode,
  load: (reportId: string) => Promise<SuggestionData>,
  link: (reportId: string, anchor: string | null) => string,
): void {
  for (const details of root.querySelectorAll<HTMLDetailsElement>('details[data-suggested]')) {
    details.addEventListener('toggle', () => {
      if (details.open) void showSuggestions(details, load, link);
    }, { once: true });
  }
}
