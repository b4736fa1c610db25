import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectConfig, loadConfig } from '../../src/config/load.js';
import { tempDir } from '../helpers/temp.js';

describe('loadConfig on real files', () => {
  const root = tempDir();
  const project = join(root, 'project');
  const nested = join(project, 'cmd', 'tool');
  const xdg = join(root, 'xdg');
  mkdirSync(nested, { recursive: true });
  mkdirSync(join(xdg, 'gocross'), { recursive: true });
  writeFileSync(join(project, 'gocross.ini'), 'target = linux/arm64\n[build]\noutput = out\n');
  writeFileSync(join(xdg, 'gocross', 'config.ini'), 'target = linux/amd64\ncgo = true\n');
  const env = { HOME: join(root, 'home'), XDG_CONFIG_HOME: xdg };

  it('finds the nearest gocross.ini from a nested directory', () => {
    expect(findProjectConfig(nested)?.file).toBe(join(project, 'gocross.ini'));
    expect(findProjectConfig(root)).toBeUndefined();
  });

  it('merges the user and project files with the project winning', () => {
    const config = loadConfig({ cwd: nested, env });
    expect(config.get('target')).toBe('linux/arm64');
    expect(config.get('cgo')).toBe(true);
    expect(config.get('build.output')).toBe(join(project, 'out'));
    expect(config.files).toEqual({ project: join(project, 'gocross.ini'), user: join(xdg, 'gocross', 'config.ini'), userExists: true });
  });

  it('reports the file and line of a malformed user config', () => {
    const badXdg = join(root, 'bad-xdg');
    mkdirSync(join(badXdg, 'gocross'), { recursive: true });
    writeFileSync(join(badXdg, 'gocross', 'config.ini'), 'cgo = true\n\nthis is wrong\n');
    expect(() => loadConfig({ cwd: root, env: { HOME: env.HOME, XDG_CONFIG_HOME: badXdg } })).toThrow(
      `${join(badXdg, 'gocross', 'config.ini')}:3`,
    );
  });
});
