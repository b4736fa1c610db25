# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Activates Go for this env (PowerShell). Every variable it touches is saved first, keyed by
# CONDA_SHLVL, so the deactivate hook restores it exactly.
$_gocross_level = if ($env:CONDA_SHLVL) { $env:CONDA_SHLVL } else { '0' }

function _gocross_save([string]$Name) {
    $saved = "_GOCROSS_SAVED_${_gocross_level}_$Name"
    if (-not (Test-Path "env:$saved")) {
        if (Test-Path "env:$Name") {
            Set-Item "env:$saved" '1'
            Set-Item "env:_GOCROSS_VALUE_${_gocross_level}_$Name" (Get-Item "env:$Name").Value
        } else {
            Set-Item "env:$saved" '0'
        }
    }
}

function _gocross_set([string]$Name, [string]$Value) {
    _gocross_save $Name
    Set-Item "env:$Name" $Value
}

function _gocross_clear([string]$Name) {
    _gocross_save $Name
    Remove-Item "env:$Name" -ErrorAction SilentlyContinue
}

function _gocross_path_prepend([string]$Entry) {
    $parts = @($env:PATH -split [IO.Path]::PathSeparator | Where-Object { $_ -ne $Entry })
    $env:PATH = (@($Entry) + $parts) -join [IO.Path]::PathSeparator
}

_gocross_set GOROOT '/home/u/.local/share/gocross/sdk/go1.23.4'
_gocross_set GOBIN '/opt/conda/envs/tools/bin'
_gocross_set GOPATH '/opt/conda/envs/tools/share/gocross/gopath'
_gocross_set GOMODCACHE '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod'
_gocross_set GOFLAGS '-modcacherw'
_gocross_set GOTOOLCHAIN 'local'
_gocross_set GOOS 'linux'
_gocross_set GOARCH 'arm'
_gocross_set GOARM '7'
_gocross_set CGO_ENABLED '0'
_gocross_clear GOAMD64
_gocross_path_prepend '/opt/conda/envs/tools/etc/gocross/bin'
_gocross_path_prepend '/home/u/.local/share/gocross/sdk/go1.23.4/bin'

Remove-Item function:_gocross_save, function:_gocross_set, function:_gocross_clear, function:_gocross_path_prepend
Remove-Variable _gocross_level
