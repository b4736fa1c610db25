# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Activates Go for this env (csh/tcsh). Every variable it touches is saved first ("unset" apart
# from "empty"), keyed by CONDA_SHLVL, so the deactivate hook restores it exactly.
set _gocross_level = 0
# csh substitutes a whole line before testing it, so the test needs a block of its own.
if ( $?CONDA_SHLVL ) then
  set _gocross_level = "$CONDA_SHLVL"
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
setenv GOROOT '/home/u/.local/share/gocross/sdk/go1.23.4'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOBIN"
if ( $_gocross_s == 0 ) then
  if ( $?GOBIN ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOBIN = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOBIN = "'$GOBIN:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOBIN = 0"
  endif
endif
setenv GOBIN '/opt/conda/envs/tools/bin'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOPATH"
if ( $_gocross_s == 0 ) then
  if ( $?GOPATH ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOPATH = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOPATH = "'$GOPATH:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOPATH = 0"
  endif
endif
setenv GOPATH '/opt/conda/envs/tools/share/gocross/gopath'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOMODCACHE"
if ( $_gocross_s == 0 ) then
  if ( $?GOMODCACHE ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOMODCACHE = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOMODCACHE = "'$GOMODCACHE:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOMODCACHE = 0"
  endif
endif
setenv GOMODCACHE '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOFLAGS"
if ( $_gocross_s == 0 ) then
  if ( $?GOFLAGS ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOFLAGS = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOFLAGS = "'$GOFLAGS:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOFLAGS = 0"
  endif
endif
setenv GOFLAGS '-modcacherw'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN"
if ( $_gocross_s == 0 ) then
  if ( $?GOTOOLCHAIN ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOTOOLCHAIN = "'$GOTOOLCHAIN:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN = 0"
  endif
endif
setenv GOTOOLCHAIN 'local'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOOS"
if ( $_gocross_s == 0 ) then
  if ( $?GOOS ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOOS = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOOS = "'$GOOS:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOOS = 0"
  endif
endif
setenv GOOS 'linux'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOARCH"
if ( $_gocross_s == 0 ) then
  if ( $?GOARCH ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARCH = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOARCH = "'$GOARCH:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARCH = 0"
  endif
endif
setenv GOARCH 'arm'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOARM"
if ( $_gocross_s == 0 ) then
  if ( $?GOARM ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARM = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOARM = "'$GOARM:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOARM = 0"
  endif
endif
setenv GOARM '7'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED"
if ( $_gocross_s == 0 ) then
  if ( $?CGO_ENABLED ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_CGO_ENABLED = "'$CGO_ENABLED:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED = 0"
  endif
endif
setenv CGO_ENABLED '0'
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOAMD64"
if ( $_gocross_s == 0 ) then
  if ( $?GOAMD64 ) then
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOAMD64 = 1"
    eval "set _GOCROSS_VALUE_${_gocross_level}_GOAMD64 = "'$GOAMD64:q'
  else
    eval "set _GOCROSS_SAVED_${_gocross_level}_GOAMD64 = 0"
  endif
endif
unsetenv GOAMD64
set _gocross_new = ( )
set _gocross_done = 0
foreach _gocross_p ( $path:q )
  if ( $_gocross_done == 0 && "$_gocross_p" == '/opt/conda/envs/tools/etc/gocross/bin' ) then
    set _gocross_done = 1
  else
    set _gocross_new = ( $_gocross_new:q "$_gocross_p" )
  endif
end
set path = ( $_gocross_new:q )
set path = ( '/opt/conda/envs/tools/etc/gocross/bin' $path:q )
set _gocross_new = ( )
set _gocross_done = 0
foreach _gocross_p ( $path:q )
  if ( $_gocross_done == 0 && "$_gocross_p" == '/home/u/.local/share/gocross/sdk/go1.23.4/bin' ) then
    set _gocross_done = 1
  else
    set _gocross_new = ( $_gocross_new:q "$_gocross_p" )
  endif
end
set path = ( $_gocross_new:q )
set path = ( '/home/u/.local/share/gocross/sdk/go1.23.4/bin' $path:q )

unset _gocross_level _gocross_s _gocross_p _gocross_new _gocross_done
