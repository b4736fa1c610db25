# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs before every package's activate script (mamba sorts them A→Z) and saves the shell's Go
# variables ("unset" apart from "empty"), keyed by CONDA_SHLVL. deactivate-a00-gocross.nu, the
# last deactivate script, puts them back, also those another package's hook never restores.
# nushell (mamba, micromamba); sourcing it twice changes nothing.

# A def sees no variable of the file it is in, so each helper reads the level itself.
def _gocross_level [] {
    if ($env.CONDA_SHLVL? | is-empty) { '0' } else { $env.CONDA_SHLVL | into string }
}

def --env _gocross_save [name: string] {
    let saved = $"_GOCROSS_SAVED_(_gocross_level)_($name)"
    if not ($saved in $env) {
        if ($name in $env) {
            load-env { $saved: '1', $"_GOCROSS_VALUE_(_gocross_level)_($name)": ($env | get $name) }
        } else {
            load-env { $saved: '0' }
        }
    }
}

@BODY.line@

hide _gocross_level
hide _gocross_save
