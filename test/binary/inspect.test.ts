/**
 * The inspector against real binaries and real tools. A beforeAll builds the fixtures (see
 * fixtures.ts); then every fixture is compared field by field with readelf / file / go version
 * -m (and llvm-objdump / llvm-readobj for Mach-O and PE details when they are installed), and a
 * seeded mutation run checks that damaged copies only ever produce a result or a
 * BinaryFormatError, quickly and without outsized reads.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BinaryFormatError, type BinaryInfo, type ByteSource, bufferSource, inspect, inspectBuffer, inspectFile } from '../../src/binary/index.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';
import { archFromFile, archFromReadelf, goVersionMLines, linkageFromFile, osFromReadelf, typeFromReadelf } from './expectations.js';
import { buildFixtures, FIXTURES, type Fixture } from './fixtures.js';
import { elfTarget, fatTarget, makeCase, machoTarget, peTarget, prng, type Target } from './mutate.js';
import { fileBrief, goVersionM, llvmMacho, llvmPe, readelf } from './oracles.js';

/** Fuzz constants: change the seed to explore, keep it to reproduce a reported case. */
const FUZZ_SEED = Number(process.env.GOCROSS_FUZZ_SEED ?? 0x60c205);
const FUZZ_CASES = Number(process.env.GOCROSS_FUZZ_CASES ?? 25_000);
/** Per-case ceiling; real cases take well under a millisecond. */
const FUZZ_CASE_MS = 1000;

const exec = promisify(execFile);
const GO = requireTool('go');
const TOOLS = ['aarch64-linux-gnu-gcc', 'gcc', 'strip', 'git', 'file', 'readelf'].map((tool) => requireTool(tool));
const canBuild = GO !== undefined && TOOLS.every(Boolean);
// Oracles for Mach-O/PE details `file` does not print.
const LLVM_OBJDUMP = requireTool('llvm-objdump');
const LLVM_READOBJ = requireTool('llvm-readobj');

