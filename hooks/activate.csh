# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Activates Go for this env (csh/tcsh). Every variable it touches is saved first ("unset" apart
# from "empty"), keyed by CONDA_SHLVL, so the deactivate hook restores it exactly.
set _gocross_level = 0
# csh substitutes a whole line before testing it, so the test needs a block of its own.
if ( $?CONDA_SHLVL ) then
  set _gocross_level = "$CONDA_SHLVL"
endif

# @BODY@

unset _gocross_level _gocross_s _gocross_p _gocross_new _gocross_done
