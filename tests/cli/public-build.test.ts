import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { listReportFiles } from '../../src/node/content-source.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { findCanaries, readOutputTexts } from '../helpers/scan-output.ts';

/**
 * The sample archive with canaries: in the body and title of every internal report; and in public reports,
 * inside an <Internal> block, as a name redacted by the site config and as one redacted by the report itself.
 */
function plantCanaries(): { contentDir: string; canaries: string[]; internalTitles: string[] } {
  const contentDir = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-canary-')), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  const configFile = path.join(contentDir, 'nianjian.config.json');
  writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), redact: ['甄秘书长'] }));
  const canaries: string[] = [];
  const internalTitles: string[] = [];
  for (const [index, file] of listReportFiles(path.join(contentDir, 'reports')).entries()) {
    const text = readFileSync(file, 'utf8');
    const { data } = parseFrontmatter(text);
    if (data['confidentiality'] === 'public') {
      const hidden = `内部段落金丝雀${index}号`;
      const siteName = '甄秘书长';
      const ownName = `保密人名${index}号`;
      canaries.push(hidden, `nianjianinternal${index}`, siteName, ownName);
      writeFileSync(
        file,
        text
          .replace(/^title: (.*)$/m, `title: $1（${siteName}审定）`)
          .replace(/^---\n/, `---\nredact: [${ownName}]\n`)
          .concat(`\n<Internal>\n${hidden}：nianjianinternal${index} 仅供内部。\n</Internal>\n\n${siteName}和${ownName.split('').join(' ')}出席会议并讲话。\n`),
      );
      continue;
    }
    const body = `nianjiancanary${index}body`;
    const chinese = `绝密金丝雀第${index}号甲乙丙`;
    const title = `canarytitle${index}`;
    canaries.push(body, chinese, title);
    internalTitles.push(String(data['title']));
    const planted = text
      .replace(/^title: (.*)$/m, `title: $1${title}`)
      .concat(`\n${chinese}：此段含有 ${body}，不得出现在公开版中。\n`);
    writeFileSync(file, planted);
  }
  return { contentDir, canaries, internalTitles };
}

describe('public build', () => {
  const { contentDir, canaries, internalTitles } = plantCanaries();
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-public-'));
  const publicDir = path.join(root, 'public');
  const internalDir = path.join(root, 'internal');
  let publicRun: ReturnType<typeof runCli>;
  let internalRun: ReturnType<typeof runCli>;
  beforeAll(() => {
    publicRun = runCli(['build', '--public', '--content', contentDir, '--out', publicDir, '--quiet']);
    internalRun = runCli(['build', '--content', contentDir, '--out', internalDir, '--quiet']);
  }, 300_000);

  it('plants canaries in at least three internal reports', () => {
    expect(internalTitles.length).toBeGreaterThanOrEqual(3);
  });

  it('masks redacted names with the mask in the public pages', () => {
    const html = readOutputTexts(publicDir).find((f) => f.file.startsWith('reports/2022/') && f.text.includes('出席会议并讲话'));
    expect(html?.text).toMatch(/XXX和XXX出席会议并讲话/);
  });

  it('contains nothing of an internal report in any file, search index included', () => {
    expect(publicRun.stderr).toBe('');
    expect(publicRun.status).toBe(0);
    expect(findCanaries(publicDir, canaries)).toEqual([]);
    const everything = readOutputTexts(publicDir).map((f) => f.text).join('\n');
    for (const title of internalTitles) expect(everything).not.toContain(title.replace(/\s+/g, ''));
  });

  it('has every canary in the internal build, so the scan can find a leak', () => {
    expect(internalRun.status).toBe(0);
    const hits = findCanaries(internalDir, canaries);
    for (const canary of canaries) expect(hits.some((hit) => hit.startsWith(`${canary} in `)), canary).toBe(true);
    expect(hits.some((hit) => hit.includes('pagefind/'))).toBe(true);
  });

  it('refuses to build a public site from an archive with no public report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianjian-nopublic-'));
    writeFileSync(path.join(dir, 'a.mdx'), '---\ntitle: t\nyear: 2022\nunit: u\nkind: 工作总结\n---\n\n正文\n');
    const result = runCli(['build', '--public', '--content', dir, '--out', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有可公开的报告');
  });
});
