# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after every package's deactivate script (conda runs them Z→A) and puts every Go variable
# back as activate-a00-gocross.csh found it before any package's hook ran: unset stays unset.
set _gocross_level = 0
if ( $?CONDA_SHLVL ) then
  if ( "$CONDA_SHLVL" != "" ) set _gocross_level = "$CONDA_SHLVL"
endif

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
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CC"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_CC'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv CC "'$_GOCROSS_VALUE_'"${_gocross_level}"'_CC:q'
  else
    unsetenv CC
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_CC"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_CC"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CXX"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_CXX'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv CXX "'$_GOCROSS_VALUE_'"${_gocross_level}"'_CXX:q'
  else
    unsetenv CXX
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_CXX"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_CXX"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_CFLAGS"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_CGO_CFLAGS'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv CGO_CFLAGS "'$_GOCROSS_VALUE_'"${_gocross_level}"'_CGO_CFLAGS:q'
  else
    unsetenv CGO_CFLAGS
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_CGO_CFLAGS"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_CGO_CFLAGS"
endif
eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_${_gocross_level}_CGO_LDFLAGS"
if ( $_gocross_s == 1 ) then
  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"${_gocross_level}"'_CGO_LDFLAGS'
  if ( "$_gocross_v" == 1 ) then
    eval "setenv CGO_LDFLAGS "'$_GOCROSS_VALUE_'"${_gocross_level}"'_CGO_LDFLAGS:q'
  else
    unsetenv CGO_LDFLAGS
  endif
  eval "unset _GOCROSS_SAVED_${_gocross_level}_CGO_LDFLAGS"
  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_${_gocross_level}_CGO_LDFLAGS"
endif

unset _gocross_level _gocross_s _gocross_v
