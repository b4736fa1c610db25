/**
 * A real Docker engine for the build tests: Debian's dockerd started in the
 * background on a private socket, and base images made without a registry — a debootstrap
 * minbase rootfs imported as an image, plus that rootfs with Debian's Go copied in.
 *
 * Kept between runs under one cache directory (GOCROSS_TEST_CACHE, else
 * ${XDG_CACHE_HOME:-~/.cache}/gocross-test): the rootfs tarball and the engine's data root (its
 * images and BuildKit cache), so only a fresh machine pays for debootstrap.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunResult } from '../../src/io/process.js';
import { requireAll, requireTool } from '../helpers/tools.js';

/** Debian's client: BuildKit built in (the one in /usr/local/bin needs a buildx plugin). */
export const DOCKER = '/usr/bin/docker';

export interface Engine {
  host: string;
  pid: number;
  env: Record<string, string>;
  docker(args: string[], options?: { cwd?: string; input?: string; timeoutMs?: number }): Promise<RunResult>;
  stop(): Promise<void>;
}

export const cacheDir = (): string =>
  process.env.GOCROSS_TEST_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'gocross-test');

/** Skip with a loud reason, or fail under GOCROSS_REQUIRE_ALL=1. */
export function unavailable(reason: string): undefined {
  if (requireAll()) throw new Error(`GOCROSS_REQUIRE_ALL=1 but ${reason}`);
  console.warn(`\n*** SKIPPING the Docker build tests: ${reason} ***\n`);
  return undefined;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const leftoverFile = (): string => join(cacheDir(), 'dockerd.pid');

/**
 * An engine an interrupted run left behind on the shared data root would fight the new one over
 * it: stop it first — only if its recorded pid is still a dockerd on that data root.
 */
async function stopLeftover(dataRoot: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(leftoverFile(), 'utf8').trim());
  } catch {
    return;
  }
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // gone already
  }
  if (pid > 0 && cmdline.includes('dockerd') && cmdline.includes(dataRoot)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(200);
  }
  rmSync(leftoverFile(), { force: true });
}

/** Starts dockerd, or returns undefined (after a loud skip) when this machine cannot run one. */
export async function startEngine(): Promise<Engine | undefined> {
  const dockerd = requireTool('dockerd');
  if (!dockerd) return undefined;
  if (!existsSync(DOCKER)) return unavailable(`${DOCKER} is missing (apt-get install docker.io)`);
  if (process.getuid?.() !== 0) return unavailable('dockerd needs root here (no rootless setup)');

  const dataRoot = join(cacheDir(), 'docker-data');
  mkdirSync(dataRoot, { recursive: true });
  await stopLeftover(dataRoot);
  // Socket paths must stay short (108 bytes), so the run-time state lives under /tmp.
  const runDir = mkdtempSync(join(tmpdir(), 'gcd-'));
  const host = `unix://${join(runDir, 'docker.sock')}`;
  const log = join(runDir, 'dockerd.log');
  const logFd = openSync(log, 'a');
  const child = spawn(
    dockerd,
    ['--data-root', dataRoot, '--exec-root', join(runDir, 'exec'), '--pidfile', join(runDir, 'docker.pid'), '--host', host, '--iptables=false', '--bridge=none'],
    { stdio: ['ignore', logFd, logFd], detached: true },
  );
  closeSync(logFd);
  child.unref();
  const pid = child.pid!;
  writeFileSync(leftoverFile(), `${pid}\n`);
  const env = { DOCKER_HOST: host, DOCKER_BUILDKIT: '1' };
  const docker: Engine['docker'] = (args, options = {}) => run(DOCKER, args, { env, cwd: options.cwd, input: options.input, timeoutMs: options.timeoutMs ?? 600_000 });

  const stop = async (): Promise<void> => {
    if (alive(pid)) process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(200);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(runDir, { recursive: true, force: true });
    rmSync(leftoverFile(), { force: true });
  };

  for (let i = 0; i < 150; i++) {
    if (!alive(pid)) break;
    if ((await docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 })).exitCode === 0) {
      return { host, pid, env, docker, stop };
    }
    await sleep(200);
  }
  const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
  await stop();
  return unavailable(`dockerd did not start (data root ${dataRoot}):\n${tail}`);
}

