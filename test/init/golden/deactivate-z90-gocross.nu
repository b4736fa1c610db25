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

_gocross_path_remove "/home/u/.local/share/gocross/sdk/go1.23.4/bin"
_gocross_path_remove "/opt/conda/envs/tools/etc/gocross/bin"
_gocross_restore GOROOT
_gocross_restore GOBIN
_gocross_restore GOPATH
_gocross_restore GOMODCACHE
_gocross_restore GOFLAGS
_gocross_restore GOTOOLCHAIN
_gocross_restore GOOS
_gocross_restore GOARCH
_gocross_restore GOARM
_gocross_restore CGO_ENABLED
_gocross_restore GOAMD64
