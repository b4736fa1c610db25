import { describe, expect, it } from 'vitest';
import { chooseEnvGo, chooseImageGo, chooseRequest } from '../../src/toolchain/choice.js';

const goLine = { version: '1.21', file: '/m/go.mod', via: 'go' };
const none = () => undefined;

describe("init's Go", () => {
  it('takes --go first, then the SDK the env recorded, then the go setting, then the project', () => {
    const recorded = { goroot: '/store/sdk/go1.22.3', gorootExists: true, version: 'go1.22.3' };
    expect(chooseEnvGo({ flag: '/opt/go', recorded, configured: '1.20', project: () => goLine })).toEqual({ kind: 'goroot', goroot: '/opt/go', why: 'the GOROOT from flag --go' });
    expect(chooseEnvGo({ recorded, configured: '1.20', project: () => goLine })).toMatchObject({ kind: 'goroot', goroot: '/store/sdk/go1.22.3' });
    // A recorded GOROOT that is gone: its version again, never another Go unasked.
    expect(chooseEnvGo({ recorded: { ...recorded, gorootExists: false }, configured: '1.20', project: () => goLine })).toMatchObject({ kind: 'install', request: { kind: 'exact', version: { name: 'go1.22.3' } } });
    expect(chooseEnvGo({ configured: '1.20', project: () => goLine })).toMatchObject({ kind: 'install', request: { kind: 'minor', minor: 20 } });
    expect(chooseEnvGo({ project: () => goLine })).toMatchObject({ kind: 'install', request: { kind: 'minor', minor: 21 }, why: 'from the go line of /m/go.mod' });
    expect(chooseEnvGo({ project: none })).toMatchObject({ kind: 'install', request: { kind: 'latest' } });
  });
});

describe("install's version", () => {
  it('takes the argument, then a version setting (not a GOROOT), then the project, then latest', () => {
    expect(chooseRequest('1.23.4', { value: '1.20', source: 'x' }, () => goLine)).toMatchObject({ request: { kind: 'exact' }, why: 'as asked' });
    expect(chooseRequest(undefined, { value: '1.20', source: 'env GOCROSS_GO' }, () => goLine)).toMatchObject({ request: { kind: 'minor', minor: 20 }, why: 'from env GOCROSS_GO' });
    expect(chooseRequest(undefined, { value: '/opt/go', source: 'x' }, () => goLine)).toMatchObject({ request: { kind: 'minor', minor: 21 } });
    expect(chooseRequest(undefined, { value: undefined, source: '' }, none)).toMatchObject({ request: { kind: 'latest' } });
    expect(() => chooseRequest('go.mod', { value: undefined, source: '' }, none)).toThrow(/no go.mod/);
  });
});

describe("dockerfile's Go", () => {
  it('pins a configured version, else the env\'s, else leaves it to go.mod', () => {
    expect(chooseImageGo({ value: '1.22.1', source: '--go' }, 'go1.21.0')).toEqual({ version: '1.22.1', source: '--go' });
    expect(chooseImageGo({ value: 'latest', source: '--go' }, 'go1.21.0')).toEqual({ version: 'go1.21.0', source: "the conda env's Go" });
    expect(chooseImageGo({ value: '/opt/go', source: 'x' }, undefined)).toBeUndefined();
  });
});
