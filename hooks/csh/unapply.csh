# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs first on deactivation: takes the PATH entries activate-z90-gocross.csh added out of PATH
# (the first occurrence of each, wherever it is now). deactivate-a00-gocross.csh, which runs
# last, puts the variables back.

@BODY.line@

unset _gocross_p _gocross_new _gocross_done
