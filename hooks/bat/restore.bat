@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Runs after every package's deactivate script (conda runs them Z to A) and puts every Go
@REM variable back as activate-a00-gocross.bat found it before any package's hook ran: unset
@REM stays unset. cmd.exe.
@REM With ECHO on, cmd echoes the commands it runs: the work is done in a CALL whose output is
@REM thrown away (the hooks print nothing; errors still reach stderr).
@call :gocross_main >nul
@set "_GOCROSS_LEVEL="
@goto :eof

:gocross_main
set "_GOCROSS_LEVEL=%CONDA_SHLVL%"
if not defined _GOCROSS_LEVEL set "_GOCROSS_LEVEL=0"
@BODY.line@
goto :eof

@REM A saved value exists only for a variable that had one.
:gocross_restore
if not defined _GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1 goto :eof
set "%1="
if defined _GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1 call set "%1=%%_GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1%%"
set "_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1="
set "_GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1="
goto :eof
