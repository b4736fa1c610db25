# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs before every package's activate script (conda sorts them A→Z) and saves the shell's Go
# variables, keyed by CONDA_SHLVL (an environment variable is a value or unset: setting one to ''
# removes it). deactivate-a00-gocross.ps1, the last deactivate script, puts them back, also those
# another package's hook never restores. PowerShell; dot-sourcing it twice changes nothing.
$_gocross_level = if ($env:CONDA_SHLVL) { $env:CONDA_SHLVL } else { '0' }

function _gocross_save([string]$Name) {
    $saved = "_GOCROSS_SAVED_${_gocross_level}_$Name"
    if (-not (Test-Path "env:$saved")) {
        if (Test-Path "env:$Name") {
            $value = (Get-Item "env:$Name").Value
            if ($value) { Set-Item "env:_GOCROSS_VALUE_${_gocross_level}_$Name" $value }
            Set-Item "env:$saved" '1'
        } else {
            Set-Item "env:$saved" '0'
        }
    }
}

@BODY.line@

Remove-Item function:_gocross_save
Remove-Variable _gocross_level
