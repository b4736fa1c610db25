# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Activates Go for this env (nushell, for mamba). Every variable it touches is saved first,
# keyed by CONDA_SHLVL, so the deactivate hook restores it exactly.
def --env _gocross_save [name: string] {
    let level = ($env.CONDA_SHLVL? | default '0')
    let saved = $"_GOCROSS_SAVED_($level)_($name)"
    if not ($saved in $env) {
        if ($name in $env) {
            load-env { $saved: '1', $"_GOCROSS_VALUE_($level)_($name)": ($env | get $name) }
        } else {
            load-env { $saved: '0' }
        }
    }
}

def --env _gocross_set [name: string, value: string] {
    _gocross_save $name
    load-env { $name: $value }
}

def --env _gocross_clear [name: string] {
    _gocross_save $name
    if ($name in $env) { hide-env $name }
}

def --env _gocross_path_prepend [entry: string] {
    $env.PATH = ($env.PATH | where {|p| $p != $entry } | prepend $entry)
}

_gocross_set GOROOT "/home/u/.local/share/gocross/sdk/go1.23.4"
_gocross_set GOBIN "/opt/conda/envs/tools/bin"
_gocross_set GOPATH "/opt/conda/envs/tools/share/gocross/gopath"
_gocross_set GOMODCACHE "/opt/conda/envs/tools/share/gocross/gopath/pkg/mod"
_gocross_set GOFLAGS "-modcacherw"
_gocross_set GOTOOLCHAIN "local"
_gocross_set GOOS "linux"
_gocross_set GOARCH "arm"
_gocross_set GOARM "7"
_gocross_set CGO_ENABLED "0"
_gocross_clear GOAMD64
_gocross_path_prepend "/opt/conda/envs/tools/etc/gocross/bin"
_gocross_path_prepend "/home/u/.local/share/gocross/sdk/go1.23.4/bin"
