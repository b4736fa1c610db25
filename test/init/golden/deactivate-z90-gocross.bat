@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Deactivates Go for this env (cmd.exe): removes the PATH entries the activate hook added and
@REM puts every variable back as it was.
@set "_GOCROSS_LEVEL=%CONDA_SHLVL%"
@if not defined _GOCROSS_LEVEL set "_GOCROSS_LEVEL=0"

@call set "PATH=%%PATH:/home/u/.local/share/gocross/sdk/go1.23.4/bin;=%%"
@call set "PATH=%%PATH:/opt/conda/envs/tools/etc/gocross/bin;=%%"
@call :gocross_restore GOROOT
@call :gocross_restore GOBIN
@call :gocross_restore GOPATH
@call :gocross_restore GOMODCACHE
@call :gocross_restore GOFLAGS
@call :gocross_restore GOTOOLCHAIN
@call :gocross_restore GOOS
@call :gocross_restore GOARCH
@call :gocross_restore GOARM
@call :gocross_restore CGO_ENABLED
@call :gocross_restore GOAMD64

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
