# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Deactivates Go for this env (nushell, for mamba): removes the PATH entries the activate hook
# added and puts every variable back as it was.
def --env _gocross_restore [name: string] {
    let level = ($env.CONDA_SHLVL? | default '0')
    let saved = $"_GOCROSS_SAVED_($level)_($name)"
    let value = $"_GOCROSS_VALUE_($level)_($name)"
    if ($saved in $env) {
        if (($env | get $saved) == '1') {
            load-env { $name: ($env | get $value) }
        } else if ($name in $env) {
            hide-env $name
        }
        hide-env $saved
        if ($value in $env) { hide-env $value }
    }
}

def --env _gocross_path_remove [entry: string] {
    $env.PATH = ($env.PATH | where {|p| $p != $entry })
}

# @BODY@
