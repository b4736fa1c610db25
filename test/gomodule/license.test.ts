import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLicense, LICENSE_FILE_NAMES, licenseFileName } from '../../src/gomodule/license.js';
import { requireAll } from '../helpers/tools.js';
import { DATA, FIXTURES } from '../recipe/helpers.js';

describe('license detection', () => {
  const text = (path: string): string => readFileSync(path, 'utf8');
  it('knows the fixtures: MIT and the full Apache-2.0 text', () => {
    expect(detectLicense(text(join(FIXTURES, 'hello/LICENSE')))).toMatchObject({ spdx: 'MIT', family: 'MIT', known: true });
    expect(detectLicense(text(join(FIXTURES, 'multi/LICENSE')))).toMatchObject({ spdx: 'Apache-2.0', family: 'APACHE', known: true });
  });

  // Debian's texts of the licenses, as shipped by base-files (an essential package).
  const COMMON = '/usr/share/common-licenses';
  if (!existsSync(COMMON)) {
    if (requireAll()) throw new Error(`GOCROSS_REQUIRE_ALL=1 but ${COMMON} is missing (apt-get install base-files)`);
    console.warn(`\n*** SKIPPING license texts from ${COMMON}: not a Debian system ***\n`);
  }
  const debian: [string, string, string][] = [
    ['GPL-2', 'GPL-2.0-only', 'GPL2'],
    ['GPL-3', 'GPL-3.0-only', 'GPL3'],
    ['LGPL-2.1', 'LGPL-2.1-only', 'LGPL'],
    ['LGPL-3', 'LGPL-3.0-only', 'LGPL'],
    ['MPL-2.0', 'MPL-2.0', 'MOZILLA'],
    ['BSD', 'BSD-3-Clause', 'BSD'],
    ['Apache-2.0', 'Apache-2.0', 'APACHE'],
    ['CC0-1.0', 'CC0-1.0', 'PUBLIC-DOMAIN'],
  ];
  it.skipIf(!existsSync(COMMON)).each(debian)('/usr/share/common-licenses/%s is %s', (file, spdx, family) => {
    const found = detectLicense(text(`/usr/share/common-licenses/${file}`));
    expect(found).toMatchObject({ spdx, family, known: true });
    if (spdx.includes('GPL')) expect(found.note).toMatch(/or-later/);
  });

  it('knows ISC and BSD-2-Clause, and names an unknown text LicenseRef-', () => {
    expect(detectLicense(text(join(DATA, 'licenses/ISC.txt'))).spdx).toBe('ISC');
    expect(detectLicense(text(join(DATA, 'licenses/BSD-2-Clause.txt'))).spdx).toBe('BSD-2-Clause');
    expect(detectLicense(text(join(DATA, 'licenses/Custom.txt')))).toEqual({ spdx: 'LicenseRef-Acme-Source-License', family: 'OTHER', known: false });
    expect(detectLicense('All rights reserved.').spdx).toBe('LicenseRef-Unknown');
  });

  it('is not fooled by line wrapping, case or markdown', () => {
    expect(detectLicense('# MIT\n\n**Permission is hereby granted**, free of\ncharge, to any person\n  obtaining a copy').spdx).toBe('MIT');
  });
});

describe('license files', () => {
  it('prefers the known names in order, else takes any LICENSE*, LICENCE* or COPYING*', () => {
    expect(LICENSE_FILE_NAMES[0]).toBe('LICENSE');
    expect(licenseFileName(['go.mod', 'COPYING', 'LICENSE.md'])).toBe('LICENSE.md');
    expect(licenseFileName(['go.mod', 'COPYING'])).toBe('COPYING');
    expect(licenseFileName(['License.rst', 'README.md'])).toBe('License.rst');
    expect(licenseFileName(['main.go', 'README.md'])).toBeUndefined();
  });
});
