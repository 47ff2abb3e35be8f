import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKinds } from '../../src/lib/site-config.ts';
import { validateReports } from '../../src/lib/validate-reports.ts';
import { runCli } from '../helpers/run-cli.ts';

function contentDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianjian-new-'));
  mkdirSync(path.join(dir, 'reports'));
  return dir;
}

describe('nianjian new', () => {
  it('writes a valid skeleton where the report belongs', () => {
    const dir = contentDir();
    const result = runCli(['new', '--content', dir, '--unit', '市社科联', '--year', '2024', '--kind', '工作总结']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = path.join(dir, 'reports/2024/市社科联-工作总结.mdx');
    expect(result.stdout).toContain('2024/市社科联-工作总结.mdx');
    const text = readFileSync(file, 'utf8');
    const { problems, reports } = validateReports([{ path: file, text }], defaultKinds);
    expect(problems).toEqual([]);
    expect(reports[0]!.data).toMatchObject({ unit: '市社科联', year: 2024, kind: '工作总结', title: '市社科联2024年工作总结' });
    expect(text).toContain('## 三、2025年工作思路');
  });

  it('refuses to overwrite an existing report and leaves it as it was', () => {
    const dir = contentDir();
    const file = path.join(dir, 'reports/2024/市社科联-述职报告.mdx');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '我的原稿');
    const result = runCli(['new', '--content', dir, '--unit', '市社科联', '--year', '2024', '--kind', '述职报告', '--title', '新标题']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('文件已存在，不会覆盖');
    expect(readFileSync(file, 'utf8')).toBe('我的原稿');
  });

  it('explains a missing unit, a bad year and an unknown kind', () => {
    const dir = contentDir();
    expect(runCli(['new', '--content', dir, '--year', '2024']).stderr).toContain('缺少 --unit');
    expect(runCli(['new', '--content', dir, '--unit', 'u', '--year', '24']).stderr).toContain('--year 应为四位年份');
    const unknown = runCli(['new', '--content', dir, '--unit', 'u', '--year', '2024', '--kind', '周报']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知的报告类型 "周报"');
  });

  it('rejects an unknown option with a one-line message', () => {
    const result = runCli(['new', '--colour', 'red']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^错误：nianjian new：.*colour/);
  });
});
