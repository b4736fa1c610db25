# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs first on deactivation: takes the PATH entries activate-z90-gocross.sh added out of PATH
# (the first occurrence of each, wherever it is now; an entry the shell also had further on
# stays). deactivate-a00-gocross.sh, which runs last, puts the variables back.
# POSIX sh (bash, zsh, dash); safe under `set -u`.
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

@BODY.line@

unset -f _gocross_path_remove
