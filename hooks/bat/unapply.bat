@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Runs first on deactivation: takes the PATH entries activate-z90-gocross.bat added out of
@REM PATH (the first occurrence of each, wherever it is now; an entry the shell also had further
@REM on stays). deactivate-a00-gocross.bat, which runs last, puts the variables back. cmd.exe.
@REM With ECHO on, cmd echoes the commands it runs: the work is done in a CALL whose output is
@REM thrown away (the hooks print nothing; errors still reach stderr).
@call :gocross_main >nul
@for %%v in (_gocross_e _gocross_p _gocross_new _gocross_done) do @set "%%v="
@goto :eof

:gocross_main
@BODY.line@
goto :eof

@REM Takes the first _gocross_e out of PATH (Windows paths: case does not matter). Inside FOR a
@REM percent expansion is the value from before the loop, so each entry goes to a CALLed step.
:gocross_path_remove
if not defined PATH goto :eof
set "_gocross_new="
set "_gocross_done="
for %%p in ("%PATH:;=" "%") do (set "_gocross_p=%%~p" & call :gocross_remove_step)
if not defined _gocross_done goto :eof
set "PATH="
if defined _gocross_new set "PATH=%_gocross_new:~1%"
goto :eof

:gocross_remove_step
if defined _gocross_done goto gocross_keep
if /i not "%_gocross_p%"=="%_gocross_e%" goto gocross_keep
set "_gocross_done=1"
goto :eof

:gocross_keep
set "_gocross_new=%_gocross_new%;%_gocross_p%"
goto :eof
