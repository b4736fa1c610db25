import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { type ConfigLayers, resolveConfig } from '../../src/config/resolve.js';
import { GocrossError } from '../../src/errors.js';

const layers = (overrides: Partial<ConfigLayers> = {}): ConfigLayers => ({
  user: [],
  project: [],
  env: { HOME: '/home/u' },
  flags: [],
  cwd: '/work',
  home: '/home/u',
  ...overrides,
});

describe('resolveConfig', () => {
  it('uses defaults when nothing is set, with XDG_DATA_HOME for the store', () => {
    const settings = resolveConfig(layers());
    expect(settings.get('home')).toEqual({ key: 'home', value: '/home/u/.local/share/gocross', source: { kind: 'default' } });
    expect(settings.get('mirror')?.value).toEqual(['https://go.dev/dl/']);
    expect(settings.get('build.jobs')?.value).toBe(availableParallelism());
    const xdg = resolveConfig(layers({ env: { HOME: '/home/u', XDG_DATA_HOME: '/xdg' } }));
    expect(xdg.get('home')?.value).toBe('/xdg/gocross');
  });

  it('applies flags > env > project > user > default, each with its source', () => {
    const user = [{ key: 'target', raw: 'linux/amd64', file: '/home/u/.config/gocross/config.ini', line: 1 }];
    const project = [{ key: 'target', raw: 'aarch64', file: '/work/gocross.ini', line: 2 }];
    const env = { HOME: '/home/u', GOCROSS_TARGET: 'linux-ppc64le' };
    const flags = [{ key: 'target', raw: 'osx-arm64', flag: '--target' }];

    expect(resolveConfig(layers({ user })).get('target')).toMatchObject({
      value: 'linux/amd64',
      source: { kind: 'user', line: 1 },
    });
    expect(resolveConfig(layers({ user, project })).get('target')).toMatchObject({
      value: 'linux/arm64',
      source: { kind: 'project', file: '/work/gocross.ini', line: 2 },
    });
    expect(resolveConfig(layers({ user, project, env })).get('target')).toMatchObject({
      value: 'linux/ppc64le',
      source: { kind: 'env', name: 'GOCROSS_TARGET' },
    });
    expect(resolveConfig(layers({ user, project, env, flags })).get('target')).toMatchObject({
      value: 'darwin/arm64',
      source: { kind: 'flag', name: '--target' },
    });
  });

  it('treats an empty GOCROSS_* variable as unset', () => {
    expect(resolveConfig(layers({ env: { HOME: '/h', GOCROSS_CGO: '' } })).get('cgo')?.source).toEqual({ kind: 'default' });
  });

  it('types values: booleans, lists, whole numbers, targets, paths relative to their file', () => {
    const project = [
      { key: 'cgo', raw: 'yes', file: '/work/sub/gocross.ini', line: 1 },
      { key: 'mirror', raw: 'http://a/dl/, http://b/dl/', file: '/work/sub/gocross.ini', line: 2 },
      { key: 'build.jobs', raw: '3', file: '/work/sub/gocross.ini', line: 3 },
      { key: 'build.targets', raw: 'linux-64 linux-aarch64', file: '/work/sub/gocross.ini', line: 4 },
      { key: 'build.output', raw: 'out', file: '/work/sub/gocross.ini', line: 5 },
      { key: 'home', raw: '~/store', file: '/work/sub/gocross.ini', line: 6 },
    ];
    const settings = resolveConfig(layers({ project }));
    expect(settings.get('cgo')?.value).toBe(true);
    expect(settings.get('mirror')?.value).toEqual(['http://a/dl/', 'http://b/dl/']);
    expect(settings.get('build.jobs')?.value).toBe(3);
    expect(settings.get('build.targets')?.value).toEqual(['linux/amd64', 'linux/arm64']);
    expect(settings.get('build.output')?.value).toBe('/work/sub/out');
    expect(settings.get('home')?.value).toBe('/home/u/store');
  });

  it.each([
    ['a bad boolean from the environment', { env: { HOME: '/h', GOCROSS_CGO: 'maybe' } }, 'GOCROSS_CGO'],
    ['a bad number in a file', { project: [{ key: 'build.jobs', raw: 'many', file: '/w/gocross.ini', line: 7 }] }, '/w/gocross.ini:7'],
    ['a bad target from a flag', { flags: [{ key: 'target', raw: 'linux/armm64', flag: '--target' }] }, '--target'],
    ['a bad target in a list', { project: [{ key: 'build.targets', raw: 'linux/amd64,plan10/x', file: '/w/gocross.ini', line: 2 }] }, '/w/gocross.ini:2'],
  ])('rejects %s, naming where it came from', (_name, overrides, where) => {
    let caught: unknown;
    try {
      resolveConfig(layers(overrides as Partial<ConfigLayers>));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GocrossError);
    expect((caught as GocrossError).kind).toBe('usage');
    expect((caught as GocrossError).code).toBe('config.value');
    expect((caught as GocrossError).message).toContain(where);
  });
});
