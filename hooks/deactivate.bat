@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Deactivates Go for this env (cmd.exe): removes the PATH entries the activate hook added and
@REM puts every variable back as it was.
@set "_GOCROSS_LEVEL=%CONDA_SHLVL%"
@if not defined _GOCROSS_LEVEL set "_GOCROSS_LEVEL=0"

@REM @BODY@

@set "_GOCROSS_LEVEL="
@set "_gocross_s="
@goto :eof

:gocross_restore
@call set "_gocross_s=%%_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1%%"
@if not defined _gocross_s goto :eof
@if "%_gocross_s%"=="1" (
  @call set "%1=%%_GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1%%"
) else (
  @set "%1="
)
@set "_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1="
@set "_GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1="
@goto :eof
