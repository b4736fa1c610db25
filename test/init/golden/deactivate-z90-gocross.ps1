# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Deactivates Go for this env (PowerShell): removes the PATH entries the activate hook added and
# puts every variable back as it was.
$_gocross_level = if ($env:CONDA_SHLVL) { $env:CONDA_SHLVL } else { '0' }

function _gocross_restore([string]$Name) {
    $saved = "_GOCROSS_SAVED_${_gocross_level}_$Name"
    $value = "_GOCROSS_VALUE_${_gocross_level}_$Name"
    if (Test-Path "env:$saved") {
        if ((Get-Item "env:$saved").Value -eq '1') {
            Set-Item "env:$Name" (Get-Item "env:$value").Value
        } else {
            Remove-Item "env:$Name" -ErrorAction SilentlyContinue
        }
        Remove-Item "env:$saved", "env:$value" -ErrorAction SilentlyContinue
    }
}

function _gocross_path_remove([string]$Entry) {
    $env:PATH = @($env:PATH -split [IO.Path]::PathSeparator | Where-Object { $_ -ne $Entry }) -join [IO.Path]::PathSeparator
}

_gocross_path_remove '/home/u/.local/share/gocross/sdk/go1.23.4/bin'
_gocross_path_remove '/opt/conda/envs/tools/etc/gocross/bin'
_gocross_restore GOROOT
_gocross_restore GOBIN
_gocross_restore GOPATH
_gocross_restore GOMODCACHE
_gocross_restore GOFLAGS
_gocross_restore GOTOOLCHAIN
_gocross_restore GOOS
_gocross_restore GOARCH
_gocross_restore GOARM
_gocross_restore CGO_ENABLED
_gocross_restore GOAMD64

Remove-Item function:_gocross_restore, function:_gocross_path_remove
Remove-Variable _gocross_level
