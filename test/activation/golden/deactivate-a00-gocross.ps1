# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after every package's deactivate script (conda runs them Z→A) and puts every Go variable
# back as activate-a00-gocross.ps1 found it before any package's hook ran: unset stays unset.
# PowerShell.
$_gocross_level = if ($env:CONDA_SHLVL) { $env:CONDA_SHLVL } else { '0' }

function _gocross_restore([string]$Name) {
    $saved = "_GOCROSS_SAVED_${_gocross_level}_$Name"
    $value = "_GOCROSS_VALUE_${_gocross_level}_$Name"
    if (Test-Path "env:$saved") {
        # PowerShell cannot hold an empty variable: a saved '' was not kept, and stays unset.
        if ((Get-Item "env:$saved").Value -eq '1' -and (Test-Path "env:$value")) {
            Set-Item "env:$Name" (Get-Item "env:$value").Value
        } else {
            Remove-Item "env:$Name" -ErrorAction SilentlyContinue
        }
        Remove-Item "env:$saved", "env:$value" -ErrorAction SilentlyContinue
    }
}

_gocross_restore GOROOT
_gocross_restore GOPATH
_gocross_restore GOBIN
_gocross_restore GOMODCACHE
_gocross_restore GOTOOLCHAIN
_gocross_restore GOOS
_gocross_restore GOARCH
_gocross_restore GOARM
_gocross_restore GOAMD64
_gocross_restore CGO_ENABLED
_gocross_restore GOFLAGS
_gocross_restore CC
_gocross_restore CXX
_gocross_restore CGO_CFLAGS
_gocross_restore CGO_LDFLAGS

Remove-Item function:_gocross_restore
Remove-Variable _gocross_level
