# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after the packages' activate scripts (conda-forge's Go hooks are …-z61-…), so what this
# env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED, GOFLAGS
# without the flags that break the target. activate-a00-gocross.nu saved everything before.
# nushell (mamba, micromamba); sourcing it twice changes nothing.

def --env _gocross_set [name: string, value: string] {
    load-env { $name: $value }
}

def --env _gocross_clear [name: string] {
    if ($name in $env) { hide-env $name }
}

# PATH is a list in nushell, unless something exported it as one string.
def _gocross_path [] {
    if ($env.PATH? | describe) == 'string' { $env.PATH | split row (char esep) } else { $env.PATH? | default [] }
}

# Go splits GOFLAGS on white space.
def _gocross_goflags_words [] {
    $env.GOFLAGS? | default '' | into string | split row -r '\s+' | where {|w| $w != '' }
}

# Takes every FLAG word out of GOFLAGS; an empty GOFLAGS is unset.
def --env _gocross_goflags_drop [flag: string] {
    if not ('GOFLAGS' in $env) { return }
    let words = (_gocross_goflags_words)
    let kept = ($words | where {|w| $w != $flag })
    if ($kept | length) == ($words | length) { return }
    if ($kept | is-empty) { hide-env GOFLAGS } else { $env.GOFLAGS = ($kept | str join ' ') }
}

# Appends FLAG to GOFLAGS unless it is there.
def --env _gocross_goflags_add [flag: string] {
    if $flag in (_gocross_goflags_words) { return }
    $env.GOFLAGS = if ($env.GOFLAGS? | is-empty) { $flag } else { $"($env.GOFLAGS) ($flag)" }
}

# Takes ENTRY out of the part of PATH before the env's own directory ($CONDA_PREFIX/bin; on
# Windows the prefix itself comes first). Only hooks of this activation put entries there, or
# mamba itself: on reactivation and on a switch from another env, it runs the deactivate scripts
# and then exports a PATH it computed before they ran, which brings back what they took out. An
# entry the shell had elsewhere on PATH is left alone.
def --env _gocross_forget [entry: string] {
    if ($env.CONDA_PREFIX? | is-empty) { return }
    let stops = [$env.CONDA_PREFIX ($env.CONDA_PREFIX | path join bin)]
    let path = (_gocross_path)
    let at = ($path | enumerate | where {|it| $it.item in $stops } | get index)
    if ($at | is-empty) { return }
    let first = ($at | first)
    $env.PATH = ($path | enumerate | where {|it| $it.index >= $first or $it.item != $entry } | get item)
}

# Without --stack, mamba deactivated the env below this level before activating this one: the
# PATH entries its gocross hooks add (listed in its etc/gocross/path-entries) came back; forget them.
def --env _gocross_forget_replaced [] {
    let level = (try { $env.CONDA_SHLVL? | default '' | into string | into int } catch { 0 })
    if $level < 2 { return }
    let stacked = $"CONDA_STACKED_($level)"
    if ($stacked in $env) and not ($env | get $stacked | is-empty) { return }
    let lower = $"CONDA_PREFIX_($level - 1)"
    if not ($lower in $env) { return }
    let file = ($env | get $lower | path join etc gocross path-entries)
    if not ($file | path exists) { return }
    for entry in (open --raw $file | lines | where {|l| $l != '' and not ($l | str starts-with '#') }) {
        _gocross_forget $entry
    }
}

def --env _gocross_path_prepend [entry: string] {
    $env.PATH = ((_gocross_path) | prepend $entry)
}

_gocross_forget_replaced
@BODY.line@

hide _gocross_set
hide _gocross_clear
hide _gocross_path
hide _gocross_goflags_words
hide _gocross_goflags_drop
hide _gocross_goflags_add
hide _gocross_forget
hide _gocross_forget_replaced
hide _gocross_path_prepend
