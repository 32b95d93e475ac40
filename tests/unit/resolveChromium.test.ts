import { describe, expect, it } from 'vitest';
import { NO_CHROMIUM_MESSAGE, resolveChromium } from '../../bench/lib/chromium.mjs';

/** A fake machine: which paths exist, and which of them start. */
function machine(existing: readonly string[], starting: readonly string[], packaged: string | null = '/tmp/chromium', needsLibraries = false, fontEnv?: Record<string, string>) {
  const launched: string[] = [];
  return {
    launched,
    seams: {
      systemPaths: ['/usr/bin/chromium', '/usr/bin/google-chrome'],
      exists: (path: string) => existing.includes(path),
      packaged: async () =>
        packaged ? { path: packaged, ...(fontEnv ? { env: fontEnv } : {}), fallbackEnv: { LD_LIBRARY_PATH: '/tmp/al2023/lib', ...fontEnv } } : null,
      starts: async (path: string, env?: Record<string, string>) => {
        launched.push(env ? `${path} + ${JSON.stringify(env)}` : path);
        if (needsLibraries && path === packaged && !env?.LD_LIBRARY_PATH) return 'error while loading shared libraries: libnss3.so';
        return starting.includes(path) ? (true as const) : 'exited with code 127';
      },
    },
  };
}

describe('resolveChromium', () => {
  it('resolveChromium() takes $CHROMIUM_PATH first when it starts, without trying the others', async () => {
    const m = machine(['/opt/chrome', '/usr/bin/chromium'], ['/opt/chrome', '/usr/bin/chromium']);
    const { found } = await resolveChromium({ ...m.seams, env: { CHROMIUM_PATH: ' /opt/chrome ' } });
    expect(found).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
    expect(m.launched).toEqual(['/opt/chrome']);
  });

  it('resolveChromium() passes over a $CHROMIUM_PATH that does not start to the system browser, saying why', async () => {
    const m = machine(['/usr/bin/chromium'], ['/usr/bin/chromium']);
    const { found, refused } = await resolveChromium({ ...m.seams, env: { CHROMIUM_PATH: '/nowhere/chrome' } });
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(refused).toEqual([{ path: '/nowhere/chrome', why: 'exited with code 127' }]);
  });

  it('resolveChromium() skips system paths that are absent and tries one that is present but broken', async () => {
    const m = machine(['/usr/bin/google-chrome'], ['/tmp/chromium']);
    const { found, refused } = await resolveChromium({ ...m.seams, env: {} });
    expect(m.launched).toEqual(['/usr/bin/google-chrome', '/tmp/chromium']);
    expect(refused.map((r) => r.path)).toEqual(['/usr/bin/google-chrome']);
    expect(found).toEqual({ path: '/tmp/chromium', source: '@sparticuz/chromium' });
  });

  it('resolveChromium() starts the packaged browser again with its own libraries when the system lacks NSS', async () => {
    const m = machine([], ['/tmp/chromium'], '/tmp/chromium', true);
    const { found, refused } = await resolveChromium({ ...m.seams, env: {} });
    expect(m.launched).toEqual(['/tmp/chromium', '/tmp/chromium + {"LD_LIBRARY_PATH":"/tmp/al2023/lib"}']);
    expect(refused).toEqual([{ path: '/tmp/chromium', why: 'error while loading shared libraries: libnss3.so' }]);
    expect(found).toEqual({ path: '/tmp/chromium', source: '@sparticuz/chromium', env: { LD_LIBRARY_PATH: '/tmp/al2023/lib' } });
  });

  it('resolveChromium() launches the packaged browser with its own fonts from the first try where the system has no fontconfig', async () => {
    const fonts = { FONTCONFIG_PATH: '/tmp/fonts' };
    const m = machine([], ['/tmp/chromium'], '/tmp/chromium', false, fonts);
    const { found } = await resolveChromium({ ...m.seams, env: {} });
    expect(m.launched).toEqual(['/tmp/chromium + {"FONTCONFIG_PATH":"/tmp/fonts"}']);
    expect(found).toEqual({ path: '/tmp/chromium', source: '@sparticuz/chromium', env: fonts });
  });

  it('resolveChromium() keeps the fonts when it adds the libraries, on a system with neither fontconfig nor NSS', async () => {
    const fonts = { FONTCONFIG_PATH: '/tmp/fonts' };
    const m = machine([], ['/tmp/chromium'], '/tmp/chromium', true, fonts);
    const { found } = await resolveChromium({ ...m.seams, env: {} });
    expect(found).toEqual({ path: '/tmp/chromium', source: '@sparticuz/chromium', env: { LD_LIBRARY_PATH: '/tmp/al2023/lib', FONTCONFIG_PATH: '/tmp/fonts' } });
  });

  it('resolveChromium() finds nothing when no system browser exists and the package is missing', async () => {
    const m = machine([], [], null);
    const { found, refused } = await resolveChromium({ ...m.seams, env: {} });
    expect(found).toBeNull();
    expect(m.launched).toEqual([]);
    expect(refused).toEqual([{ path: '@sparticuz/chromium', why: 'not installed, or not for this system' }]);
  });

  it('NO_CHROMIUM_MESSAGE is one line that says what to install and how to point at a browser', () => {
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n');
    expect(NO_CHROMIUM_MESSAGE).toMatch(/apt-get install chromium/);
    expect(NO_CHROMIUM_MESSAGE).toMatch(/CHROMIUM_PATH/);
  });
});
