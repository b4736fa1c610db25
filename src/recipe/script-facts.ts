/**
 * What a build script does, as far as the recipe checks need it: the go-licenses calls (over
 * `\` or `^` continuation lines, quoted save paths, --ignore), how go-licenses gets there, which
 * paths under the work dir (SRC_DIR) it creates — go-licenses' save path, mkdir, cp, mv, copy,
 * xcopy, redirections — following cd/pushd/popd, and the Go binaries it installs. Pure: a
 * script's text in, facts out. Not a shell: what cannot be known is said so (a path's base
 * unknown keeps only its last elements).
 */

export type ScriptKind = 'sh' | 'bat';

/** Where a path points: under the work dir, only its tail known, or outside the work dir. */
export type PathRef = { kind: 'work'; rel: string } | { kind: 'tail'; tail: string } | { kind: 'outside'; root: string; rel: string };

export interface GoLicensesCall {
  subcommand: string;
  savePath: PathRef | null;
  /** The save path as written, for messages. */
  savePathText: string | null;
  ignores: string[];
  /** `|| true` (or `|| :`) after it: a failing go-licenses does not fail the build. */
  hidesFailure: boolean;
  /** `go run github.com/google/go-licenses@vX …`: the version it runs. */
  goRun: string | null;
  line: number;
}

export interface GoLicensesInstall {
  spec: string;
  /** A version other than latest (or a commit) after the @. */
  pinned: boolean;
  line: number;
}

export interface ScriptFacts {
  goLicenses: GoLicensesCall[];
  installs: GoLicensesInstall[];
  writes: PathRef[];
  binaries: string[];
  /** Runs go build, go install or go run. */
  runsGo: boolean;
}

// Markers for what variables expand to: the work dir, other roots, or something unknown.
const WORK = '\u0001W';
const ROOT = '\u0001';
const UNKNOWN = '\u0003';

const ROOT_VARS: Record<string, string> = {
  SRC_DIR: WORK,
  PREFIX: `${ROOT}P`,
  LIBRARY_PREFIX: `${ROOT}P/Library`,
  LIBRARY_BIN: `${ROOT}P/Library/bin`,
  LIBRARY_LIB: `${ROOT}P/Library/lib`,
  SCRIPTS: `${ROOT}P/Scripts`,
  RECIPE_DIR: `${ROOT}R`,
  BUILD_PREFIX: `${ROOT}B`,
};

interface Command {
  words: string[];
  redirects: string[];
  /** The operator after it: ;, &&, ||, |, & or a newline. */
  next: string;
  line: number;
}

/** Join continuation lines (`\` for sh, `^` for cmd) and keep each logical line's first line number. */
function logicalLines(text: string, kind: ScriptKind): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const cont = kind === 'sh' ? /\\\s*$/ : /\^\s*$/;
  let buffer = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (buffer === '') start = index + 1;
    if (cont.test(raw) && !(kind === 'sh' && /\\\\\s*$/.test(raw))) {
      buffer += `${raw.replace(cont, '')} `;
      return;
    }
    out.push({ text: buffer + raw, line: start });
    buffer = '';
  });
  if (buffer !== '') out.push({ text: buffer, line: start });
  return out;
}

function expandVar(name: string, vars: Record<string, string | undefined>): string {
  if (name in ROOT_VARS) return ROOT_VARS[name] as string;
  const value = vars[name];
  return value === undefined ? UNKNOWN : value;
}

/**
 * The words and redirections of the commands on one line, as a tokenizer (sh or cmd) hands them
 * over: a word is open until a blank or an operator ends it; a word after `>` is a redirection.
 */
class CommandLine {
  readonly commands: Command[] = [];
  private words: string[] = [];
  private redirects: string[] = [];
  /** The word being read, or null between words. */
  word: string | null = null;
  private redirectNext = false;

  constructor(private readonly lineNo: number) {}

  add(text: string): void {
    this.word = (this.word ?? '') + text;
  }

