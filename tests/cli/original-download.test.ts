import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sharedDir } from '../helpers/run-cli.ts';

const seedDocx = path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.auto-numbering.docx');
const seedPdf = path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.pdf');
const seedDoc = path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.doc');

describe('kept originals', () => {
  it('are offered for download on the report page (.docx, PDF, .doc); a public build carries only public reports’ originals', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nianjian-original-'));
    const reports = path.join(root, 'content/reports');
    const importAs = (unit: string, confidentiality: string) =>
      runCli(['import', seedDocx, '--out', reports, '--unit', unit, '--kind', '述职报告', '--confidentiality', confidentiality, '--keep-original']);
    expect(importAs('公开单位', 'public').status).toBe(0);
    expect(importAs('内部单位', 'internal').status).toBe(0);
    for (const [source, unit] of [[seedPdf, 'PDF单位'], [seedDoc, 'DOC单位']] as const) {
      expect(runCli(['import', source, '--out', reports, '--unit', unit, '--keep-original']).status).toBe(0);
    }

    const internal = path.join(root, 'internal');
    expect(runCli(['build', '--content', path.join(root, 'content'), '--out', internal, '--quiet']).status).toBe(0);
    for (const unit of ['公开单位', '内部单位']) {
      const download = path.join(internal, `reports/2021/${unit}-述职报告/original.docx`);
      expect(readFileSync(download).equals(readFileSync(seedDocx))).toBe(true);
      const html = readFileSync(path.join(internal, `reports/2021/${unit}-述职报告/index.html`), 'utf8');
      expect(html).toContain(`href="/reports/2021/${unit}-述职报告/original.docx" download`);
    }
    for (const [source, unit, extension, label] of [[seedPdf, 'PDF单位', 'pdf', 'PDF'], [seedDoc, 'DOC单位', 'doc', 'Word 97–2003 文档']] as const) {
      const download = path.join(internal, `reports/2021/${unit}-述职报告/original.${extension}`);
      expect(readFileSync(download).equals(readFileSync(source))).toBe(true);
      const html = readFileSync(path.join(internal, `reports/2021/${unit}-述职报告/index.html`), 'utf8');
      expect(html).toContain(`href="/reports/2021/${unit}-述职报告/original.${extension}" download>下载（${label} .${extension}）</a>`);
    }

    const published = path.join(root, 'public');
    expect(runCli(['build', '--public', '--content', path.join(root, 'content'), '--out', published, '--quiet']).status).toBe(0);
    expect(existsSync(path.join(published, 'reports/2021/公开单位-述职报告/original.docx'))).toBe(true);
    expect(existsSync(path.join(published, 'reports/2021/内部单位-述职报告'))).toBe(false);
  }, 300_000);
});
