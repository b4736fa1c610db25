# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after every package's deactivate script (conda runs them Z→A) and puts every Go variable
# back as activate-a00-gocross.csh found it before any package's hook ran: unset stays unset.
set _gocross_level = 0
if ( $?CONDA_SHLVL ) then
  if ( "$CONDA_SHLVL" != "" ) set _gocross_level = "$CONDA_SHLVL"
endif

@BODY.line@

unset _gocross_level _gocross_s _gocross_v
