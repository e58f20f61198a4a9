import type { Command, Option } from 'commander';
import { t } from '../i18n/catalogue.js';
import { outputLanguage, type Language } from '../i18n/language.js';
import { renderCompletion, type CompletionCommand, type CompletionOption, type Shell } from '../format/completion.js';
import { write, type CommandContext } from './context.js';

const optionOf = (option: Option): CompletionOption => ({
  long: option.long ?? option.flags,
  short: option.short,
  description: option.description,
  takesValue: option.required || option.optional,
  choices: option.argChoices,
});

/** The commands as commander holds them, for the completion scripts: they follow every option added to cli.ts. */
export function completionCommands(program: Command, lang: Language): { commands: CompletionCommand[]; globals: CompletionOption[] } {
  const help: CompletionOption = { long: '--help', short: '-h', description: t(lang, 'help.option'), takesValue: false };
  const commands: CompletionCommand[] = [];
  const visit = (command: Command, path: string): void => {
    const argumentChoices = command.registeredArguments.flatMap((argument) => argument.argChoices ?? []);
    commands.push({
      path,
      description: command.description(),
      options: (path === '' ? command.options.filter((option) => option.long === '--version') : command.options).filter((option) => !option.hidden).map(optionOf),
      subcommands: [...command.commands.map((sub) => sub.name()), ...argumentChoices],
      takesPaths: command.registeredArguments.length > 0 && argumentChoices.length === 0,
    });
    for (const sub of command.commands) visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(program, '');
  return { commands, globals: [...program.options.filter((option) => option.long !== '--version').map(optionOf), help] };
}

/** `swadaya completion bash|zsh|fish`: prints the completion script for the shell, its comments in the tool's language. */
export async function completionCommand(shell: Shell, program: Command, requested: Language | undefined, ctx: CommandContext): Promise<number> {
  const lang = outputLanguage(requested);
  const { commands, globals } = completionCommands(program, lang);
  await write(ctx.stdout, renderCompletion(shell, commands, globals, lang));
  return 0;
}
