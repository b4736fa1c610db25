@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Activates Go for this env (cmd.exe). Every variable it touches is saved first, keyed by
@REM CONDA_SHLVL, so the deactivate hook restores it exactly.
@set "_GOCROSS_LEVEL=%CONDA_SHLVL%"
@if not defined _GOCROSS_LEVEL set "_GOCROSS_LEVEL=0"

@REM @BODY@

@set "_GOCROSS_LEVEL="
@set "_gocross_s="
@goto :eof

:gocross_save
@call set "_gocross_s=%%_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1%%"
@if defined _gocross_s goto :eof
@if defined %1 (
  @call set "_GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1=%%%1%%"
  @set "_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1=1"
) else (
  @set "_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1=0"
)
@goto :eof
