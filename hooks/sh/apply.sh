# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after the packages' activate scripts (conda-forge's Go hooks are …-z61-…), so what this
# env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED, GOFLAGS
# without the flags that break the target. activate-a00-gocross.sh saved everything before.
# POSIX sh (bash, zsh, dash); safe under `set -u`; sourcing it twice changes nothing.
_gocross_set() {
  eval "$1=\"\$2\""
  export "$1"
}

_gocross_clear() {
  unset "$1"
}

# Takes every FLAG word out of GOFLAGS; an empty GOFLAGS is unset.
_gocross_goflags_drop() {
  _gocross_rest="${GOFLAGS:-}"
  _gocross_new=''
  _gocross_changed=0
  while :; do
    _gocross_rest="${_gocross_rest#"${_gocross_rest%%[! 	]*}"}"
    [ -n "$_gocross_rest" ] || break
    _gocross_word="${_gocross_rest%%[ 	]*}"
    _gocross_rest="${_gocross_rest#"$_gocross_word"}"
    if [ "$_gocross_word" = "$1" ]; then
      _gocross_changed=1
    else
      _gocross_new="${_gocross_new:+$_gocross_new }$_gocross_word"
    fi
  done
  if [ "$_gocross_changed" = 1 ]; then
    if [ -n "$_gocross_new" ]; then GOFLAGS="$_gocross_new"; export GOFLAGS; else unset GOFLAGS; fi
  fi
  unset _gocross_rest _gocross_new _gocross_changed _gocross_word
}

# Appends FLAG to GOFLAGS unless it is there.
_gocross_goflags_add() {
  case " ${GOFLAGS:-} " in
    *" $1 "*) ;;
    *) GOFLAGS="${GOFLAGS:+$GOFLAGS }$1"; export GOFLAGS ;;
  esac
}

# Takes ENTRY out of the part of PATH before $CONDA_PREFIX/bin. Only hooks of this activation
# put entries there, or conda itself: on reactivation and on a switch from another env, conda
# runs the deactivate scripts and then exports a PATH it computed before they ran, which brings
# back what they took out. An entry the shell had elsewhere on PATH is left alone.
_gocross_forget() {
  case ":${PATH:-}:" in
    *":${CONDA_PREFIX:-}/bin:"*) ;;
    *) return 0 ;;
  esac
  _gocross_p=":${PATH}:"
  _gocross_tail="${_gocross_p#*":${CONDA_PREFIX}/bin:"}"
  _gocross_head="${_gocross_p%%":${CONDA_PREFIX}/bin:"*}:"
  while :; do
    case "$_gocross_head" in
      *":$1:"*) _gocross_head="${_gocross_head%%":$1:"*}:${_gocross_head#*":$1:"}" ;;
      *) break ;;
    esac
  done
  _gocross_tail="${_gocross_tail%:}"
  PATH="${_gocross_head#:}${CONDA_PREFIX}/bin${_gocross_tail:+:$_gocross_tail}"
  export PATH
  unset _gocross_p _gocross_tail _gocross_head
}

# Without --stack, conda deactivated the env below this level before activating this one: the
# PATH entries its gocross hooks add (listed in its etc/gocross/path-entries) came back; forget them.
_gocross_forget_replaced() {
  _gocross_below=$(( ${CONDA_SHLVL:-0} - 1 ))
  [ "$_gocross_below" -ge 1 ] || return 0
  eval "_gocross_stacked=\"\${CONDA_STACKED_${CONDA_SHLVL}:-}\""
  eval "_gocross_file=\"\${CONDA_PREFIX_${_gocross_below}:-}/etc/gocross/path-entries\""
  if [ -z "$_gocross_stacked" ] && [ -f "$_gocross_file" ]; then
    while IFS= read -r _gocross_entry || [ -n "$_gocross_entry" ]; do
      case "$_gocross_entry" in
        '' | '#'*) ;;
        *) _gocross_forget "$_gocross_entry" ;;
      esac
    done < "$_gocross_file"
  fi
  unset _gocross_below _gocross_stacked _gocross_file _gocross_entry
}

_gocross_path_prepend() {
  PATH="$1${PATH:+:$PATH}"
  export PATH
}

_gocross_forget_replaced
@BODY.line@

unset -f _gocross_set _gocross_clear _gocross_goflags_drop _gocross_goflags_add _gocross_forget _gocross_forget_replaced _gocross_path_prepend