  endWord(): void {
    if (this.word === null) return;
    if (this.redirectNext) this.redirects.push(this.word);
    else this.words.push(this.word);
    this.word = null;
    this.redirectNext = false;
  }

  endCommand(op: string): void {
    this.endWord();
    if (this.words.length > 0 || this.redirects.length > 0) this.commands.push({ words: this.words, redirects: this.redirects, next: op, line: this.lineNo });
    else if (this.commands.length > 0 && op !== '\n') (this.commands[this.commands.length - 1] as Command).next = op;
    this.words = [];
    this.redirects = [];
  }

  /** At `>`/`<`: a lone digit before it is a file descriptor, not a word; `>` makes the next word its file. */
  redirect(op: '>' | '<' | null): void {
    if (this.word !== null && /^\d$/.test(this.word)) this.word = null;
    if (op === null) return;
    this.endWord();
    this.redirectNext = op === '>';
  }
}

/** Split one logical line into commands with their words, for sh. */
function shCommands(line: string, lineNo: number, vars: Record<string, string | undefined>): Command[] {
  const b = new CommandLine(lineNo);
  const add = (text: string): void => b.add(text);
  /** `$NAME`, `${NAME…}`, `$(…)` at i; returns the index after it. */
  const dollar = (i: number): number => {
    const rest = line.slice(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}/.exec(rest);
    if (braced) {
      add(braced[2] === '' || braced[2]?.startsWith(':-') ? expandVar(braced[1] as string, vars) : UNKNOWN);
      return i + 1 + braced[0].length;
    }
    const plain = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (plain) {
      add(expandVar(plain[0], vars));
      return i + 1 + plain[0].length;
    }
    if (rest.startsWith('(')) {
      let depth = 0;
      let j = i + 1;
      for (; j < line.length; j += 1) {
        if (line[j] === '(') depth += 1;
        else if (line[j] === ')') {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      add(UNKNOWN);
      return j + 1;
    }
    if (/^[0-9#?@*!$-]/.test(rest)) {
      add(UNKNOWN);
      return i + 2;
    }
    add('$');
    return i + 1;
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '#' && b.word === null) break;
    if (c === ' ' || c === '\t') {
      b.endWord();
      i += 1;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      add(line.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? line.length : end + 1;
    } else if (c === '"') {
      add('');
      i += 1;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) {
          add(line[i + 1] as string);
          i += 2;
        } else if (line[i] === '$') i = dollar(i);
        else if (line[i] === '`') {
          const end = line.indexOf('`', i + 1);
          add(UNKNOWN);
          i = end < 0 ? line.length : end + 1;
        } else {
          add(line[i] as string);
          i += 1;
        }
      }
      i += 1;
    } else if (c === '\\') {
      add(line[i + 1] ?? '');
      i += 2;
    } else if (c === '$') i = dollar(i);
    else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      add(UNKNOWN);
      i = end < 0 ? line.length : end + 1;
    } else if (line.startsWith('&&', i) || line.startsWith('||', i)) {
      b.endCommand(line.slice(i, i + 2));
      i += 2;
    } else if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '{' || c === '}') {
      if ((c === '{' || c === '}') && b.word !== null) {
        add(c);
        i += 1;
        continue;
      }
      b.endCommand(c);
      i += 1;
    } else if (c === '>' || c === '<') {
      // 2>&1, >&2: not files.
      const fd = /^[<>]{1,2}&\d?/.exec(line.slice(i));
      b.redirect(fd ? null : c);
      i += fd ? fd[0].length : line.startsWith('>>', i) ? 2 : 1;
    } else {
      add(c);
      i += 1;
    }
  }
  b.endCommand('\n');
  return b.commands;
}

