# gocross-managed hook: written by `gocross init`; it rewrites or removes this file.
# Runs after the packages' activate scripts (conda-forge's Go hooks are …-z61-…), so what this
# env's target needs wins: GOROOT and its bin first on PATH, GOOS/GOARCH, CGO_ENABLED, GOFLAGS
# without the flags that break the target. activate-a00-gocross.fish saved everything before.
function _gocross_set
    set -gx $argv[1] $argv[2]
end

function _gocross_clear
    set -e $argv[1]
end

# Takes every FLAG word out of GOFLAGS; an empty GOFLAGS is unset.
function _gocross_goflags_drop
    set -q GOFLAGS; or return 0
    set -l words (string split -n ' ' -- (string replace -a \t ' ' -- "$GOFLAGS"))
    set -l kept
    for word in $words
        test "$word" = $argv[1]; or set -a kept $word
    end
    test (count $kept) -eq (count $words); and return 0
    if test (count $kept) -gt 0
        set -gx GOFLAGS (string join ' ' -- $kept)
    else
        set -e GOFLAGS
    end
end

# Appends FLAG to GOFLAGS unless it is there.
function _gocross_goflags_add
    set -l words
    set -q GOFLAGS; and set words (string split -n ' ' -- (string replace -a \t ' ' -- "$GOFLAGS"))
    contains -- $argv[1] $words; and return 0
    set -gx GOFLAGS (string join ' ' -- $words $argv[1])
end

# Takes ENTRY out of the part of PATH before $CONDA_PREFIX/bin. Only hooks of this activation
# put entries there, or conda itself: on reactivation and on a switch from another env, conda
# runs the deactivate scripts and then exports a PATH it computed before they ran, which brings
# back what they took out. An entry the shell had elsewhere on PATH is left alone.
function _gocross_forget
    set -q CONDA_PREFIX; or return 0
    set -l bin (contains -i -- "$CONDA_PREFIX/bin" $PATH); or return 0
    set -l kept
    for i in (seq (count $PATH))
        if test $i -ge $bin; or test "$PATH[$i]" != $argv[1]
            set -a kept $PATH[$i]
        end
    end
    set -gx PATH $kept
end

# Without --stack, conda deactivated the env below this level before activating this one: the
# PATH entries its gocross hooks add (listed in its etc/gocross/path-entries) came back; forget them.
function _gocross_forget_replaced
    set -q CONDA_SHLVL; and test -n "$CONDA_SHLVL"; or return 0
    set -l below (math $CONDA_SHLVL - 1)
    test $below -ge 1; or return 0
    set -l stacked CONDA_STACKED_$CONDA_SHLVL
    set -q $stacked; and test -n "$$stacked"; and return 0
    set -l lower CONDA_PREFIX_$below
    set -q $lower; or return 0
    set -l file "$$lower/etc/gocross/path-entries"
    test -f "$file"; or return 0
    for entry in (string match -v -r '^(#|$)' < "$file")
        _gocross_forget $entry
    end
end

function _gocross_path_prepend
    set -gx PATH $argv[1] $PATH
end

_gocross_forget_replaced
@BODY.line@

functions -e _gocross_set _gocross_clear _gocross_goflags_drop _gocross_goflags_add _gocross_forget _gocross_forget_replaced _gocross_path_prepend
