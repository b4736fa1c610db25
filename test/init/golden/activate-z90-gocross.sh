# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Activates Go for this env: GOROOT, PATH, GOOS/GOARCH, CGO_ENABLED and friends. Every variable it
# touches is saved first ("unset" apart from "empty"), keyed by CONDA_SHLVL, so the deactivate
# hook restores it exactly. POSIX sh (bash, zsh, dash); safe under `set -u`; sourcing it twice
# changes nothing.
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

_gocross_set() {
  _gocross_save "$1"
  eval "$1=\"\$2\""
  export "$1"
}

_gocross_clear() {
  _gocross_save "$1"
  unset "$1"
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

_gocross_path_prepend() {
  _gocross_path_remove "$1"
  PATH="$1${PATH:+:$PATH}"
  export PATH
}

_gocross_set GOROOT '/home/u/.local/share/gocross/sdk/go1.23.4'
_gocross_set GOBIN '/opt/conda/envs/tools/bin'
_gocross_set GOPATH '/opt/conda/envs/tools/share/gocross/gopath'
_gocross_set GOMODCACHE '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod'
_gocross_set GOFLAGS '-modcacherw'
_gocross_set GOTOOLCHAIN 'local'
_gocross_set GOOS 'linux'
_gocross_set GOARCH 'arm'
_gocross_set GOARM '7'
_gocross_set CGO_ENABLED '0'
_gocross_clear GOAMD64
_gocross_path_prepend '/opt/conda/envs/tools/etc/gocross/bin'
_gocross_path_prepend '/home/u/.local/share/gocross/sdk/go1.23.4/bin'

unset -f _gocross_save _gocross_set _gocross_clear _gocross_path_remove _gocross_path_prepend
unset _gocross_level
