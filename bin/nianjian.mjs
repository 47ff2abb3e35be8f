#!/usr/bin/env node
// Entry point: checks the Node version, then runs the TypeScript CLI through Node's type stripping.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `nianjian 需要 Node.js 22.12 或更高版本，当前为 ${process.version}。\n` +
      '请在项目目录中通过 npm 运行（npm run build / npx nianjian …），项目自带的 Node 22 会被使用；或自行升级 Node.js。',
  );
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
