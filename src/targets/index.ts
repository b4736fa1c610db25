/** Targets: one module, used everywhere (ARCHITECTURE.md). */
export { ARCHES, VARIANTS } from './arch-table.js';
export { BUILTIN_PAIRS } from './builtin-pairs.js';
export { parseDistList, readDistList } from './dist-list.js';
export { fromNode, hostTarget } from './host.js';
export { debianPackageTriple, goTargetEnv, targetGoVariables, type TargetInfo, targetInfo } from './info.js';
export { type BinaryFormat, formatOf } from './os-table.js';
export { formatTarget, isForeign, listTargets, parseTarget } from './parse.js';
export { nearestTargets } from './suggest.js';
