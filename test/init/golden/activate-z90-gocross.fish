# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Activates Go for this env (fish). Every variable it touches is saved first ("unset" apart
# from "empty"), keyed by CONDA_SHLVL, so the deactivate hook restores it exactly.
set -g _gocross_level 0
set -q CONDA_SHLVL; and set -g _gocross_level $CONDA_SHLVL

function _gocross_save
    set -l saved _GOCROSS_SAVED_{$_gocross_level}_$argv[1]
    set -l value _GOCROSS_VALUE_{$_gocross_level}_$argv[1]
    if not set -q $saved
        if set -q $argv[1]
            set -g $saved 1
            set -g $value $$argv[1]
        else
            set -g $saved 0
        end
    end
end

function _gocross_set
    _gocross_save $argv[1]
    set -gx $argv[1] $argv[2]
end

function _gocross_clear
    _gocross_save $argv[1]
    set -e $argv[1]
end

function _gocross_path_prepend
    if set -l i (contains -i -- $argv[1] $PATH)
        set -e PATH[$i]
    end
    set -gx PATH $argv[1] $PATH
end

_gocross_set GOROOT '/home/u/.local/share/gocross/sdk/go1.23.4'
_gocross_set GOBIN '/opt/conda/envs/tools/bin'
_gocross_set GOPATH '/opt/conda/envs/tools/share/gocross/gopath'
_gocross_set GOMODCACHE '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod'
_gocross_set GOFLAGS '-modcacherw'
_gocross_set GOTOOLCHAIN 'local'
_gocross_set GOOS 'linux'
_gocross_set GOARCH 'arm'
_gocross_set GOARM '7'
_gocross_set CGO_ENABLED '0'
_gocross_clear GOAMD64
_gocross_path_prepend '/opt/conda/envs/tools/etc/gocross/bin'
_gocross_path_prepend '/home/u/.local/share/gocross/sdk/go1.23.4/bin'

functions -e _gocross_save _gocross_set _gocross_clear _gocross_path_prepend
set -e _gocross_level
