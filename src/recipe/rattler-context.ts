/**
 * What rattler-build puts in the minijinja context of a recipe.yaml for a target platform:
 * target_platform, build_platform, host_platform, unix and the platform and architecture names
 * (linux, win, aarch64, linux64…), the variant's keys, and its functions — compiler(),
 * stdlib() (both from the variant, as `name_platform =version`), pin_subpackage(),
 * pin_compatible(), cdt(), match(), is_linux()…, and the env object.
 */
import { callable, type Kwargs, str } from './jinja-engine/index.js';

const OSES = ['linux', 'osx', 'win', 'emscripten', 'wasi', 'zos', 'freebsd'];
const ARCHES = ['x86', 'x86_64', 'aarch64', 'arm64', 'armv6l', 'armv7l', 'ppc64le', 'ppc64', 's390x', 'riscv32', 'riscv64', 'wasm32', 'z'];
const SUBDIRS = ['linux-32', 'linux-64', 'linux-aarch64', 'linux-armv6l', 'linux-armv7l', 'linux-ppc64le', 'linux-ppc64', 'linux-s390x', 'linux-riscv32', 'linux-riscv64', 'osx-64', 'osx-arm64', 'win-32', 'win-64', 'win-arm64', 'emscripten-wasm32', 'wasi-wasm32', 'zos-z', 'freebsd-64'];

/** rattler's Arch of a subdir: 64 → x86_64, 32 → x86. */
const archOf = (subdir: string): string => {
  const a = subdir.split('-')[1] ?? '';
  return a === '64' ? 'x86_64' : a === '32' ? 'x86' : a;
};

const DEFAULT_COMPILERS: Record<string, Record<string, string>> = {
  linux: { c: 'gcc', cxx: 'gxx', fortran: 'gfortran' },
  osx: { c: 'clang', cxx: 'clangxx', fortran: 'gfortran' },
  win: { c: 'vs2022', cxx: 'vs2022', fortran: 'flang' },
};

