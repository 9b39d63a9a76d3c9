# bash completion for ess-eval                                      -*- shell-script -*-
#
# Install: source this file from ~/.bashrc, or copy it to
# /usr/share/bash-completion/completions/ess-eval (or ~/.local/share/bash-completion/completions/).
# Works with plain bash (no bash-completion package needed). Keep the option lists in step with
# src/cli/main.cpp and man/ess-eval.1; tests/schema/check-completion.sh checks the main cases.

_ess_eval_commands="validate score rank letter pack template grid sensitivity schema"
_ess_eval_grid_commands="show diff test impact"

# Options that take a value (the next word, or after '=').
_ess_eval_takes_value() {
  case $1 in
    --grid | -f | --format | -o | --output | --out-dir | --lang | -j | --jobs | --diagnostics | \
      --max-file-size | --csv-sep | --consolidate | --files-from | --call | --territory | \
      --theme | --group-by | --budget | --spread | --samples | --seed | --letterhead | --date | \
      --audience)
      return 0
      ;;
  esac
  return 1
}

# The options of one command ("grid show", "rank", ...).
_ess_eval_options() {
  local common="--grid --lang -j --jobs --strict -q --quiet -v --verbose --diagnostics
    --max-file-size -h --help"
  local formats="-f --format -o --output --csv-sep"
  case $1 in
    validate) echo "$common --files-from --follow" ;;
    score) echo "$common $formats --consolidate --call --out-dir --follow" ;;
    rank)
      echo "$common $formats --consolidate --files-from --call --territory --theme --group-by --budget --follow"
      ;;
    letter) echo "$common --consolidate --call --out-dir --letterhead --date --follow" ;;
    pack)
      echo "$common -f --format -o --output --consolidate --call --budget --group-by --audience --follow"
      ;;
    template | "grid show") echo "$common -o --output" ;;
    "grid diff") echo "$common $formats --check-version" ;;
    "grid test") echo "$common" ;;
    "grid impact") echo "$common $formats --consolidate --fail-on-decision-change --follow" ;;
    sensitivity) echo "$common $formats --consolidate --spread --samples --seed --follow" ;;
    schema | grid) echo "-h --help" ;;
    *) echo "-h --help --version" ;;
  esac
}

# Grid ids: the *.yaml and *.yml files in $ESS_EVAL_GRID_PATH (':'-separated) and ./criteria.
_ess_eval_grid_ids() {
  local dir file
  local -a dirs=()
  [[ -n ${ESS_EVAL_GRID_PATH-} ]] && IFS=: read -ra dirs <<<"$ESS_EVAL_GRID_PATH"
  dirs+=(criteria)
  for dir in "${dirs[@]}"; do
    [[ -d $dir ]] || continue
    for file in "$dir"/*.yaml "$dir"/*.yml; do
      [[ -f $file ]] || continue
      file=${file##*/}
      printf '%s\n' "${file%.*}"
    done
  done
}

# Call ids: calls/*.yaml beside the grids ($ESS_EVAL_GRID_PATH, ./criteria).
_ess_eval_call_ids() {
  local dir file
  local -a dirs=()
  [[ -n ${ESS_EVAL_GRID_PATH-} ]] && IFS=: read -ra dirs <<<"$ESS_EVAL_GRID_PATH"
  dirs+=(criteria)
  for dir in "${dirs[@]}"; do
    for file in "$dir"/calls/*.yaml "$dir"/calls/*.yml; do
      [[ -f $file ]] || continue
      file=${file##*/}
      printf '%s\n' "${file%.*}"
    done
  done
}

# Adds the words of $2 (newline-separated) that start with $1 to COMPREPLY.
_ess_eval_add() {
  local word
  while IFS= read -r word; do
    [[ -n $word && $word == "$1"* ]] && COMPREPLY+=("$word")
  done <<<"$2"
}

# Files: folders, and *.yaml/*.yml files unless $2 is "any".
_ess_eval_files() {
  local cur=$1
  compopt -o filenames 2>/dev/null
  if [[ ${2-} == any ]]; then
    _ess_eval_add "$cur" "$(compgen -f -- "$cur")"
  else
    _ess_eval_add "$cur" "$(compgen -d -- "$cur")"
    _ess_eval_add "$cur" "$(compgen -f -X '!*.yaml' -- "$cur")"
    _ess_eval_add "$cur" "$(compgen -f -X '!*.yml' -- "$cur")"
  fi
}

