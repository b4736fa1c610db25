// Reading targets from names without the parser's errors gives what the parser gives: every
// pair and triple of a word list (OS, architecture, variant, ABI, noise and unknown words).
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/targets/index.js';
import { inferFromName, targetOf } from '../../src/verify/expect.js';

const viaParser = (name: string) => {
  try {
    const t = parseTarget(name);
    return { goos: t.goos, goarch: t.goarch, goarm: t.goarm ?? undefined, goamd64: t.goamd64 ?? undefined };
  } catch {
    return null;
  }
};

const WORDS = ['linux', 'Linux', 'darwin', 'macos', 'windows', 'win', 'freebsd', 'android', 'ios', 'js', 'plan9', 'amd64', 'x86_64', 'arm64', 'aarch64', 'arm', 'armv7l', 'armv6l', 'mipsle', 's390x', 'riscv64', 'wasm', 'wasm32', 'v7', 'v3', '7', 'v9', 'gnueabihf', 'gnu', 'musl', 'unknown', 'pc', 'tool', '1.0', 'darwin20.0.0', 'x64', 'ia32', '64', ''];

describe('targetOf', () => {
  const names: string[] = [];
  for (const a of WORDS) for (const b of WORDS) names.push(`${a}/${b}`, `${a}-${b}`);
  for (const a of ['linux', 'tool']) for (const b of WORDS) for (const c of WORDS) names.push(`${a}/${b}/${c}`, `${b}_${a}_${c}`);
  it(`agrees with parseTarget on ${names.length} names`, () => {
    const differ = names.filter((n) => JSON.stringify(targetOf(n)) !== JSON.stringify(viaParser(n)));
    expect(differ).toEqual([]);
  });

  it('answers again from what it read, and callers cannot change that', () => {
    const first = targetOf('linux/arm/v7') as Record<string, unknown>;
    first.goos = 'changed';
    expect(targetOf('linux/arm/v7')).toEqual({ goos: 'linux', goarch: 'arm', goarm: '7', goamd64: undefined });
    expect(inferFromName('dist/tool_linux_armv7')).toEqual({ goos: 'linux', goarch: 'arm', goarm: '7', goamd64: undefined });
  });
});
