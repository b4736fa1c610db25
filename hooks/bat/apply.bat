@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Runs after the packages' activate scripts (conda-forge's Go hooks are ...-z61-...), so what
@REM this env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED,
@REM GOFLAGS without the flags that break the target. activate-a00-gocross.bat saved everything
@REM before. cmd.exe; calling it twice changes nothing.
@REM With ECHO on, cmd echoes the commands it runs: the work is done in a CALL whose output is
@REM thrown away (the hooks print nothing; errors still reach stderr).
@call :gocross_main >nul
@for %%v in (_gocross_e _gocross_p _gocross_new _gocross_past _gocross_changed _gocross_found _gocross_below _gocross_file) do @set "%%v="
@goto :eof

:gocross_main
call :gocross_forget_replaced
@BODY.line@
goto :eof

@REM Without --stack, conda deactivated the env below this level before activating this one: the
@REM PATH entries its gocross hooks add (listed in its etc\gocross\path-entries) came back.
:gocross_forget_replaced
set /a "_gocross_below=CONDA_SHLVL-1"
if %_gocross_below% LSS 1 goto :eof
if defined CONDA_STACKED_%CONDA_SHLVL% goto :eof
if not defined CONDA_PREFIX_%_gocross_below% goto :eof
call set "_gocross_file=%%CONDA_PREFIX_%_gocross_below%%%\etc\gocross\path-entries"
if not exist "%_gocross_file%" goto :eof
for /f "usebackq eol=# delims=" %%e in ("%_gocross_file%") do (set "_gocross_e=%%e" & call :gocross_forget)
goto :eof

@REM Takes every _gocross_e out of the part of PATH before the env's first directory: conda puts
@REM the prefix itself first (then Library\mingw-w64\bin, Library\usr\bin, Library\bin, Scripts,
@REM bin). Only hooks of this activation put entries there, or conda itself: on reactivation and
@REM on a switch from another env, conda runs the deactivate scripts and then sets a PATH it
@REM computed before they ran, which brings back what they took out. An entry the shell had
@REM elsewhere on PATH is left alone. Inside FOR a percent expansion is the value from before
@REM the loop, so each entry goes to a CALLed step.
:gocross_forget
if not defined _gocross_e goto :eof
if not defined CONDA_PREFIX goto :eof
if not defined PATH goto :eof
set "_gocross_new="
set "_gocross_past="
set "_gocross_changed="
for %%p in ("%PATH:;=" "%") do (set "_gocross_p=%%~p" & call :gocross_forget_step)
if defined _gocross_past if defined _gocross_changed set "PATH=%_gocross_new:~1%"
goto :eof

:gocross_forget_step
if /i "%_gocross_p%"=="%CONDA_PREFIX%" set "_gocross_past=1"
if defined _gocross_past goto gocross_keep
if /i not "%_gocross_p%"=="%_gocross_e%" goto gocross_keep
set "_gocross_changed=1"
goto :eof

:gocross_keep
set "_gocross_new=%_gocross_new%;%_gocross_p%"
goto :eof

@REM Takes every word equal to _gocross_e out of GOFLAGS (Go splits it on white space; its flags
@REM are case-sensitive); an empty GOFLAGS is unset. Quoted FOR items keep the = of a flag.
:gocross_goflags_drop
if not defined GOFLAGS goto :eof
set "_gocross_new="
set "_gocross_changed="
for %%f in ("%GOFLAGS: =" "%") do (set "_gocross_p=%%~f" & call :gocross_drop_step)
if not defined _gocross_changed goto :eof
set "GOFLAGS="
if defined _gocross_new set "GOFLAGS=%_gocross_new:~1%"
goto :eof

:gocross_drop_step
if not defined _gocross_p goto :eof
if not "%_gocross_p%"=="%_gocross_e%" goto gocross_keep_word
set "_gocross_changed=1"
goto :eof

:gocross_keep_word
set "_gocross_new=%_gocross_new% %_gocross_p%"
goto :eof

@REM Appends _gocross_e to GOFLAGS unless it is there.
:gocross_goflags_add
if not defined GOFLAGS set "GOFLAGS=%_gocross_e%"
set "_gocross_found="
for %%f in ("%GOFLAGS: =" "%") do (set "_gocross_p=%%~f" & call :gocross_find_step)
if not defined _gocross_found set "GOFLAGS=%GOFLAGS% %_gocross_e%"
goto :eof

:gocross_find_step
if "%_gocross_p%"=="%_gocross_e%" set "_gocross_found=1"
goto :eof