# Values of an option of command $3; returns 1 when the option takes no value.
_ess_eval_values() {
  local option=$1 cur=$2 command=${3-}
  case $option in
    -f | --format)
      case $command in
        rank) _ess_eval_add "$cur" "$(printf '%s\n' md csv json scdl)" ;;
        pack) _ess_eval_add "$cur" "$(printf '%s\n' html md)" ;;
        *) _ess_eval_add "$cur" "$(printf '%s\n' md csv json)" ;;
      esac
      ;;
    --audience) _ess_eval_add "$cur" "$(printf '%s\n' committee public)" ;;
    --call)
      _ess_eval_add "$cur" "$(_ess_eval_call_ids | sort -u)"
      _ess_eval_files "$cur"
      ;;
    --letterhead) _ess_eval_files "$cur" ;;
    --lang) _ess_eval_add "$cur" "$(printf '%s\n' fr en)" ;;
    --consolidate) _ess_eval_add "$cur" "$(printf '%s\n' mean median min)" ;;
    --group-by) _ess_eval_add "$cur" "$(printf '%s\n' territory theme call)" ;;
    --diagnostics) _ess_eval_add "$cur" "$(printf '%s\n' gnu github json)" ;;
    --csv-sep) _ess_eval_add "$cur" "$(printf '%s\n' , ';')" ;;
    --grid) _ess_eval_files "$cur" ;;
    -o | --output | --files-from) _ess_eval_files "$cur" any ;;
    --out-dir)
      compopt -o filenames 2>/dev/null
      _ess_eval_add "$cur" "$(compgen -d -- "$cur")"
      ;;
    -j | --jobs | --max-file-size | --territory | --theme | --budget | --spread | \
      --samples | --seed | --date) ;; # free values: nothing to offer
    *) return 1 ;;
  esac
  return 0
}

_ess_eval() {
  COMPREPLY=()
  local cur=${COMP_WORDS[COMP_CWORD]-}
  local prev=
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

  # --option=value: bash splits it into "--option" "=" "value" (COMP_WORDBREAKS has '='),
  # or hands over one word when called directly.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  [[ $prev == = ]] && prev=

  # The command (and grid subcommand) typed so far, skipping options and their values.
  local command= word i after_dashes= positionals=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == = ]]; then
      ((i++)) # the value of --option=value
      continue
    fi
    if [[ -z $after_dashes && $word == -- ]]; then
      after_dashes=1
      continue
    fi
    if [[ -z $after_dashes && $word == -* ]]; then
      if _ess_eval_takes_value "$word" && [[ ${COMP_WORDS[i + 1]-} != = ]]; then
        ((i++))
      fi
      continue
    fi
    if [[ -z $command ]]; then
      command=$word
    elif [[ $command == grid ]]; then
      command="grid $word"
    else
      ((positionals++))
    fi
  done

  # --option=value in one word (when called directly).
  if [[ $cur == --*=* ]]; then
    local option=${cur%%=*} value=${cur#*=}
    if _ess_eval_values "$option" "$value" "$command"; then
      for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]="$option=${COMPREPLY[i]}"; done
    fi
    return 0
  fi

  # A value for the option before the cursor.
  if [[ -n $prev && -z $after_dashes ]] && _ess_eval_takes_value "$prev"; then
    _ess_eval_values "$prev" "$cur" "$command"
    return 0
  fi

  if [[ -z $after_dashes && $cur == -* ]]; then
    _ess_eval_add "$cur" "$(printf '%s\n' $(_ess_eval_options "$command"))"
    return 0
  fi

  case $command in
    "")
      _ess_eval_add "$cur" "$(printf '%s\n' $_ess_eval_commands)"
      ;;
    grid)
      _ess_eval_add "$cur" "$(printf '%s\n' $_ess_eval_grid_commands)"
      ;;
    schema)
      ((positionals == 0)) && _ess_eval_add "$cur" "$(printf '%s\n' grid dossier call)"
      ;;
    template | "grid show" | "grid test")
      # GRID: an id (from $ESS_EVAL_GRID_PATH and ./criteria) or a file.
      if ((positionals == 0)); then
        _ess_eval_add "$cur" "$(_ess_eval_grid_ids | sort -u)"
        _ess_eval_files "$cur"
      fi
      ;;
    "grid "*) # diff, impact: OLD NEW (files or REV:PATH), then dossiers
      _ess_eval_files "$cur"
      ;;
    validate | score | rank | letter | pack | sensitivity)
      _ess_eval_files "$cur"
      ;;
  esac
  return 0
}

complete -F _ess_eval ess-eval