describe.skipIf(!canBuild)('inspect real binaries', () => {
  const dir = tempDir('gocross-binary-');
  const go = GO as string;
  let revision = '';

  beforeAll(async () => {
    await buildFixtures(go, dir);
    revision = (await exec('git', ['rev-parse', 'HEAD'], { cwd: join(dir, 'src') })).stdout.trim();
    // A universal binary from the two real darwin slices (lipo's layout: 16 KiB-aligned slices).
    const slices = ['darwin-amd64', 'darwin-arm64'].map((name) => readFileSync(join(dir, name)));
    const align = 1 << 14;
    const header = Buffer.alloc(8 + 20 * slices.length);
    header.writeUInt32BE(0xcafebabe, 0);
    header.writeUInt32BE(slices.length, 4);
    const parts: Buffer[] = [header];
    let offset = align;
    slices.forEach((slice, i) => {
      const at = 8 + 20 * i;
      header.writeUInt32BE(slice.readUInt32LE(4), at);
      header.writeUInt32BE(slice.readUInt32LE(8), at + 4);
      header.writeUInt32BE(offset, at + 8);
      header.writeUInt32BE(slice.length, at + 12);
      header.writeUInt32BE(14, at + 16);
      const start = parts.reduce((n, p) => n + p.length, 0);
      parts.push(Buffer.alloc(offset - start), slice);
      offset = Math.ceil((offset + slice.length) / align) * align;
    });
    writeFileSync(join(dir, 'darwin-universal'), Buffer.concat(parts));
  }, 900_000);

  /** What the build asked for: the third oracle, beside the tools. */
  function expectBuildIntent(info: BinaryInfo, f: Fixture): void {
    expect(info.arch).toBe(f.goarch);
    expect(info.os).toBe(f.goos);
    if (f.kind !== 'go') return;
    const settings = info.go?.settings ?? {};
    expect(settings.GOOS).toBe(f.goos);
    expect(settings.GOARCH).toBe(f.goarch);
    expect(settings.CGO_ENABLED).toBe(f.env?.CGO_ENABLED ?? '0');
    if (f.env?.GOARM) expect(settings.GOARM).toBe(f.env.GOARM);
    if (f.flags?.includes('-trimpath')) expect(settings['-trimpath']).toBe('true');
    if (f.flags?.[0]?.startsWith('-ldflags=')) expect(settings['-ldflags']).toBe(f.flags[0].slice('-ldflags='.length));
    expect(settings['vcs.revision']).toBe(revision);
  }

  async function expectSameAsGo(info: BinaryInfo, path: string): Promise<void> {
    const oracle = await goVersionM(go, path);
    if (oracle === null) {
      expect(info.go).toBeNull();
      return;
    }
    expect(info.go).not.toBeNull();
    expect(info.go?.version).toBe(oracle.version);
    expect(goVersionMLines(info.go as NonNullable<BinaryInfo['go']>)).toEqual(oracle.lines);
  }

  async function expectSameAsElfTools(info: BinaryInfo, path: string): Promise<void> {
    const facts = await readelf(path);
    const brief = await fileBrief(path);
    expect(info.format).toBe('elf');
    expect(info.bits).toBe(facts.bits);
    expect(info.endian).toBe(facts.endian);
    expect(info.arch).toBe(archFromReadelf(facts));
    expect(info.arch).toBe(archFromFile(brief));
    expect(info.os).toBe(osFromReadelf(facts));
    if (/\(FreeBSD\)/.test(brief)) expect(info.os).toBe('freebsd');
    expect(info.type).toBe(typeFromReadelf(facts, brief));
    expect(info.linkage).toBe(linkageFromFile(brief));
    expect(info.linkage === 'static').toBe(!facts.hasDynamic);
    expect(info.interpreter).toBe(facts.interpreter);
    expect(info.needed).toEqual(facts.needed);
    expect(info.glibc).toBe(facts.glibc);
    expect(info.stripped).toBe(!facts.sections.includes('.symtab'));
    expect(info.stripped).toBe(/, stripped/.test(brief));
    expect(info.debugInfo).toBe(facts.sections.includes('.debug_info') || facts.sections.includes('.zdebug_info'));
    if (info.arch === 'arm') {
      expect(info.arm).toEqual({
        eabi: Number(/Version(\d+) EABI/.exec(facts.flags)?.[1] ?? 0),
        float: /hard-float ABI/.test(facts.flags) ? 'hard' : /soft-float ABI/.test(facts.flags) ? 'soft' : null,
      });
    } else {
      expect(info.arm).toBeNull();
    }
    if (info.arch === 'arm64') {
      expect(info.aarch64).toEqual({ bti: /BTI/.test(facts.aarch64Feature ?? ''), pac: /PAC/.test(facts.aarch64Feature ?? '') });
    } else {
      expect(info.aarch64).toBeNull();
    }
    if (facts.goNote) expect(info.go).not.toBeNull();
  }

  async function expectSameAsMachoTools(info: BinaryInfo, path: string): Promise<void> {
    const brief = await fileBrief(path);
    expect(info.format).toBe('macho');
    expect(brief).toMatch(/^Mach-O /);
    expect(info.bits).toBe(/Mach-O 64-bit/.test(brief) ? 64 : 32);
    expect(info.arch).toBe(archFromFile(brief));
    expect(info.endian).toBe('little');
    expect(info.type).toBe(/executable/.test(brief) ? (/\|PIE\b/.test(brief) ? 'pie' : 'exec') : 'unknown');
    // MH_DYLDLINK means dyld links it; Go's darwin/amd64 linker loads dyld and libSystem without
    // setting the flag, so only its presence is conclusive.
    if (/DYLDLINK/.test(brief)) expect(info.linkage).toBe('dynamic');
    if (LLVM_OBJDUMP) {
      const facts = await llvmMacho(LLVM_OBJDUMP, path);
      expect(info.linkage).toBe(facts.dylinker !== null || facts.dylibs.length > 0 ? 'dynamic' : 'static');
      expect(info.stripped).toBe(facts.nsyms === 0);
      expect(info.interpreter).toBe(facts.dylinker);
      expect(info.needed).toEqual(facts.dylibs);
      expect(facts.flags.includes('PIE')).toBe(info.type === 'pie');
    }
  }

  async function expectSameAsPeTools(info: BinaryInfo, path: string): Promise<void> {
    const brief = await fileBrief(path);
    expect(info.format).toBe('pe');
    expect(brief).toMatch(/for MS Windows/);
    expect(info.bits).toBe(/^PE32\+/.test(brief) ? 64 : 32);
    expect(info.arch).toBe(archFromFile(brief));
    expect(info.type === 'shared').toBe(/\(DLL\)/.test(brief));
    if (LLVM_READOBJ) {
      const facts = await llvmPe(LLVM_READOBJ, path);
      expect(info.stripped).toBe(facts.symbolCount === 0);
      expect(info.needed).toEqual(facts.needed);
      expect(info.linkage).toBe(facts.needed.length > 0 ? 'dynamic' : 'static');
      expect(info.type === 'pie').toBe(facts.characteristics.includes('DYNAMIC_BASE'));
    }
  }

  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s matches the tools', async (name, f) => {
    const path = join(dir, name);
    const info = await inspectFile(path);
    expect(info).not.toBeNull();
    const result = info as BinaryInfo;
    if (result.format === 'elf') await expectSameAsElfTools(result, path);
    else if (result.format === 'macho') await expectSameAsMachoTools(result, path);
    else await expectSameAsPeTools(result, path);
    await expectSameAsGo(result, path);
    expectBuildIntent(result, f);
    // The same bytes from memory (an archive member) give the same answer.
    expect(await inspectBuffer(readFileSync(path))).toEqual(result);
  });

  it('lists every architecture of a universal Mach-O, each matching file', async () => {
    const path = join(dir, 'darwin-universal');
    const info = (await inspectFile(path)) as BinaryInfo;
    const brief = await fileBrief(path);
    expect(brief).toMatch(/^Mach-O universal binary with 2 architectures/);
    // file 5.44 writes each as "[x86_64:\012- Mach-O 64-bit …]" (an escaped newline, sometimes first).
    const archs = [...brief.matchAll(/\[(?:\\012- )?(\w+):/g)].map((m) => archFromFile(m[1] as string));
    expect(archs).toHaveLength(2);
    expect(info.arch).toBe('universal');
    expect(info.slices?.map((s) => s.arch)).toEqual(archs);
    for (const [i, name] of ['darwin-amd64', 'darwin-arm64'].entries()) {
      expect(info.slices?.[i]).toEqual(await inspectFile(join(dir, name)));
    }
    expect(info.go?.version).toBe((await goVersionM(go, join(dir, 'darwin-arm64')))?.version);
  });

  it('reads AArch64 BTI/PAC from a real object built with -mbranch-protection (readelf -n)', async () => {
    // No linked fixture carries the note (Debian's crt files lack it), so one object file.
    const obj = join(dir, 'bti.o');
    await exec('aarch64-linux-gnu-gcc', ['-mbranch-protection=standard', '-O1', '-c', '-o', obj, join(dir, 'hello.c')]);
    const info = (await inspectFile(obj)) as BinaryInfo;
    const facts = await readelf(obj);
    expect(facts.aarch64Feature).toBe('BTI, PAC');
    expect(info.aarch64).toEqual({ bti: true, pac: true });
    expect(info.type).toBe(typeFromReadelf(facts, await fileBrief(obj)));
    expect(info.linkage).toBe('static');
  });

  it.each(['c-dynamic', 'linux-arm64-cgo', 'linux-arm64', 'linux-s390x', 'linux-armv7'])(
    '%s without section headers (as sstrip leaves it) gives the same facts from program headers',
    async (name) => {
      const data = readFileSync(join(dir, name));
      const is64 = data[4] === 2;
      const headerless = Buffer.from(data);
      // e_shoff = 0, e_shnum = 0, e_shstrndx = 0: what sstrip and some packers leave behind.
      headerless.fill(0, is64 ? 40 : 32, is64 ? 48 : 36);
      headerless.fill(0, is64 ? 60 : 48, is64 ? 64 : 52);
      const path = join(dir, `${name}-headerless`);
      writeFileSync(path, headerless);
      const original = (await inspectFile(join(dir, name))) as BinaryInfo;
      const info = (await inspectFile(path)) as BinaryInfo;
      expect(info).toEqual({ ...original, stripped: true, debugInfo: false });
      // readelf reads the dynamic segment without sections too.
      const facts = await readelf(path);
      expect(info.needed).toEqual(facts.needed);
      expect(info.interpreter).toBe(facts.interpreter);
      expect(info.glibc).toBe((await readelf(join(dir, name))).glibc);
    },
  );

  it('a Go binary whose build info is gone is still a Go binary, with version null', async () => {
    // Blank the magic the way a post-link tool that drops .go.buildinfo would leave it.
    const data = Buffer.from(readFileSync(join(dir, 'linux-arm64')));
    const magic = data.indexOf(Buffer.from('\xff Go buildinf:', 'latin1'));
    expect(magic).toBeGreaterThan(0);
    data.fill(0, magic, magic + 14);
    const path = join(dir, 'linux-arm64-no-buildinfo');
    writeFileSync(path, data);
    expect(await goVersionM(go, path)).toBeNull();
    expect((await readelf(path)).sections).toContain('.gopclntab');
    const info = (await inspectFile(path)) as BinaryInfo;
    expect(info.go).toEqual({ version: null, path: null, main: null, deps: [], settings: {} });
    expect(info.arch).toBe('arm64');
  });

  it('reads only what it needs: a few small reads per file', async () => {
    for (const f of FIXTURES) {
      const data = readFileSync(join(dir, f.name));
      const reads: number[] = [];
      const source: ByteSource = { size: data.length, read: (o, l) => (reads.push(l), data.subarray(o, o + l)) };
      await inspect(source);
      const total = reads.reduce((a, b) => a + b, 0);
      expect(reads.length, `${f.name}: ${reads.length} reads`).toBeLessThanOrEqual(12);
      expect(total, `${f.name}: ${total} of ${data.length} bytes`).toBeLessThan(Math.max(160 * 1024, data.length / 8));
    }
  });

  it(`survives ${FUZZ_CASES} seeded mutations (seed ${FUZZ_SEED}) with a result or a BinaryFormatError`, async () => {
    const rng = prng(FUZZ_SEED);
    const sectionsOf = async (path: string) =>
      [...(await exec('readelf', ['-S', '-W', path])).stdout.matchAll(/^\s+\[\s*\d+\]\s+(\.\S+)\s+\S+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)/gm)].map((m) => ({
        name: m[1] as string,
        offset: parseInt(m[2] as string, 16),
        size: parseInt(m[3] as string, 16),
      }));
    const load = (name: string) => readFileSync(join(dir, name));
    const targets: Target[] = [];
    for (const name of ['c-dynamic', 'linux-arm64-cgo', 'linux-armv7', 'linux-s390x', 'c-stripped']) {
      targets.push(elfTarget(name, load(name), await sectionsOf(join(dir, name))));
    }
    targets.push(machoTarget('darwin-arm64', load('darwin-arm64')));
    targets.push(fatTarget('darwin-universal', load('darwin-universal')));
    targets.push(peTarget('windows-amd64-sw.exe', load('windows-amd64-sw.exe')));
    targets.push(peTarget('windows-arm64.exe', load('windows-arm64.exe')));

    // Each target is mutated in a working copy that every case restores.
    const copies = new Map<Target, Buffer>();
    const failures: string[] = [];
    const outcomes = { ok: 0, formatError: 0, notBinary: 0 };
    let slowest = 0;
    const started = performance.now();
    for (let n = 0; n < FUZZ_CASES; n += 1) {
      const target = targets[n % targets.length] as Target;
      const work = copies.get(target) ?? (copies.set(target, Buffer.from(target.data)), copies.get(target) as Buffer);
      const c = makeCase(rng, target, work);
      let largest = 0;
      let calls = 0;
      const base = bufferSource(c.input);
      const source: ByteSource = {
        size: base.size,
        read: (offset, length) => {
          largest = Math.max(largest, length);
          calls += 1;
          return base.read(offset, length);
        },
      };
      const t0 = performance.now();
      try {
        const result = await inspect(source);
        if (result === null) outcomes.notBinary += 1;
        else outcomes.ok += 1;
        JSON.stringify(result);
      } catch (error) {
        if (error instanceof BinaryFormatError) outcomes.formatError += 1;
        else failures.push(`#${n} ${target.name} [${c.label}]: ${(error as Error)?.stack ?? String(error)}`);
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      if (ms > FUZZ_CASE_MS) failures.push(`#${n} ${target.name} [${c.label}]: took ${ms.toFixed(0)} ms`);
      if (largest > c.input.length) failures.push(`#${n} ${target.name} [${c.label}]: read ${largest} bytes of a ${c.input.length}-byte input`);
      if (calls > 200) failures.push(`#${n} ${target.name} [${c.label}]: ${calls} reads`);
      c.restore();
      if (failures.length > 20) break;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${FUZZ_CASES} cases, seed ${FUZZ_SEED}, ${JSON.stringify(outcomes)}, slowest ${slowest.toFixed(1)} ms, ${seconds.toFixed(1)} s`);
    expect(failures).toEqual([]);
    // The run must really exercise both paths.
    expect(outcomes.formatError).toBeGreaterThan(FUZZ_CASES / 10);
    expect(outcomes.ok).toBeGreaterThan(FUZZ_CASES / 10);
  });
});
