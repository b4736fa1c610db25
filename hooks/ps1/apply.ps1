# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after the packages' activate scripts (conda-forge's Go hooks are …-z61-…), so what this
# env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED, GOFLAGS
# without the flags that break the target. activate-a00-gocross.ps1 saved everything before.
# PowerShell; dot-sourcing it twice changes nothing.
function _gocross_set([string]$Name, [string]$Value) {
    Set-Item "env:$Name" $Value
}

function _gocross_clear([string]$Name) {
    Remove-Item "env:$Name" -ErrorAction SilentlyContinue
}

# Go splits GOFLAGS on white space; its flags are case-sensitive (-ceq, -cne).
function _gocross_goflags_words {
    @($env:GOFLAGS -split '\s+' | Where-Object { $_ -ne '' })
}

# Takes every FLAG word out of GOFLAGS; an empty GOFLAGS is unset.
function _gocross_goflags_drop([string]$Flag) {
    if (-not $env:GOFLAGS) { return }
    $words = @(_gocross_goflags_words)
    $kept = @($words | Where-Object { $_ -cne $Flag })
    if ($kept.Count -eq $words.Count) { return }
    if ($kept.Count -gt 0) { $env:GOFLAGS = $kept -join ' ' } else { Remove-Item env:GOFLAGS }
}

# Appends FLAG to GOFLAGS unless it is there.
function _gocross_goflags_add([string]$Flag) {
    if (@(_gocross_goflags_words) -ccontains $Flag) { return }
    $env:GOFLAGS = if ($env:GOFLAGS) { "$env:GOFLAGS $Flag" } else { $Flag }
}

# Takes ENTRY out of the part of PATH before the env's own first directory: on Windows conda puts
# the prefix itself first (then Library\mingw-w64\bin, Library\usr\bin, Library\bin, Scripts,
# bin), elsewhere $CONDA_PREFIX/bin. Only hooks of this activation put entries there, or conda
# itself: on reactivation and on a switch from another env, conda runs the deactivate scripts and
# then exports a PATH it computed before they ran, which brings back what they took out. An entry
# the shell had elsewhere on PATH is left alone.
function _gocross_forget([string]$Entry) {
    if (-not $env:CONDA_PREFIX -or -not $env:PATH) { return }
    $stops = @($env:CONDA_PREFIX, [IO.Path]::Combine($env:CONDA_PREFIX, 'bin'))
    $parts = @($env:PATH -split [IO.Path]::PathSeparator)
    for ($i = 0; $i -lt $parts.Count; $i++) {
        if ($stops -contains $parts[$i]) {
            $at = $i
            $env:PATH = @(for ($j = 0; $j -lt $parts.Count; $j++) { if ($j -ge $at -or $parts[$j] -ne $Entry) { $parts[$j] } }) -join [IO.Path]::PathSeparator
            return
        }
    }
}

# Without --stack, conda deactivated the env below this level before activating this one: the
# PATH entries its gocross hooks add (listed in its etc\gocross\path-entries) came back; forget them.
function _gocross_forget_replaced {
    $level = 0
    if (-not [int]::TryParse("$env:CONDA_SHLVL", [ref]$level) -or $level -lt 2) { return }
    if ([Environment]::GetEnvironmentVariable("CONDA_STACKED_$level")) { return }
    $lower = [Environment]::GetEnvironmentVariable("CONDA_PREFIX_$($level - 1)")
    if (-not $lower) { return }
    $file = [IO.Path]::Combine($lower, 'etc', 'gocross', 'path-entries')
    if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { return }
    foreach ($entry in Get-Content -LiteralPath $file -Encoding UTF8) {
        if ($entry -and -not $entry.StartsWith('#')) { _gocross_forget $entry }
    }
}

function _gocross_path_prepend([string]$Entry) {
    $env:PATH = if ($env:PATH) { $Entry + [IO.Path]::PathSeparator + $env:PATH } else { $Entry }
}

_gocross_forget_replaced
@BODY.line@

Remove-Item function:_gocross_set, function:_gocross_clear, function:_gocross_goflags_words, function:_gocross_goflags_drop, function:_gocross_goflags_add, function:_gocross_forget, function:_gocross_forget_replaced, function:_gocross_path_prepend
