# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after every package's deactivate script (conda runs them Z→A) and puts every Go variable
# back as activate-a00-gocross.sh found it before any package's hook ran: unset stays unset.
# POSIX sh (bash, zsh, dash); safe under `set -u`.
_gocross_level="${CONDA_SHLVL:-0}"

_gocross_restore() {
  if eval "[ -n \"\${_GOCROSS_SAVED_${_gocross_level}_$1+x}\" ]"; then
    if eval "[ \"\${_GOCROSS_SAVED_${_gocross_level}_$1}\" = 1 ]"; then
      eval "$1=\"\${_GOCROSS_VALUE_${_gocross_level}_$1}\""
      export "$1"
    else
      unset "$1"
    fi
    unset "_GOCROSS_SAVED_${_gocross_level}_$1" "_GOCROSS_VALUE_${_gocross_level}_$1"
  fi
}

@BODY.line@

unset -f _gocross_restore
unset _gocross_level