const mustRun = async (what: string, result: Promise<RunResult>): Promise<RunResult> => {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`${what} failed (${done.exitCode}):\n${done.stderr || done.stdout}`);
  return done;
};

/** Debian bookworm minbase as a tarball in the cache, made once with debootstrap. */
async function bookwormRootfs(): Promise<string | undefined> {
  const tarball = join(cacheDir(), 'bookworm-minbase.tar');
  if (existsSync(tarball)) return tarball;
  const debootstrap = requireTool('debootstrap');
  if (!debootstrap) return undefined;
  const work = mkdtempSync(join(cacheDir(), 'rootfs-'));
  try {
    const rootfs = join(work, 'rootfs');
    await mustRun('debootstrap', run(debootstrap, ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian'], { timeoutMs: 900_000 }));
    await mustRun('tar', run('tar', ['-C', rootfs, '-cf', join(work, 'rootfs.tar'), '.']));
    renameSync(join(work, 'rootfs.tar'), tarball);
    return tarball;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const hasImage = async (engine: Engine, name: string): Promise<boolean> => (await engine.docker(['image', 'inspect', name])).exitCode === 0;

/**
 * The build image: bookworm minbase with a GOROOT copied (links resolved) to /usr/local/go and
 * on PATH, tagged by its Go version. Returns the image name.
 */
export async function goImage(engine: Engine, goroot: string): Promise<string | undefined> {
  const version = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]!.trim();
  const name = `gocross-test/go:${version.replace(/^go/, '')}`;
  if (await hasImage(engine, name)) return name;
  const tarball = await bookwormRootfs();
  if (!tarball) return undefined;
  const work = mkdtempSync(join(cacheDir(), 'goimage-'));
  try {
    await mustRun('tar -x', run('tar', ['-C', work, '-xf', tarball]));
    cpSync(goroot, join(work, 'usr', 'local', 'go'), { recursive: true, dereference: true });
    const path = 'PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const tar = join(work, '..', `${name.replace(/[/:]/g, '-')}.tar`);
    await mustRun('tar -c', run('tar', ['-C', work, '-cf', tar, '.']));
    try {
      await mustRun('docker import', engine.docker(['import', '--change', `ENV ${path}`, tar, name]));
    } finally {
      rmSync(tar, { force: true });
    }
    return name;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A stand-in for a registry base image (distroless, debian-slim) that cannot be pulled here: an
 * image of `arch` holding only `files` ([host path, image path], links resolved), made as a
 * `docker save` archive and loaded — `docker import` would stamp it with the host's arch, and a
 * FROM for another platform would then go looking for a registry.
 */
export async function standInImage(engine: Engine, name: string, arch: string, files: [from: string, to: string][]): Promise<string> {
  if (await hasImage(engine, name)) return name;
  const work = mkdtempSync(join(tmpdir(), 'gocross-standin-'));
  try {
    const layer = join(work, 'layer');
    for (const [from, to] of files) {
      mkdirSync(join(layer, to, '..'), { recursive: true });
      cpSync(from, join(layer, to), { dereference: true });
    }
    const archive = join(work, 'archive');
    mkdirSync(archive);
    await mustRun('tar layer', run('tar', ['-C', layer, '-cf', join(archive, 'layer.tar'), '.']));
    const diffId = createHash('sha256').update(readFileSync(join(archive, 'layer.tar'))).digest('hex');
    writeFileSync(join(archive, 'config.json'), JSON.stringify({ architecture: arch, os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [`sha256:${diffId}`] } }));
    writeFileSync(join(archive, 'manifest.json'), JSON.stringify([{ Config: 'config.json', RepoTags: [name], Layers: ['layer.tar'] }]));
    await mustRun('tar image', run('tar', ['-C', archive, '-cf', join(work, 'image.tar'), '.']));
    await mustRun('docker load', engine.docker(['load', '-i', join(work, 'image.tar')]));
    return name;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
