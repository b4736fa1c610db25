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

_gocross_restore GOROOT
_gocross_restore GOPATH
_gocross_restore GOBIN
_gocross_restore GOMODCACHE
_gocross_restore GOTOOLCHAIN
_gocross_restore GOOS
_gocross_restore GOARCH
_gocross_restore GOARM
_gocross_restore GOAMD64
_gocross_restore CGO_ENABLED
_gocross_restore GOFLAGS
_gocross_restore CC
_gocross_restore CXX
_gocross_restore CGO_CFLAGS
_gocross_restore CGO_LDFLAGS

unset -f _gocross_restore
unset _gocross_level
