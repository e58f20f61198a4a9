import { translator, type Translate } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';

/** What a shell needs to know of one option. */
export interface CompletionOption {
  /** `--format`, and `-o` when there is a short form. */
  readonly long: string;
  readonly short?: string | undefined;
  readonly description: string;
  /** Whether a value follows the option. */
  readonly takesValue: boolean;
  /** The values the option accepts, when they are a fixed list. */
  readonly choices?: readonly string[] | undefined;
}

/** A command (or the program itself, path ''), its options and subcommands, as the CLI declares them. */
export interface CompletionCommand {
  /** Space-separated: '', 'score', 'rubric show'. */
  readonly path: string;
  readonly description: string;
  readonly options: readonly CompletionOption[];
  readonly subcommands: readonly string[];
  /** Whether it takes paths (files, directories) as arguments. */
  readonly takesPaths: boolean;
}

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

const single = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A completion script for `shell`, generated from the commands as declared, so it cannot fall
 * behind them. `globals` are the program's options, valid after every command; `lang` is the
 * language of the script's comments (the descriptions come in the language they were declared in).
 */
export function renderCompletion(shell: Shell, commands: readonly CompletionCommand[], globals: readonly CompletionOption[], lang: Language): string {
  const say = translator(lang);
  if (shell === 'fish') return fishScript(commands, globals, say);
  return shell === 'bash' ? bashScript(commands, globals, say) : zshScript(commands, globals, say);
}

const flags = (options: readonly CompletionOption[]): string[] => options.flatMap((option) => (option.short ? [option.short, option.long] : [option.long]));

/** The case arms shared by bash and zsh: which words an option's value, a command's options and its subcommands are. */
function shellTables(commands: readonly CompletionCommand[], globals: readonly CompletionOption[]): string[] {
  const all = [...globals, ...commands.flatMap((command) => command.options)];
  const valued = [...new Set(flags(all.filter((option) => option.takesValue)))];
  const lines = [
    `_swadaya_commands=(${commands.map((command) => single(command.path)).join(' ')})`,
    `_swadaya_valued=' ${valued.join(' ')} '`,
    '_swadaya_choices() {',
    '  case "$1|$2" in',
  ];
  // An option's values depend on the command (score --format differs from validate --format).
  for (const command of commands) {
    for (const option of command.options) {
      if (option.choices) for (const flag of flags([option])) lines.push(`    ${single(`${command.path}|${flag}`)}) echo ${single(option.choices.join(' '))} ;;`);
    }
  }
  for (const option of globals) {
    if (option.choices) for (const flag of flags([option])) lines.push(`    *${single(`|${flag}`)}) echo ${single(option.choices.join(' '))} ;;`);
  }
  lines.push('  esac', '}', '_swadaya_words_for() {', '  case "$1" in');
  for (const command of commands) {
    const words = [...flags(command.options), ...flags(globals), ...command.subcommands];
    lines.push(`    ${single(command.path)}) echo ${single(words.join(' '))} ;;`);
  }
  lines.push('  esac', '}', '_swadaya_takes_paths() {', '  case "$1" in');
  const withPaths = commands.filter((command) => command.takesPaths).map((command) => single(command.path));
  if (withPaths.length > 0) lines.push(`    ${withPaths.join('|')}) return 0 ;;`);
  lines.push('  esac', '  return 1', '}');
  return lines;
}

/** The command path among the words before the cursor, skipping options and their values. */
const PATH_OF_WORDS = [
  '_swadaya_path() {',
  '  local cmdpath="" skip=0 w candidate c',
  '  for w in "$@"; do',
  '    if [ "$skip" = 1 ]; then skip=0; continue; fi',
  '    case "$w" in',
  '      --*=*) continue ;;',
  '      -*) case "$_swadaya_valued" in *" $w "*) skip=1 ;; esac; continue ;;',
  '    esac',
  '    candidate="${cmdpath:+$cmdpath }$w"',
  '    for c in "${_swadaya_commands[@]}"; do',
  '      if [ "$c" = "$candidate" ]; then cmdpath="$candidate"; break; fi',
  '    done',
  '  done',
  '  echo "$cmdpath"',
  '}',
];

