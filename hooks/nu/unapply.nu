# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs first on deactivation: takes the PATH entries activate-z90-gocross.nu added out of PATH
# (the first occurrence of each, wherever it is now; an entry the shell also had further on
# stays). deactivate-a00-gocross.nu, which runs last, puts the variables back.
# nushell (mamba, micromamba).

def --env _gocross_path_remove [entry: string] {
    # PATH is a list in nushell, unless something exported it as one string.
    let path = if ($env.PATH? | describe) == 'string' { $env.PATH | split row (char esep) } else { $env.PATH? | default [] }
    let at = ($path | enumerate | where {|it| $it.item == $entry } | get index)
    if not ($at | is-empty) {
        $env.PATH = ($path | drop nth ($at | first))
    }
}

@BODY.line@

hide _gocross_path_remove
