# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after every package's deactivate script (conda runs them Z→A) and puts every Go variable
# back as activate-a00-gocross.fish found it before any package's hook ran: unset stays unset.
set -g _gocross_level 0
set -q CONDA_SHLVL; and test -n "$CONDA_SHLVL"; and set -g _gocross_level $CONDA_SHLVL

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

@BODY.line@

functions -e _gocross_restore
set -e _gocross_level