/** Split one logical line into commands, for cmd.exe. */
function batCommands(line: string, lineNo: number, vars: Record<string, string | undefined>): Command[] {
  const trimmed = line.trim().replace(/^@/, '');
  if (/^(rem\b|::)/i.test(trimmed)) return [];
  const b = new CommandLine(lineNo);
  const add = (text: string): void => b.add(text);
  let quoted = false;
  let i = 0;
  while (i < trimmed.length) {
    const c = trimmed[i] as string;
    if (c === '"') {
      quoted = !quoted;
      add('');
      i += 1;
    } else if (c === '%') {
      const m = /^%(%?[A-Za-z_~][A-Za-z0-9_]*)(:[^%]*)?%/.exec(trimmed.slice(i));
      const loopVar = /^%%?~?[a-zA-Z]/.exec(trimmed.slice(i));
      if (m && !(m[1] as string).startsWith('%')) {
        add(m[2] ? UNKNOWN : expandVar(m[1] as string, vars));
        i += m[0].length;
      } else if (loopVar) {
        add(UNKNOWN);
        i += loopVar[0].length;
      } else {
        add('%');
        i += 1;
      }
    } else if (c === '!' && /^![A-Za-z_][A-Za-z0-9_]*!/.test(trimmed.slice(i))) {
      const m = /^!([A-Za-z_][A-Za-z0-9_]*)!/.exec(trimmed.slice(i)) as RegExpExecArray;
      add(expandVar(m[1] as string, vars));
      i += m[0].length;
    } else if (quoted) {
      add(c);
      i += 1;
    } else if (c === '^') {
      add(trimmed[i + 1] ?? '');
      i += 2;
    } else if (c === ' ' || c === '\t') {
      b.endWord();
      i += 1;
    } else if (trimmed.startsWith('&&', i) || trimmed.startsWith('||', i)) {
      b.endCommand(trimmed.slice(i, i + 2));
      i += 2;
    } else if (c === '&' || c === '|' || c === '(' || c === ')') {
      b.endCommand(c);
      i += 1;
    } else if (c === '>' || c === '<') {
      const fd = /^[<>]{1,2}&\d/.exec(trimmed.slice(i));
      b.redirect(fd ? null : c);
      i += fd ? fd[0].length : trimmed.startsWith('>>', i) ? 2 : 1;
    } else {
      add(c);
      i += 1;
    }
  }
  b.endCommand('\n');
  return b.commands;
}

const normalizeParts = (path: string): string[] => path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');

/** The last path elements a path with an unknown base still tells. */
const tailOf = (path: string): string => {
  const parts = normalizeParts(path).filter((p) => p !== '..' && !p.includes(UNKNOWN) && !p.startsWith(ROOT));
  return parts.join('/');
};

type Cwd = { kind: 'work'; rel: string } | { kind: 'unknown' } | { kind: 'outside' };

function resolvePath(word: string, cwd: Cwd, kind: ScriptKind): PathRef | null {
  const unknownAt = word.lastIndexOf(UNKNOWN);
  if (unknownAt >= 0) {
    const tail = tailOf(word.slice(unknownAt + 1));
    return tail === '' ? null : { kind: 'tail', tail };
  }
  const join = (base: string[], rel: string): string[] | null => {
    const parts = [...base];
    for (const p of normalizeParts(rel)) {
      if (p === '..') {
        if (parts.length === 0) return null;
        parts.pop();
      } else parts.push(p);
    }
    return parts;
  };
  if (word.startsWith(WORK)) {
    const parts = join([], word.slice(WORK.length));
    return parts ? { kind: 'work', rel: parts.join('/') } : { kind: 'tail', tail: tailOf(word.slice(WORK.length)) };
  }
  if (word.startsWith(ROOT)) return { kind: 'outside', root: word.slice(1, 2), rel: normalizeParts(word.slice(2)).join('/') };
  if (word.startsWith('/') || /^[A-Za-z]:[\\/]/.test(word) || (kind === 'sh' && word.startsWith('~'))) return { kind: 'outside', root: 'abs', rel: normalizeParts(word).join('/') };
  if (cwd.kind === 'outside') return { kind: 'outside', root: '?', rel: normalizeParts(word).join('/') };
  if (cwd.kind === 'unknown') {
    const tail = tailOf(word);
    return tail === '' ? null : { kind: 'tail', tail };
  }
  const parts = join(normalizeParts(cwd.rel), word);
  return parts ? { kind: 'work', rel: parts.join('/') } : { kind: 'tail', tail: tailOf(word) };
}

