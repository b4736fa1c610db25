/**
 * SPDX identifiers for the license texts Go projects commonly ship, recognised by phrases that
 * only their text contains. conda-forge wants an SPDX id in `about.license` and one of
 * conda-build's families in `license_family`.
 */

export interface DetectedLicense {
  spdx: string;
  family: string;
  /** False when the text matched no known license and a LicenseRef- id was made up. */
  known: boolean;
  /** Something the user should check by hand, e.g. GPL "only" vs "or later". */
  note?: string;
}

interface Rule {
  spdx: string;
  family: string;
  /** Phrases anywhere in the text. */
  all?: string[];
  /** Phrases in the title (the first few hundred characters): the GPL texts name each other later on. */
  head?: string[];
  none?: string[];
  note?: string;
}

const GPL_NOTE = 'the GPL text does not say whether later versions are allowed; if the source headers say "or (at your option) any later version", use the -or-later id';

/** Checked in order: the more specific texts first (LGPL and AGPL contain "general public license"). */
const RULES: Rule[] = [
  { spdx: 'Apache-2.0', family: 'APACHE', head: ['apache license version 2.0'] },
  { spdx: 'MPL-2.0', family: 'MOZILLA', head: ['mozilla public license version 2.0'] },
  { spdx: 'AGPL-3.0-only', family: 'AGPL', head: ['gnu affero general public license version 3'], note: GPL_NOTE },
  { spdx: 'LGPL-3.0-only', family: 'LGPL', head: ['gnu lesser general public license version 3'], note: GPL_NOTE },
  { spdx: 'LGPL-2.1-only', family: 'LGPL', head: ['gnu lesser general public license version 2.1'], note: GPL_NOTE },
  { spdx: 'LGPL-2.0-only', family: 'LGPL', head: ['gnu library general public license version 2'], note: GPL_NOTE },
  { spdx: 'GPL-3.0-only', family: 'GPL3', head: ['gnu general public license version 3, 29 june 2007'], note: GPL_NOTE },
  { spdx: 'GPL-2.0-only', family: 'GPL2', head: ['gnu general public license version 2, june 1991'], note: GPL_NOTE },
  { spdx: 'MIT', family: 'MIT', all: ['permission is hereby granted, free of charge, to any person obtaining a copy'] },
  { spdx: 'ISC', family: 'OTHER', all: ['permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted'] },
  { spdx: 'BSD-3-Clause', family: 'BSD', all: ['redistribution and use in source and binary forms', 'may be used to endorse or promote products'] },
  { spdx: 'BSD-2-Clause', family: 'BSD', all: ['redistribution and use in source and binary forms', 'redistributions in binary form must reproduce'], none: ['endorse or promote'] },
  { spdx: 'BSL-1.0', family: 'OTHER', all: ['boost software license - version 1.0'] },
  { spdx: 'Unlicense', family: 'PUBLIC-DOMAIN', all: ['this is free and unencumbered software released into the public domain'] },
  { spdx: 'CC0-1.0', family: 'PUBLIC-DOMAIN', all: ['cc0 1.0 universal'] },
];

/** Lower case, one space between words, plain quotes: line wrapping and typography do not matter. */
export function normalizeLicenseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[*_]+/g, '')
    .replace(/[\s#>]+/g, ' ')
    .trim();
}

export function detectLicense(text: string): DetectedLicense {
  const normal = normalizeLicenseText(text);
  const head = normal.slice(0, 400);
  for (const rule of RULES) {
    const matches =
      (rule.all ?? []).every((p) => normal.includes(p)) &&
      (rule.head ?? []).every((p) => head.includes(p)) &&
      !(rule.none ?? []).some((p) => normal.includes(p));
    if (matches) {
      return { spdx: rule.spdx, family: rule.family, known: true, ...(rule.note ? { note: rule.note } : {}) };
    }
  }
  return { spdx: licenseRef(text), family: 'OTHER', known: false };
}

/** `LicenseRef-<title>` from a title-like first line, else LicenseRef-Unknown. */
function licenseRef(text: string): string {
  const first = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  const title = first.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return /licen[cs]e/i.test(first) && title.length > 0 && title.length <= 40 ? `LicenseRef-${title}` : 'LicenseRef-Unknown';
}

/** The license file names looked for in a module's root, in order of preference. */
export const LICENSE_FILE_NAMES = ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'LICENCE', 'LICENCE.txt', 'COPYING', 'COPYING.txt', 'COPYING.md', 'UNLICENSE'];

/** The license file among a directory's entries: a known name first, else any LICENSE*, LICENCE* or COPYING*. */
export function licenseFileName(names: readonly string[]): string | undefined {
  const present = new Set(names);
  return LICENSE_FILE_NAMES.find((name) => present.has(name)) ?? [...names].sort().find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
}
