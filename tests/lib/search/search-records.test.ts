import { describe, expect, it } from 'vitest';
import { commitmentRecords, roleSectionPages } from '../../../src/lib/search/search-records.ts';

const page = `<!doctype html><html><body><article data-pagefind-body>
<span hidden data-pagefind-filter="year:2022"></span><span hidden data-pagefind-filter="unit:明湖市社科联"></span>
<span hidden data-pagefind-filter="kind:述职报告"></span><span hidden data-pagefind-filter="type:report"></span>
<span hidden data-pagefind-sort="year:2022"></span><span hidden data-pagefind-meta="year:2022"></span>
<header><h1 data-pagefind-meta="title">明湖市社科联2022年述职报告</h1></header>
<div class="report-body"><p>导语：三会一课。</p>
<h2 id="s-1" data-role="review">一、履职情况</h2><p>严格落实三会一课制度。</p>
<h2 id="s-2" data-role="problems">二、存在的问题</h2><p>三会一课质量不高。</p>
<h2 id="s-3" data-role="other">三、其他</h2><p>其他内容。</p>
<h2 id="s-4" data-role="problems">四、问题原因</h2><p>学习不够深入。</p>
<h2 id="s-5" data-role="plans">五、2023年打算</h2><p id="c-5-e1">开展巡回指导。</p>
</div><section data-pagefind-ignore><h2 id="analysis-heading">结构分析</h2></section></article></body></html>`;

describe('roleSectionPages', () => {
  const sections = roleSectionPages('/reports/2022/x/', page);

  it('makes one record per role, linking to the first section of that role', () => {
    expect(sections.map((s) => [s.role, s.url])).toEqual([
      ['review', '/reports/2022/x/#s-1'],
      ['problems', '/reports/2022/x/#s-2'],
      ['plans', '/reports/2022/x/#s-5'],
    ]);
  });

  it('holds the text of the role’s sections only, with the page’s filters and type=section', () => {
    const problems = sections.find((s) => s.role === 'problems')!.html;
    expect(problems).toContain('三会一课质量不高');
    expect(problems).toContain('学习不够深入');
    expect(problems).not.toContain('严格落实');
    expect(problems).not.toContain('导语');
    expect(problems).not.toContain('其他内容');
    expect(problems).not.toContain('结构分析');
    expect(problems).toContain('data-pagefind-filter="year:2022"');
    expect(problems).toContain('data-pagefind-filter="role:problems"');
    expect(problems).toContain('data-pagefind-filter="type:section"');
    expect(problems).not.toContain('type:report');
    expect(problems).toContain('data-pagefind-meta="title:明湖市社科联2022年述职报告"');
    expect(problems).toContain('data-pagefind-meta="section:二、存在的问题 / 四、问题原因"');
    expect(problems).toContain('data-pagefind-sort="year:2022"');
  });

  it('makes nothing of a page without a report body', () => {
    expect(roleSectionPages('/x/', '<html><body><p>x</p></body></html>')).toEqual([]);
  });
});

describe('commitmentRecords', () => {
  it('makes one plans record per commitment, linking to its anchor', () => {
    const records = commitmentRecords('/reports/2022/x/', {
      id: '2022/x', title: '报告', year: 2022, unit: '明湖市社科联', kind: '述职报告',
      commitments: [{ id: 'c-5-e1', text: '开展巡回指导。', sectionPath: ['五、2023年打算', '（一）党建'], anchor: 'c-5-e1' }],
    });
    expect(records).toEqual([{
      url: '/reports/2022/x/#c-5-e1',
      content: '开展巡回指导。',
      language: 'zh-cn',
      meta: { title: '报告', year: '2022', unit: '明湖市社科联', kind: '述职报告', section: '五、2023年打算 › （一）党建', commitment: 'c-5-e1' },
      filters: { year: ['2022'], unit: ['明湖市社科联'], kind: ['述职报告'], type: ['commitment'], role: ['plans'] },
      sort: { year: '2022' },
    }]);
  });

  it('makes one record of the promises of one bundled paragraph or targets paragraph, linking to the first', () => {
    const records = commitmentRecords('/reports/2024/x/', {
      id: '2024/x', title: '报告', year: 2024, unit: '国务院', kind: '政府工作报告',
      commitments: [
        { id: 'c-2-p3-t1', text: '国内生产总值增长5%左右', sectionPath: ['二、总体要求'], anchor: 'c-2-p3-t1' },
        { id: 'c-2-p3-t2', text: '城镇新增就业1200万人以上', sectionPath: ['二、总体要求'], anchor: 'c-2-p3-t2' },
        { id: 'c-3-1-p2-s1', text: '推动产业链供应链优化升级。', sectionPath: ['三、任务'], anchor: 'c-3-1-p2-s1' },
        { id: 'c-3-1-p2-s2', text: '保持工业经济平稳运行。', sectionPath: ['三、任务'], anchor: 'c-3-1-p2-s2' },
        { id: 'c-3-1-e1', text: '狠抓投资。', sectionPath: ['三、任务'], anchor: 'c-3-1-e1' },
        { id: 'c-3-1-e1-s1', text: '要积极争取上级专项资金。', sectionPath: ['三、任务'], anchor: 'c-3-1-e1-s1' },
      ],
    });
    expect(records.map((r) => [r.url, r.content, r.meta['commitment']])).toEqual([
      ['/reports/2024/x/#c-2-p3-t1', '国内生产总值增长5%左右；城镇新增就业1200万人以上', 'c-2-p3-t1'],
      ['/reports/2024/x/#c-3-1-p2-s1', '推动产业链供应链优化升级。保持工业经济平稳运行。', 'c-3-1-p2-s1'],
      ['/reports/2024/x/#c-3-1-e1', '狠抓投资。要积极争取上级专项资金。', 'c-3-1-e1'],
    ]);
  });
});
