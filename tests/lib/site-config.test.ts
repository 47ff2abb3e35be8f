import { describe, expect, it } from 'vitest';
import { defaultKinds, parseSiteConfig, parseSiteConfigText, SiteConfigError } from '../../src/lib/site-config.ts';

describe('site config', () => {
  it('fills every field with a default when the config is empty', () => {
    const config = parseSiteConfig({});
    expect(config.kinds).toEqual([...defaultKinds]);
    expect(config.units).toEqual([]);
    expect(config.base).toBe('/');
    expect(config.name).toContain('年鉴');
  });

  it('adds the trailing slash to a base path', () => {
    expect(parseSiteConfig({ base: '/archive' }).base).toBe('/archive/');
  });

  it('names the file, each bad field and what is expected', () => {
    const attempt = () => parseSiteConfig({ name: '', kinds: [], base: 'archive', colour: 'red' }, 'content/nianjian.config.json');
    expect(attempt).toThrow(SiteConfigError);
    expect(() => attempt()).toThrowErrorMatchingInlineSnapshot(`
      [SiteConfigError: 站点配置有误 content/nianjian.config.json:
        - name：不能为空；实际为 ""
        - kinds：至少需要一个报告类型；实际为 []
        - base：应以 / 开头且不含空格、? 或 #，如 /archive/；实际为 "archive"
        - colour：不认识的字段（拼写错误？）]
    `);
  });

  it('reports JSON syntax errors with the file name', () => {
    expect(() => parseSiteConfigText('{ "name": "x", }', 'a/nianjian.config.json')).toThrow(/a\/nianjian\.config\.json[\s\S]*不是合法的 JSON/);
  });
});
