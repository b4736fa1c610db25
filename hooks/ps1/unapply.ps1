# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs first on deactivation: takes the PATH entries activate-z90-gocross.ps1 added out of PATH
# (the first occurrence of each, wherever it is now; an entry the shell also had further on
# stays). deactivate-a00-gocross.ps1, which runs last, puts the variables back. PowerShell.
function _gocross_path_remove([string]$Entry) {
    if (-not $env:PATH) { return }
    $parts = @($env:PATH -split [IO.Path]::PathSeparator)
    for ($i = 0; $i -lt $parts.Count; $i++) {
        if ($parts[$i] -eq $Entry) {
            $at = $i
            $env:PATH = @(for ($j = 0; $j -lt $parts.Count; $j++) { if ($j -ne $at) { $parts[$j] } }) -join [IO.Path]::PathSeparator
            return
        }
    }
}

@BODY.line@

Remove-Item function:_gocross_path_remove
