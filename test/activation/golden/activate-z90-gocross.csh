# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after the packages' activate scripts (conda-forge's Go hooks are …-z61-…), so what this
# env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED, GOFLAGS
# without the flags that break the target. activate-a00-gocross.csh saved everything before.
# csh has no functions: each step is written out (PATH is csh's `path` array).

set _gocross_file = ""
if ( $?CONDA_SHLVL ) then
  if ( "$CONDA_SHLVL" =~ [1-9]* ) then
    @ _gocross_below = $CONDA_SHLVL - 1
    if ( $_gocross_below >= 1 && "`printenv CONDA_STACKED_$CONDA_SHLVL`" == "" ) then
      set _gocross_file = "`printenv CONDA_PREFIX_$_gocross_below`/etc/gocross/path-entries"
    endif
  endif
endif
if ( "$_gocross_file" != "" && -f "$_gocross_file" ) then
  setenv _GOCROSS_FILE "$_gocross_file"
  foreach _gocross_e ( "`sh -c 'cat "'"$_GOCROSS_FILE"'"'`" )
    if ( "$_gocross_e" =~ "#"* ) continue
    if ( $?CONDA_PREFIX ) then
      set _gocross_new = ( )
      set _gocross_before = 1
      foreach _gocross_p ( $path:q )
        if ( "$_gocross_p" == "$CONDA_PREFIX/bin" ) set _gocross_before = 0
        if ( $_gocross_before == 0 || "$_gocross_p" != "$_gocross_e" ) set _gocross_new = ( $_gocross_new:q "$_gocross_p" )
      end
      if ( $_gocross_before == 0 ) set path = ( $_gocross_new:q )
    endif
  end
  unsetenv _GOCROSS_FILE
endif
set _gocross_e = '/home/u/.local/share/gocross/sdk/go1.23.4/bin'
if ( $?CONDA_PREFIX ) then
  set _gocross_new = ( )
  set _gocross_before = 1
  foreach _gocross_p ( $path:q )
    if ( "$_gocross_p" == "$CONDA_PREFIX/bin" ) set _gocross_before = 0
    if ( $_gocross_before == 0 || "$_gocross_p" != "$_gocross_e" ) set _gocross_new = ( $_gocross_new:q "$_gocross_p" )
  end
  if ( $_gocross_before == 0 ) set path = ( $_gocross_new:q )
endif
set _gocross_e = '/opt/conda/envs/tools/etc/gocross/bin'
if ( $?CONDA_PREFIX ) then
  set _gocross_new = ( )
  set _gocross_before = 1
  foreach _gocross_p ( $path:q )
    if ( "$_gocross_p" == "$CONDA_PREFIX/bin" ) set _gocross_before = 0
    if ( $_gocross_before == 0 || "$_gocross_p" != "$_gocross_e" ) set _gocross_new = ( $_gocross_new:q "$_gocross_p" )
  end
  if ( $_gocross_before == 0 ) set path = ( $_gocross_new:q )
endif
setenv GOROOT '/home/u/.local/share/gocross/sdk/go1.23.4'
setenv GOPATH '/opt/conda/envs/tools/share/gocross/gopath'
setenv GOMODCACHE '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod'
setenv GOTOOLCHAIN 'local'
setenv GOOS 'linux'
setenv GOARCH 'arm'
setenv GOARM '7'
setenv CGO_ENABLED '0'
unsetenv GOBIN
unsetenv GOAMD64
if ( $?GOFLAGS ) then
  set _gocross_new = ( )
  set _gocross_changed = 0
  foreach _gocross_w ( $GOFLAGS )
    if ( "$_gocross_w" == '-buildmode=pie' ) then
      set _gocross_changed = 1
    else
      set _gocross_new = ( $_gocross_new:q "$_gocross_w" )
    endif
  end
  if ( $_gocross_changed == 1 ) then
    if ( $#_gocross_new > 0 ) then
      setenv GOFLAGS "$_gocross_new"
    else
      unsetenv GOFLAGS
    endif
  endif
endif
if ( $?GOFLAGS ) then
  set _gocross_new = ( )
  set _gocross_changed = 0
  foreach _gocross_w ( $GOFLAGS )
    if ( "$_gocross_w" == '--buildmode=pie' ) then
      set _gocross_changed = 1
    else
      set _gocross_new = ( $_gocross_new:q "$_gocross_w" )
    endif
  end
  if ( $_gocross_changed == 1 ) then
    if ( $#_gocross_new > 0 ) then
      setenv GOFLAGS "$_gocross_new"
    else
      unsetenv GOFLAGS
    endif
  endif
endif
if ( $?GOFLAGS ) then
  if ( " $GOFLAGS " !~ *' -modcacherw '* ) setenv GOFLAGS "$GOFLAGS "'-modcacherw'
else
  setenv GOFLAGS '-modcacherw'
endif
set path = ( '/opt/conda/envs/tools/etc/gocross/bin' $path:q )
set path = ( '/home/u/.local/share/gocross/sdk/go1.23.4/bin' $path:q )

unset _gocross_e _gocross_p _gocross_new _gocross_before _gocross_below _gocross_file _gocross_w _gocross_changed
