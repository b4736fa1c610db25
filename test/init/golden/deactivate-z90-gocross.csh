# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Deactivates Go for this env (csh/tcsh): removes the PATH entries the activate hook added and
# puts every variable back as it was, unset stays unset.
set _gocross_level = 0
# csh substitutes a whole line before testing it, so the test needs a block of its own.
if ( $?CONDA_SHLVL ) then
  set _gocross_level = "$CONDA_SHLVL"
endif

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
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOROOT"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOROOT'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOROOT "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOROOT:q'
  else
    unsetenv GOROOT
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOROOT"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOROOT"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOBIN"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOBIN'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOBIN "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOBIN:q'
  else
    unsetenv GOBIN
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOBIN"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOBIN"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOPATH"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOPATH'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOPATH "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOPATH:q'
  else
    unsetenv GOPATH
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOPATH"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOPATH"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOMODCACHE"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOMODCACHE'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOMODCACHE "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOMODCACHE:q'
  else
    unsetenv GOMODCACHE
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOMODCACHE"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOMODCACHE"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOFLAGS"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOFLAGS'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOFLAGS "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOFLAGS:q'
  else
    unsetenv GOFLAGS
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOFLAGS"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOFLAGS"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOTOOLCHAIN'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOTOOLCHAIN "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOTOOLCHAIN:q'
  else
    unsetenv GOTOOLCHAIN
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOTOOLCHAIN"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOTOOLCHAIN"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOOS"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOOS'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOOS "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOOS:q'
  else
    unsetenv GOOS
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOOS"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOOS"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOARCH"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOARCH'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOARCH "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOARCH:q'
  else
    unsetenv GOARCH
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOARCH"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOARCH"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOARM"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOARM'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOARM "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOARM:q'
  else
    unsetenv GOARM
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOARM"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOARM"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_CGO_ENABLED'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv CGO_ENABLED "'$_GOCROSS_VALUE_'"${_gocross_level}"'_CGO_ENABLED:q'
  else
    unsetenv CGO_ENABLED
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_CGO_ENABLED"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_CGO_ENABLED"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_GOAMD64"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_GOAMD64'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv GOAMD64 "'$_GOCROSS_VALUE_'"${_gocross_level}"'_GOAMD64:q'
  else
    unsetenv GOAMD64
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_GOAMD64"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_GOAMD64"
endif

unset _gocross_level _gocross_s _gocross_v _gocross_p _gocross_new _gocross_done