const baseName = (word: string): string => normalizeParts(word).pop() ?? '';
const commandName = (word: string): string => baseName(word).toLowerCase().replace(/\.(exe|bat|cmd)$/, '');

const GO_LICENSES_MODULE = /^github\.com\/google\/go-licenses(\/v\d+)?(@(.+))?$/;

/** Shell words that start a compound command and are followed by a real one. */
const PREFIX_WORDS = new Set(['then', 'do', 'else', 'elif', 'time', 'exec', 'command', 'builtin', 'sudo', 'env', 'call']);

/** Analyse a build script. `vars` are what the recipe knows of its variables (PKG_NAME…). */
export function scriptFacts(text: string, kind: ScriptKind, vars: Record<string, string | undefined> = {}): ScriptFacts {
  const facts: ScriptFacts = { goLicenses: [], installs: [], writes: [], binaries: [], runsGo: false };
  const known: Record<string, string | undefined> = { ...vars };
  let cwd: Cwd = { kind: 'work', rel: '' };
  const stack: Cwd[] = [];
  const write = (word: string | undefined): void => {
    if (word === undefined) return;
    if (kind === 'bat' && /^nul$/i.test(word)) return;
    if (word === '/dev/null' || word === '-') return;
    const ref = resolvePath(word, cwd, kind);
    if (ref && ref.kind !== 'outside') facts.writes.push(ref);
  };
  const setCwd = (word: string | undefined): void => {
    if (word === undefined || word === '-') {
      cwd = { kind: 'unknown' };
      return;
    }
    const ref = resolvePath(word, cwd, kind);
    cwd = ref?.kind === 'work' ? { kind: 'work', rel: ref.rel } : ref?.kind === 'outside' ? { kind: 'outside' } : { kind: 'unknown' };
  };

  const analyse = (command: Command, following: Command | undefined): void => {
    let words = [...command.words];
    // Leading keywords and assignments: `then cmd`, `FOO=bar cmd`, `if not exist X cmd`.
    for (;;) {
      const first = words[0];
      if (first === undefined) break;
      if (PREFIX_WORDS.has(first.toLowerCase())) words = words.slice(1);
      else if (kind === 'bat' && first.toLowerCase() === 'if') {
        let k = 1;
        if (words[k]?.toLowerCase() === 'not') k += 1;
        if (words[k]?.toLowerCase() === '/i') k += 1;
        const test = words[k]?.toLowerCase();
        if (test === 'exist' || test === 'defined' || test === 'errorlevel') k += 2;
        else if (words[k]?.includes('==')) k += 1;
        else if (words[k + 1] && ['==', 'equ', 'neq', 'lss', 'leq', 'gtr', 'geq'].includes(words[k + 1]?.toLowerCase() as string)) k += 3;
        else break;
        words = words.slice(k);
      } else if (kind === 'bat' && first.toLowerCase() === 'for') {
        const at = words.findIndex((w, n) => n > 0 && w.toLowerCase() === 'do');
        if (at < 0) return;
        words = words.slice(at + 1);
      } else if (kind === 'sh' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first) && words.length > 1) words = words.slice(1);
      else break;
    }
    if (kind === 'sh' && words.length > 0 && words.every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))) {
      for (const w of words) {
        const [k, ...v] = w.split('=');
        known[k as string] = v.join('=').includes(UNKNOWN) ? undefined : v.join('=');
      }
      return;
    }
    const name = words[0] === undefined ? '' : commandName(words[0]);
    const args = words.slice(1);
    const flagless = (list: string[]): string[] => list.filter((w) => !(kind === 'sh' ? w.startsWith('-') : /^\/[A-Za-z0-9:+-]+$/.test(w) || w.startsWith('-')));
    for (const r of command.redirects) write(r);

    switch (name) {
      case '': {
        // `export A=b` handled below; a bare assignment.
        break;
      }
      case 'export':
      case 'set': {
        for (const a of args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(a.replace(/^"|"$/g, ''));
          if (m) known[m[1] as string] = (m[2] as string).includes(UNKNOWN) ? undefined : m[2];
        }
        break;
      }
      case 'cd':
      case 'chdir':
        setCwd(flagless(args)[0]);
        break;
      case 'pushd':
        stack.push(cwd);
        setCwd(flagless(args)[0]);
        break;
      case 'popd':
        cwd = stack.pop() ?? { kind: 'unknown' };
        break;
      case 'mkdir':
      case 'md':
      case 'touch':
      case 'tee':
        for (const a of flagless(args)) write(a);
        break;
      case 'cp':
      case 'mv':
      case 'copy':
      case 'xcopy':
      case 'move':
      case 'install':
      case 'ln':
      case 'robocopy': {
        const operands = name === 'install' ? args.filter((a, n) => !a.startsWith('-') && !['-m', '-o', '-g', '--mode'].includes(args[n - 1] ?? '')) : flagless(args);
        if (name === 'install' && args.includes('-d')) {
          for (const a of operands) write(a);
          break;
        }
        const dest = name === 'robocopy' ? operands[1] : operands.length > 1 ? operands[operands.length - 1] : name === 'copy' || name === 'xcopy' ? '.' : undefined;
        if (dest === undefined) break;
        write(dest);
        const sources = name === 'robocopy' ? [] : operands.slice(0, -1);
        for (const s of sources) {
          const b = baseName(s);
          if (b !== '' && !b.includes('*') && !b.includes(UNKNOWN) && (sources.length > 1 || dest.endsWith('/') || dest.endsWith('\\'))) write(`${dest.replace(/[\\/]+$/, '')}/${b}`);
        }
        break;
      }
      case 'bash':
      case 'sh': {
        const at = args.indexOf('-c');
        if (at >= 0 && args[at + 1] !== undefined) {
          const inner = scriptFacts(args[at + 1] as string, 'sh', known);
          // The inner shell starts in our working directory.
          const rebase = (ref: PathRef): PathRef => (ref.kind === 'work' && cwd.kind === 'work' ? { kind: 'work', rel: [cwd.rel, ref.rel].filter((p) => p !== '').join('/') } : ref.kind === 'work' ? { kind: 'tail', tail: ref.rel } : ref);
          facts.writes.push(...inner.writes.map(rebase));
          facts.goLicenses.push(...inner.goLicenses.map((g) => ({ ...g, savePath: g.savePath ? rebase(g.savePath) : null, line: command.line })));
          facts.installs.push(...inner.installs.map((x) => ({ ...x, line: command.line })));
          facts.binaries.push(...inner.binaries);
          facts.runsGo ||= inner.runsGo;
        }
        break;
      }
      case 'go': {
        const sub = args[0];
        if (sub === 'build' || sub === 'install' || sub === 'run') facts.runsGo = true;
        if (sub === 'install' || sub === 'get') {
          for (const a of args.slice(1)) {
            const m = GO_LICENSES_MODULE.exec(a);
            if (m) facts.installs.push({ spec: a, pinned: m[3] !== undefined && m[3] !== 'latest' && !m[3].includes(UNKNOWN), line: command.line });
          }
        }
        if (sub === 'run') {
          const at = args.findIndex((a) => GO_LICENSES_MODULE.test(a));
          if (at >= 0) {
            const m = GO_LICENSES_MODULE.exec(args[at] as string) as RegExpExecArray;
            facts.installs.push({ spec: args[at] as string, pinned: m[3] !== undefined && m[3] !== 'latest', line: command.line });
            goLicenses(args.slice(at + 1), command, following, args[at] as string);
          }
        }
        if (sub === 'build') {
          const o = args.findIndex((a) => a === '-o' || a.startsWith('-o='));
          const out = o < 0 ? undefined : args[o]?.startsWith('-o=') ? args[o]?.slice(3) : args[o + 1];
          if (out !== undefined) {
            const ref = resolvePath(out, cwd, kind);
            const m = ref?.kind === 'outside' && ref.root === 'P' ? /^(?:bin|Library\/bin|Scripts)\/([^/]+)$/.exec(ref.rel) : null;
            if (m) facts.binaries.push((m[1] as string).replace(/\.exe$/i, ''));
          }
        }
        break;
      }
      case 'go-licenses':
        goLicenses(args, command, following, null);
        break;
      default:
        break;
    }
  };

  const goLicenses = (args: string[], command: Command, following: Command | undefined, goRun: string | null): void => {
    const ignores: string[] = [];
    let savePathText: string | null = null;
    let subcommand = '';
    for (let n = 0; n < args.length; n += 1) {
      const a = args[n] as string;
      const m = /^--?([A-Za-z_-]+)(?:=(.*))?$/.exec(a);
      if (m) {
        const flag = (m[1] as string).replace(/-/g, '_');
        const value = m[2] ?? (['save_path', 'ignore', 'template', 'confidence_threshold', 'git_remote'].includes(flag) ? args[++n] : undefined);
        if (flag === 'save_path' && value !== undefined) savePathText = value;
        if (flag === 'ignore' && value !== undefined) ignores.push(value);
      } else if (subcommand === '') subcommand = a;
    }
    const following0 = following && command.next === '||' ? following.words.map((w) => w.toLowerCase()) : [];
    const hidesFailure = following0.length > 0 && (following0[0] === 'true' || following0[0] === ':' || (following0[0] === 'exit' && (following0[following0.length - 1] === '0' || following0.length === 1)));
    const savePath = savePathText === null ? null : resolvePath(savePathText, cwd, kind);
    facts.goLicenses.push({ subcommand, savePath, savePathText: savePathText === null ? null : display(savePathText), ignores, hidesFailure, goRun, line: command.line });
    if (subcommand === 'save' && savePathText !== null) write(savePathText);
  };

  // Line by line, so that an assignment counts for the lines after it.
  for (const l of logicalLines(text, kind)) {
    const commands = kind === 'sh' ? shCommands(l.text, l.line, known) : batCommands(l.text, l.line, known);
    commands.forEach((command, index) => analyse(command, commands[index + 1]));
  }
  return facts;
}

