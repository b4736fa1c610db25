# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs before every package's activate script (conda sorts them A→Z) and saves the shell's Go
# variables ("unset" apart from "empty"), keyed by CONDA_SHLVL. deactivate-a00-gocross.fish, the
# last deactivate script, puts them back, also those another package's hook never restores.
set -g _gocross_level 0
set -q CONDA_SHLVL; and test -n "$CONDA_SHLVL"; and set -g _gocross_level $CONDA_SHLVL

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

@BODY.line@

functions -e _gocross_save
set -e _gocross_level
