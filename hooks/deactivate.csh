# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Deactivates Go for this env (csh/tcsh): removes the PATH entries the activate hook added and
# puts every variable back as it was, unset stays unset.
set _gocross_level = 0
# csh substitutes a whole line before testing it, so the test needs a block of its own.
if ( $?CONDA_SHLVL ) then
  set _gocross_level = "$CONDA_SHLVL"
endif

# @BODY@

unset _gocross_level _gocross_s _gocross_v _gocross_p _gocross_new _gocross_done
