# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs first on deactivation: takes the PATH entries activate-z90-gocross.fish added out of PATH
# (the first occurrence of each, wherever it is now). deactivate-a00-gocross.fish, which runs
# last, puts the variables back.
function _gocross_path_remove
    if set -l i (contains -i -- $argv[1] $PATH)
        set -e PATH[$i]
    end
end

@BODY.line@

functions -e _gocross_path_remove
