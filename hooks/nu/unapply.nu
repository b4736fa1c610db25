# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# @BODY@
