import path from 'node:path';
import { projectRoot } from '../node/content-source.ts';
import { normaliseBase, parseCommandArgs } from './args.ts';
import { checkContent } from './build.ts';

/** `nianjian dev` and `nianjian preview`: Astro's own servers, with the archive's options. */
export async function runServer(mode: 'dev' | 'preview', args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { content: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    mode,
  );
  const { source } = checkContent(values.content);
  process.env['NIANJIAN_CONTENT'] = source.root;
  if (values.base) process.env['NIANJIAN_BASE'] = normaliseBase(values.base);
  delete process.env['BASE_URL']; // see build.ts
  const outDir = path.resolve(values.out ?? path.join(projectRoot, 'dist'));
  process.env['NIANJIAN_OUT'] = outDir;
  const server = { ...(values.port ? { port: Number(values.port) } : {}), ...(values.host ? { host: values.host } : {}) };
  const astro = await import('astro');
  if (mode === 'dev') await astro.dev({ root: projectRoot, server });
  else await astro.preview({ root: projectRoot, outDir, server });
  // The server keeps the process alive until Ctrl+C.
  return await new Promise<number>(() => {});
}
