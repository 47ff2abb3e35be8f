// What kind of promise a commitment is: a number to reach (target), something to do (task),
// or an intent with nothing to check (general), shown apart in the ledger.

import { extractMetrics, type Metric } from './metrics.ts';

export type CommitmentKind = 'target' | 'task' | 'general';

// Intent and context rather than a deed: the overall requirement, "今年是…之年", "就业是民生之本",
// explanations of a target ("考虑了…，有利于…"), exhortations and rallying calls.
const GENERAL = [
  /总体要求|指导思想|总基调|总体部署/,
  /^(?:今年|明年|[0-9０-９]{4}年)(?:是|，是)/,
  /^[^，。；]{1,12}是[^，。；]{0,16}(?:之本|之源|之基|之要|首要任务|最大的红利|关键|根本|基础|前提|保障)。?$/,
  /考虑了|兼顾了/,
  /一定(?:能|会|能够)|坚定信心|充满信心|不懈奋斗|而奋斗|的决心/,
  /^中国(?:愿|是|将)/,
];

// A number is a target when it says what is to be reached, not only what is spent.
const INPUT_ONLY = /投资|资金|安排|拨付|预算|补助|补贴|经费|投入|贷款|债券/;

/** The metrics of a promise that are goals ("新增就业5000人", "增长6%以上"). */
export function goalMetrics(text: string): Metric[] {
  return extractMetrics(text).filter((m) => !(INPUT_ONLY.test(m.label) && !/%|百分点/.test(m.unit)));
}

export function classifyCommitment(text: string, options: { indicator?: boolean } = {}): CommitmentKind {
  if (options.indicator) return 'target';
  if (GENERAL.some((re) => re.test(text))) return 'general';
  return goalMetrics(text).length > 0 ? 'target' : 'task';
}