/** A conda version's parts for match(): numbers compared as numbers. */
const versionParts = (v: string): (number | string)[] => v.split(/[.+_-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

/** rattler-build's match(version, spec) for the usual specs: >=3.8, 3.14.*, >=3.7,<3.9. */
export function matchVersion(version: string, spec: string): boolean {
  const v = (version.split(' ')[0] ?? '').replace(/\.?\*$/, '');
  return spec.split(',').every((part) => {
    const m = /^\s*(>=|<=|==|!=|>|<|=)?\s*([^\s]+)\s*$/.exec(part);
    if (!m) throw new Error(`Bad syntax for \`spec\`: ${spec}`);
    const op = m[1] ?? '==';
    const target = m[2] as string;
    if (target.endsWith('*')) {
      const prefix = target.replace(/\.?\*$/, '');
      const starts = prefix === '' || v === prefix || v.startsWith(`${prefix}.`);
      return op === '!=' ? !starts : starts;
    }
    const c = compareVersions(v, target);
    return op === '>=' ? c >= 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '<' ? c < 0 : op === '!=' ? c !== 0 : c === 0;
  });
}

export interface RattlerContextOptions {
  buildSubdir?: string;
  variant?: Record<string, string>;
  env?: Record<string, string | undefined>;
}

export function rattlerJinjaContext(subdir: string, options: RattlerContextOptions = {}): Record<string, unknown> {
  const variant = options.variant ?? {};
  const env = options.env ?? {};
  const family = subdir.split('-')[0] ?? '';
  const arch = archOf(subdir);
  const ctx: Record<string, unknown> = {
    target_platform: subdir,
    build_platform: options.buildSubdir ?? subdir,
    host_platform: subdir,
    unix: family === 'linux' || family === 'osx' || family === 'emscripten' || family === 'freebsd',
    SHLIB_EXT: family === 'win' ? '.dll' : family === 'osx' ? '.dylib' : '.so',
  };
  for (const a of ARCHES) ctx[a] = a === arch;
  for (const s of SUBDIRS) ctx[s.replace('-', '')] = s === subdir;
  for (const os of OSES) ctx[os] = os === family;
  Object.assign(ctx, variant);

  const text = (args: unknown[], kwargs: Kwargs, name: string): string => str(args[0] ?? kwargs[name] ?? '', 'minijinja');
  const target = (lang: string, component: 'compiler' | 'stdlib'): string => {
    const name = variant[`${lang}_${component}`] ?? (component === 'compiler' ? (DEFAULT_COMPILERS[family]?.[lang] ?? lang) : undefined);
    if (name === undefined) throw new Error(`No ${component} found for language: ${lang}. You should add \`${lang}_${component}\` to your variant config file.`);
    const version = variant[`${lang}_${component}_version`];
    if (version === undefined) return `${name}_${subdir}`;
    return /^[A-Za-z0-9.]+$/.test(version) ? `${name}_${subdir} =${version}` : `${name}_${subdir} ${version}`;
  };
  const pin = (fnName: string) =>
    callable(fnName, (args, kwargs) => {
      for (const old of ['min_pin', 'max_pin']) {
        if (old in kwargs) throw new Error(`\`${old}\` is not supported anymore. Please use \`${old === 'min_pin' ? 'lower_bound' : 'upper_bound'}='${str(kwargs[old], 'minijinja')}'\` instead.`);
      }
      return text(args, kwargs, 'name');
    });
  const platformTest = (test: (f: string) => boolean) => callable('is_platform', (args) => test(String(args[0]).split('-')[0] ?? ''));
  const experimental = (name: string) =>
    callable(name, () => {
      throw new Error('Experimental feature: provide the `--experimental` flag to enable this feature');
    });
  Object.assign(ctx, {
    compiler: callable('compiler', (args, kwargs) => target(text(args, kwargs, 'lang'), 'compiler')),
    stdlib: callable('stdlib', (args, kwargs) => target(text(args, kwargs, 'lang'), 'stdlib')),
    pin_subpackage: pin('pin_subpackage'),
    pin_compatible: pin('pin_compatible'),
    cdt: callable('cdt', (args, kwargs) => {
      const cdtArch = variant.cdt_arch ?? (arch === 'x86' ? 'i686' : arch);
      const cdtName = variant.cdt_name ?? (['s390x', 'aarch64', 'ppc64le', 'ppc64'].includes(arch) ? 'cos7' : 'cos6');
      const [name, ...rest] = text(args, kwargs, 'package_name').split(' ');
      return `${name}-${cdtName}-${cdtArch}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}`;
    }),
    match: callable('match', (args) => (args[0] === null || args[0] === undefined ? true : matchVersion(str(args[0], 'minijinja'), String(args[1])))),
    cmp: callable('cmp', () => {
      throw new Error('`cmp` is not supported anymore. Please use `match` instead.');
    }),
    is_linux: platformTest((f) => f === 'linux'),
    is_osx: platformTest((f) => f === 'osx'),
    is_windows: platformTest((f) => f === 'win'),
    is_unix: platformTest((f) => f === 'linux' || f === 'osx'),
    env: {
      get: callable('env.get', (args, kwargs) => {
        const name = String(args[0]);
        const value = env[name];
        if (value !== undefined) return value;
        const fallback = args[1] ?? kwargs.default;
        if (fallback !== undefined) return fallback;
        throw new Error(`Environment variable ${name} not found`);
      }),
      exists: callable('env.exists', (args) => env[String(args[0])] !== undefined),
    },
    git: { latest_tag: experimental('git.latest_tag'), latest_tag_rev: experimental('git.latest_tag_rev'), head_rev: experimental('git.head_rev') },
    load_from_file: experimental('load_from_file'),
  });
  return ctx;
}

/** Build-time names a script may use (rattler-build renders scripts when it runs them): as the script's own variables. */
export const scriptVariables = (subdir: string): Record<string, string> => {
  const win = subdir.startsWith('win-');
  const v = (name: string): string => (win ? `%${name}%` : `$${name}`);
  return Object.fromEntries(['SRC_DIR', 'PREFIX', 'BUILD_PREFIX', 'RECIPE_DIR', 'BUILD_DIR', 'PYTHON', 'LIBRARY_BIN', 'LIBRARY_PREFIX', 'PKG_NAME', 'PKG_VERSION', 'PKG_BUILDNUM', 'CPU_COUNT', 'SP_DIR', 'STDLIB_DIR'].map((n) => [n, v(n)]));
};

/** Variables rattler-build keeps as tokens in about/license_file, filled in at packaging. */
export const LICENSE_LATE_BOUND = ['PREFIX', 'BUILD_PREFIX', 'SRC_DIR', 'RECIPE_DIR', 'BUILD_DIR'];
