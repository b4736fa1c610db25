# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Deactivates Go for this env: removes the PATH entries the activate hook added (wherever they
# are now) and puts every variable back as it was before activation, unset stays unset.
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

_gocross_path_remove() {
  case ":${PATH:-}:" in
    *":$1:"*)
      _gocross_path=":${PATH}:"
      _gocross_path="${_gocross_path%%":$1:"*}:${_gocross_path#*":$1:"}"
      _gocross_path="${_gocross_path#:}"
      PATH="${_gocross_path%:}"
      export PATH
      unset _gocross_path
      ;;
  esac
}

_gocross_path_remove '/home/u/.local/share/gocross/sdk/go1.23.4/bin'
_gocross_path_remove '/opt/conda/envs/tools/etc/gocross/bin'
_gocross_restore GOROOT
_gocross_restore GOBIN
_gocross_restore GOPATH
_gocross_restore GOMODCACHE
_gocross_restore GOFLAGS
_gocross_restore GOTOOLCHAIN
_gocross_restore GOOS
_gocross_restore GOARCH
_gocross_restore GOARM
_gocross_restore CGO_ENABLED
_gocross_restore GOAMD64

unset -f _gocross_restore _gocross_path_remove
unset _gocross_level
