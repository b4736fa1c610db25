# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after the packages' activate scripts (conda-forge's Go hooks are …-z61-…), so what this
# env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED, GOFLAGS
# without the flags that break the target. activate-a00-gocross.csh saved everything before.
# csh has no functions: each step is written out (PATH is csh's `path` array).

@BODY.line@

unset _gocross_e _gocross_p _gocross_new _gocross_before _gocross_below _gocross_file _gocross_w _gocross_changed
