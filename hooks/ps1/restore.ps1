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

@BODY.line@

Remove-Item function:_gocross_restore
Remove-Variable _gocross_level
