# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs before every package's activate script (conda sorts them A→Z) and saves the shell's Go
# variables ("unset" apart from "empty"), keyed by CONDA_SHLVL. deactivate-a00-gocross.sh, the
# last deactivate script, puts them back, also those that another package's hook set and never
# restores. POSIX sh (bash, zsh, dash); safe under `set -u`; sourcing it twice changes nothing.
_gocross_level="${CONDA_SHLVL:-0}"

_gocross_save() {
  if eval "[ -z \"\${_GOCROSS_SAVED_${_gocross_level}_$1+x}\" ]"; then
    if eval "[ -n \"\${$1+x}\" ]"; then
      eval "_GOCROSS_SAVED_${_gocross_level}_$1=1; _GOCROSS_VALUE_${_gocross_level}_$1=\"\${$1}\""
    else
      eval "_GOCROSS_SAVED_${_gocross_level}_$1=0"
    fi
  fi
}

@BODY.line@

unset -f _gocross_save
unset _gocross_level
