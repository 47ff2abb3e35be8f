import { runAnalyze } from './analyze.ts';
import { runBuild } from './build.ts';
import { exportUsage, runExport } from './export.ts';
import { runImport } from './import.ts';
import { runNew } from './new.ts';
import { runServer } from './server.ts';
import { runShards } from './shards.ts';
import { CliError } from './cli-error.ts';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  build: { run: runBuild, summary: '构建静态站点：nianjian build [--content 目录] [--out 目录] [--base 路径] [--public] [--shard-reports 每片报告数] [--shard 分片名 | --merge-shards 分片目录]' },
  shards: { run: runShards, summary: '列出分片构建的分片名（JSON，供 CI 矩阵使用）：nianjian shards [--content 目录] [--shard-reports 每片报告数] [--public]' },
  dev: { run: (args) => runServer('dev', args), summary: '开发模式（边改边看）：nianjian dev [--content 目录] [--base 路径] [--port 端口]' },
  preview: { run: (args) => runServer('preview', args), summary: '预览已构建的站点：nianjian preview [--out 目录] [--base 路径] [--port 端口]' },
  new: { run: runNew, summary: '新建报告骨架：nianjian new --unit 单位 --year 年份 [--kind 类型] [--title 标题] [--content 目录]' },
  import: { run: runImport, summary: '导入已有报告（.txt、.docx、.doc、.pdf、.md）为 MDX：nianjian import <文件或目录…> [--out 目录] [--unit 单位] [--kind 类型] [--year 年份] [--force] [--dry-run] [--keep-original]' },
  export: { run: runExport, summary: `导出承诺台账为 Excel（每年一个工作表）或 CSV：${exportUsage}` },
  analyze: { run: runAnalyze, summary: '分析一篇报告并输出 JSON（结构、承诺、数据）：nianjian analyze <文件>' },
};

export const usage = `年鉴 Nianjian：年度报告档案的静态站点生成器

用法：nianjian <命令> [选项]

命令：
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

  help     显示本说明`;

/** Runs one command and returns the process exit code; user errors print one clear line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`未知命令：${name}\n\n${usage}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`错误：${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

