# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs first on deactivation: takes the PATH entries activate-z90-gocross.csh added out of PATH
# (the first occurrence of each, wherever it is now). deactivate-a00-gocross.csh, which runs
# last, puts the variables back.

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

unset _gocross_p _gocross_new _gocross_done
