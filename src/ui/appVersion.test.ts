import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import viteConfig from '../../vite.config';
import adminConfig from '../../vite.admin.config';
import { APP_VERSION } from './appVersion';

describe('APP_VERSION', () => {
  it("is package.json's version, defined by the build", () => {
    expect(APP_VERSION).toBe(pkg.version);
    for (const c of [viteConfig, adminConfig]) expect((c as { define?: Record<string, string> }).define?.__APP_VERSION__).toBe(JSON.stringify(pkg.version));
  });
});