/** A word as the script wrote it, with the markers back to variable names. */
function display(word: string): string {
  return word
    .split(WORK).join('$SRC_DIR')
    .split(`${ROOT}P`).join('$PREFIX')
    .split(`${ROOT}R`).join('$RECIPE_DIR')
    .split(`${ROOT}B`).join('$BUILD_PREFIX')
    .split(UNKNOWN).join('…');
}

/** Whether a written path accounts for `path` (relative to the work dir, `/` separated). */
export function writtenBy(path: string, writes: readonly PathRef[]): boolean {
  const p = normalizeParts(path).join('/');
  if (p === '') return false;
  return writes.some((w) => {
    if (w.kind === 'work') return w.rel !== '' && (p === w.rel || p.startsWith(`${w.rel}/`) || w.rel.startsWith(`${p}/`));
    if (w.kind === 'tail') return w.tail !== '' && (p === w.tail || p.endsWith(`/${w.tail}`) || w.tail.endsWith(`/${p}`) || p.startsWith(`${w.tail}/`) || `/${p}`.includes(`/${w.tail}/`));
    return false;
  });
}

/** The ways a PathRef is shown in messages. */
export const describePath = (ref: PathRef): string => (ref.kind === 'work' ? ref.rel || '.' : ref.kind === 'tail' ? `…/${ref.tail}` : `$${ref.root}/${ref.rel}`);
