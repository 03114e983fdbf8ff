# bash completion for conc-lint; installed as
# share/bash-completion/completions/conc-lint.
_conc_lint()
{
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    # after "--" come compiler arguments: complete files only
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} == -- ]] && { COMPREPLY=($(compgen -f -- "$cur")); return; }
    done
    case $prev in
        -f|--format)
            COMPREPLY=($(compgen -W "text sarif sarif-upload json github html" -- "$cur")); return ;;
        --fail-on)
            COMPREPLY=($(compgen -W "note warning error none" -- "$cur")); return ;;
        --enable|--disable|--explain)
            local rules
            rules=$("${COMP_WORDS[0]}" --list-rules 2>/dev/null | awk '{print $1; print $2}')
            COMPREPLY=($(compgen -W "$rules" -- "${cur##*,}"))
            return ;;
        --scope)
            COMPREPLY=($(compgen -W "program file" -- "$cur")); return ;;
        -p|--compile-commands|-o|--output|--config|--baseline|--stdin-filename)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --cache-dir|--srcroot|--link)
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -j|--jobs|--shard|--tu-timeout|--tu-memory)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-p --compile-commands -j --jobs -f --format -o --output
            --fail-on --config --print-config --baseline --enable --disable --srcroot
            --scope --stdin-filename
            --verify --list-rules --list-checks --explain --cache-dir --no-cache --shard
            --link --tu-timeout --tu-memory --analyze-generated --stats --progress -q --quiet --color=auto --color=always --color=never
            --dump-ir --version -h --help --" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _conc_lint conc-lint
