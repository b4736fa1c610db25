/**
 * A simple SPDX guess from a LICENSE text, for the image's licenses label: the distinctive
 * phrases of the common licenses, nothing more. Unknown texts give NOASSERTION (SPDX's word).
 */
const RULES: { id: string; all: RegExp[] }[] = [
  { id: 'Apache-2.0', all: [/Apache License/i, /Version 2\.0/i] },
  { id: 'MPL-2.0', all: [/Mozilla Public License/i, /2\.0/] },
  { id: 'AGPL-3.0', all: [/GNU AFFERO GENERAL PUBLIC LICENSE/i, /Version 3/i] },
  { id: 'LGPL-3.0', all: [/GNU LESSER GENERAL PUBLIC LICENSE/i, /Version 3/i] },
  { id: 'GPL-3.0', all: [/GNU GENERAL PUBLIC LICENSE/i, /Version 3/i] },
  { id: 'GPL-2.0', all: [/GNU GENERAL PUBLIC LICENSE/i, /Version 2/i] },
  { id: 'BSD-3-Clause', all: [/Redistribution and use in source and binary forms/i, /Neither the name/i] },
  { id: 'BSD-2-Clause', all: [/Redistribution and use in source and binary forms/i] },
  { id: 'ISC', all: [/Permission to use, copy, modify, and\/or distribute this software/i] },
  { id: 'MIT', all: [/Permission is hereby granted, free of charge/i] },
  { id: 'Unlicense', all: [/This is free and unencumbered software released into the public domain/i] },
];

export const UNKNOWN_LICENSE = 'NOASSERTION';

export function guessLicense(text: string | undefined): string {
  if (text === undefined) return UNKNOWN_LICENSE;
  const flat = text.replace(/\s+/g, ' ');
  return RULES.find((rule) => rule.all.every((re) => re.test(flat)))?.id ?? UNKNOWN_LICENSE;
}
