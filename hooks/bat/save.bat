@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Runs before every package's activate script (conda sorts them A to Z) and saves the Go
@REM variables, keyed by CONDA_SHLVL: a value, or unset (cmd has no empty variables). The last
@REM deactivate script, deactivate-a00-gocross.bat, puts them back, also those another package's
@REM hook never restores. cmd.exe; calling it twice changes nothing.
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

@REM The argument is a variable name; CALL expands its value once the line has been read, and
@REM a value that comes out of an expansion is not expanded again.
:gocross_save
if defined _GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1 goto :eof
set "_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1=0"
if not defined %1 goto :eof
set "_GOCROSS_SAVED_%_GOCROSS_LEVEL%_%1=1"
call set "_GOCROSS_VALUE_%_GOCROSS_LEVEL%_%1=%%%1%%"
goto :eof
