# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Deactivates Go for this env (fish): removes the PATH entries the activate hook added and puts
# every variable back as it was, unset stays unset.
set -g _gocross_level 0
set -q CONDA_SHLVL; and set -g _gocross_level $CONDA_SHLVL

function _gocross_restore
    set -l saved _GOCROSS_SAVED_{$_gocross_level}_$argv[1]
    set -l value _GOCROSS_VALUE_{$_gocross_level}_$argv[1]
    if set -q $saved
        if test "$$saved" = 1
            set -gx $argv[1] $$value
        else
            set -e $argv[1]
        end
        set -e $saved
        set -e $value
    end
end

function _gocross_path_remove
    if set -l i (contains -i -- $argv[1] $PATH)
        set -e PATH[$i]
    end
end

_gocross_path_remove '/home/u/.local/share/gocross/sdk/go1.23.4/bin'
_gocross_path_remove '/opt/conda/envs/tools/etc/gocross/bin'
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

functions -e _gocross_restore _gocross_path_remove
set -e _gocross_level
