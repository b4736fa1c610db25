# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs before every package's activate script (conda sorts them A→Z) and saves the shell's Go
# variables ("unset" apart from "empty"), keyed by CONDA_SHLVL. deactivate-a00-gocross.csh, the
# last deactivate script, puts them back, also those another package's hook never restores.
set _gocross_level = 0
# csh substitutes a whole line before testing it, so the test needs a block of its own.
if ( $?CONDA_SHLVL ) then
  if ( "$CONDA_SHLVL" != "" ) set _gocross_level = "$CONDA_SHLVL"
endif

eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOROOT"
if ( $_gocross_s == 0 ) then
  if ( $?GOROOT ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOROOT = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOROOT = "'$GOROOT:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOROOT = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOPATH"
if ( $_gocross_s == 0 ) then
  if ( $?GOPATH ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOPATH = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOPATH = "'$GOPATH:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOPATH = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOBIN"
if ( $_gocross_s == 0 ) then
  if ( $?GOBIN ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOBIN = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOBIN = "'$GOBIN:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOBIN = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOMODCACHE"
if ( $_gocross_s == 0 ) then
  if ( $?GOMODCACHE ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOMODCACHE = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOMODCACHE = "'$GOMODCACHE:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOMODCACHE = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN"
if ( $_gocross_s == 0 ) then
  if ( $?GOTOOLCHAIN ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOTOOLCHAIN = "'$GOTOOLCHAIN:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOOS"
if ( $_gocross_s == 0 ) then
  if ( $?GOOS ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOOS = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOOS = "'$GOOS:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOOS = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOARCH"
if ( $_gocross_s == 0 ) then
  if ( $?GOARCH ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARCH = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOARCH = "'$GOARCH:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARCH = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOARM"
if ( $_gocross_s == 0 ) then
  if ( $?GOARM ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARM = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOARM = "'$GOARM:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARM = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOAMD64"
if ( $_gocross_s == 0 ) then
  if ( $?GOAMD64 ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOAMD64 = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOAMD64 = "'$GOAMD64:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOAMD64 = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED"
if ( $_gocross_s == 0 ) then
  if ( $?CGO_ENABLED ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_CGO_ENABLED = "'$CGO_ENABLED:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOFLAGS"
if ( $_gocross_s == 0 ) then
  if ( $?GOFLAGS ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOFLAGS = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOFLAGS = "'$GOFLAGS:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOFLAGS = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CC"
if ( $_gocross_s == 0 ) then
  if ( $?CC ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_CC = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_CC = "'$CC:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_CC = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CXX"
if ( $_gocross_s == 0 ) then
  if ( $?CXX ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_CXX = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_CXX = "'$CXX:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_CXX = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_CFLAGS"
if ( $_gocross_s == 0 ) then
  if ( $?CGO_CFLAGS ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_CFLAGS = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_CGO_CFLAGS = "'$CGO_CFLAGS:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_CFLAGS = 0"
  endif
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_LDFLAGS"
if ( $_gocross_s == 0 ) then
  if ( $?CGO_LDFLAGS ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_LDFLAGS = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_CGO_LDFLAGS = "'$CGO_LDFLAGS:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_LDFLAGS = 0"
  endif
endif

unset _gocross_level _gocross_s
