# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs before every package's activate script (conda sorts them A→Z) and saves the shell's Go
# variables ("unset" apart from "empty"), keyed by CONDA_SHLVL. deactivate-a00-gocross.csh, the
# last deactivate script, puts them back, also those another package's hook never restores.
set _gocross_level = 0
# csh substitutes a whole line before testing it, so the test needs a block of its own.
if ( $?CONDA_SHLVL ) then
  if ( "$CONDA_SHLVL" != "" ) set _gocross_level = "$CONDA_SHLVL"
endif

@BODY.line@

unset _gocross_level _gocross_s
