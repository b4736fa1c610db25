# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after every package's deactivate script (mamba runs them Z→A) and puts every Go variable
# back as activate-a00-gocross.nu found it before any package's hook ran: unset stays unset.
# nushell (mamba, micromamba).

# A def sees no variable of the file it is in, so each helper reads the level itself.
def _gocross_level [] {
    if ($env.CONDA_SHLVL? | is-empty) { '0' } else { $env.CONDA_SHLVL | into string }
}

def --env _gocross_restore [name: string] {
    let saved = $"_GOCROSS_SAVED_(_gocross_level)_($name)"
    let value = $"_GOCROSS_VALUE_(_gocross_level)_($name)"
    if ($saved in $env) {
        if (($env | get $saved) == '1') {
            load-env { $name: ($env | get $value) }
            hide-env $value
        } else if ($name in $env) {
            hide-env $name
        }
        hide-env $saved
    }
}

@BODY.line@

hide _gocross_level
hide _gocross_restore
