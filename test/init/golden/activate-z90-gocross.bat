@REM gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
@REM Activates Go for this env (cmd.exe). Every variable it touches is saved first, keyed by
@REM CONDA_SHLVL, so the deactivate hook restores it exactly.
@set "_GOCROSS_LEVEL=%CONDA_SHLVL%"
@if not defined _GOCROSS_LEVEL set "_GOCROSS_LEVEL=0"

@call :gocross_save GOROOT
@set "GOROOT=/home/u/.local/share/gocross/sdk/go1.23.4"
@call :gocross_save GOBIN
@set "GOBIN=/opt/conda/envs/tools/bin"
@call :gocross_save GOPATH
@set "GOPATH=/opt/conda/envs/tools/share/gocross/gopath"
@call :gocross_save GOMODCACHE
@set "GOMODCACHE=/opt/conda/envs/tools/share/gocross/gopath/pkg/mod"
@call :gocross_save GOFLAGS
@set "GOFLAGS=-modcacherw"
@call :gocross_save GOTOOLCHAIN
@set "GOTOOLCHAIN=local"
@call :gocross_save GOOS
@set "GOOS=linux"
@call :gocross_save GOARCH
@set "GOARCH=arm"
@call :gocross_save GOARM
@set "GOARM=7"
@call :gocross_save CGO_ENABLED
@set "CGO_ENABLED=0"
@call :gocross_save GOAMD64
@set "GOAMD64="
@call set "PATH=%%PATH:/opt/conda/envs/tools/etc/gocross/bin;=%%"
@set "PATH=/opt/conda/envs/tools/etc/gocross/bin;%PATH%"
@call set "PATH=%%PATH:/home/u/.local/share/gocross/sdk/go1.23.4/bin;=%%"
@set "PATH=/home/u/.local/share/gocross/sdk/go1.23.4/bin;%PATH%"

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