function bashScript(commands: readonly CompletionCommand[], globals: readonly CompletionOption[], say: Translate): string {
  return [
    `# ${say('completion.install', { shell: 'bash', command: 'swadaya completion bash > ~/.local/share/bash-completion/completions/swadaya' })}`,
    `# ${say('completion.orAdd', { file: '~/.bashrc', command: 'source <(swadaya completion bash)' })}`,
    ...shellTables(commands, globals),
    ...PATH_OF_WORDS,
    '_swadaya() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmdpath values',
    '  cmdpath=$(_swadaya_path "${COMP_WORDS[@]:1:COMP_CWORD-1}")',
    '  values=$(_swadaya_choices "$cmdpath" "$prev")',
    '  if [ -n "$values" ]; then COMPREPLY=($(compgen -W "$values" -- "$cur")); return; fi',
    '  case "$_swadaya_valued" in *" $prev "*) COMPREPLY=($(compgen -f -- "$cur")); return ;; esac',
    '  COMPREPLY=($(compgen -W "$(_swadaya_words_for "$cmdpath")" -- "$cur"))',
    '  if [[ "$cur" != -* ]] && _swadaya_takes_paths "$cmdpath"; then COMPREPLY+=($(compgen -f -- "$cur")); fi',
    '}',
    'complete -o filenames -F _swadaya swadaya',
    '',
  ].join('\n');
}

function zshScript(commands: readonly CompletionCommand[], globals: readonly CompletionOption[], say: Translate): string {
  return [
    '#compdef swadaya',
    `# ${say('completion.install', { shell: 'zsh', command: 'swadaya completion zsh > "${fpath[1]}/_swadaya"' })}`,
    `# ${say('completion.orAddAfterCompinit', { file: '~/.zshrc', command: 'source <(swadaya completion zsh)' })}`,
    ...shellTables(commands, globals),
    ...PATH_OF_WORDS,
    '_swadaya() {',
    '  local cur="${words[CURRENT]}" prev="${words[CURRENT-1]}" cmdpath values',
    '  cmdpath=$(_swadaya_path "${(@)words[2,CURRENT-1]}")',
    '  values=$(_swadaya_choices "$cmdpath" "$prev")',
    '  if [[ -n "$values" ]]; then compadd -- ${=values}; return; fi',
    '  if [[ "$_swadaya_valued" == *" $prev "* ]]; then _files; return; fi',
    '  compadd -- ${=$(_swadaya_words_for "$cmdpath")}',
    '  if [[ "$cur" != -* ]] && _swadaya_takes_paths "$cmdpath"; then _files; fi',
    '}',
    'compdef _swadaya swadaya',
    '',
  ].join('\n');
}

function fishScript(commands: readonly CompletionCommand[], globals: readonly CompletionOption[], say: Translate): string {
  const lines = [
    `# ${say('completion.install', { shell: 'fish', command: 'swadaya completion fish > ~/.config/fish/completions/swadaya.fish' })}`,
    'complete -c swadaya -f',
  ];
  const option = (condition: string, item: CompletionOption): string => {
    const parts = ['complete -c swadaya'];
    if (condition) parts.push(`-n ${single(condition)}`);
    parts.push(`-l ${item.long.replace(/^--/, '')}`);
    if (item.short) parts.push(`-s ${item.short.replace(/^-/, '')}`);
    if (item.choices) parts.push(`-x -a ${single(item.choices.join(' '))}`);
    else if (item.takesValue) parts.push('-r -F');
    parts.push(`-d ${single(item.description)}`);
    return parts.join(' ');
  };
  for (const item of globals) lines.push(option('', item));
  for (const command of commands) {
    const words = command.path.split(' ').filter((word) => word !== '');
    const seen = words.length === 0 ? '__fish_use_subcommand' : words.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
    const notDeeper = command.subcommands.length > 0 ? `; and not __fish_seen_subcommand_from ${command.subcommands.join(' ')}` : '';
    for (const sub of command.subcommands) {
      const description = commands.find((candidate) => candidate.path === [...words, sub].join(' '))?.description ?? '';
      lines.push(`complete -c swadaya -n ${single(seen + notDeeper)} -a ${single(sub)} -d ${single(description)}`);
    }
    if (words.length === 0) continue;
    for (const item of command.options) lines.push(option(seen, item));
    if (command.takesPaths) lines.push(`complete -c swadaya -n ${single(seen)} -F`);
  }
  return `${lines.join('\n')}\n`;
}
