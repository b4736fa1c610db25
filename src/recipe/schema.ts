/** conda-build's FIELDS schema (conda_build/metadata.py) and the values it restricts, as data. */

export const FIELDS: Readonly<Record<string, readonly string[] | 'any'>> = {
  package: ['name', 'version'],
  source: ['fn', 'url', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'content_sha256', 'content_sha384', 'content_sha512', 'content_hash_skip', 'path', 'path_via_symlink', 'git_url', 'git_tag', 'git_branch', 'git_rev', 'git_depth', 'hg_url', 'hg_tag', 'svn_url', 'svn_rev', 'svn_ignore_externals', 'svn_username', 'svn_password', 'folder', 'no_hoist', 'patches'],
  build: ['number', 'string', 'entry_points', 'osx_is_app', 'disable_pip', 'features', 'track_features', 'preserve_egg_dir', 'no_link', 'binary_relocation', 'script', 'noarch', 'noarch_python', 'python_version_independent', 'has_prefix_files', 'binary_has_prefix_files', 'ignore_prefix_files', 'detect_binary_files_with_prefix', 'skip_compile_pyc', 'rpaths', 'rpaths_patcher', 'script_env', 'always_include_files', 'skip', 'msvc_compiler', 'pin_depends', 'include_recipe', 'preferred_env', 'preferred_env_executable_paths', 'run_exports', 'ignore_run_exports', 'ignore_run_exports_from', 'requires_features', 'provides_features', 'force_use_keys', 'force_ignore_keys', 'merge_build_host', 'pre-link', 'post-link', 'pre-unlink', 'missing_dso_whitelist', 'missing_dso_allowlist', 'runpath_whitelist', 'runpath_allowlist', 'error_overdepending', 'error_overlinking', 'overlinking_ignore_patterns', 'python_site_packages_path'],
  outputs: ['name', 'version', 'number', 'entry_points', 'script', 'script_interpreter', 'build', 'requirements', 'test', 'about', 'extra', 'files', 'type', 'run_exports', 'target'],
  requirements: ['build', 'host', 'run', 'conflicts', 'run_constrained'],
  app: ['entry', 'icon', 'summary', 'type', 'cli_opts', 'own_environment'],
  test: ['requires', 'commands', 'files', 'imports', 'source_files', 'downstreams'],
  about: ['home', 'dev_url', 'doc_url', 'doc_source_url', 'license_url', 'license', 'summary', 'description', 'license_family', 'identifiers', 'tags', 'keywords', 'license_file', 'prelink_message', 'readme'],
  extra: 'any',
};

/** Sections that may also be a list of dicts. */
export const LIST_SECTIONS: ReadonlySet<string> = new Set(['source', 'outputs']);

/** conda_build/license_family.py */
export const LICENSE_FAMILIES = ['AGPL', 'LGPL', 'GPL3', 'GPL2', 'GPL', 'BSD', 'MIT', 'APACHE', 'PSF', 'CC', 'MOZILLA', 'PUBLIC-DOMAIN', 'PROPRIETARY', 'OTHER', 'NONE'] as const;

export const PIN_DEPENDS = ['', 'record', 'strict'] as const;
export const NOARCH = ['python', 'generic'] as const;
