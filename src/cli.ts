import { resolve } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ExitCode, SwadayaError, exitCodeOf } from './errors.js';
import type { CommandContext } from './commands/context.js';
import type { AgreeOptions } from './commands/agree.js';
import type { AssessOptions } from './commands/assess.js';
import type { ConsensusOptions } from './commands/consensus.js';
import type { DiffOptions } from './commands/diff.js';
import type { ExportAnswersOptions } from './commands/export-answers.js';
import type { FormOptions } from './commands/form.js';
import type { ImportOptions } from './commands/import.js';
import type { InitOptions } from './commands/init.js';
import type { SchemaOptions } from './commands/schema.js';
import type { ReportCommandOptions } from './commands/report.js';
import type { ScoreOptions } from './commands/score.js';
import type { GlobalFlags, Settings } from './commands/settings.js';
import type { TemplateOptions } from './commands/template.js';
import type { TrendCommandOptions } from './commands/trend.js';
import type { ValidateOptions } from './commands/validate.js';
import { CI_FORMATS } from './format/ci/index.js';
import { agreeRenderers } from './format/agree/index.js';
import { diffRenderers } from './format/diff/index.js';
import { DEFAULT_CSV_STYLE, EXCEL_CSV_STYLE, type CsvOptions, type CsvStyle } from './format/csv.js';
import { formatsOf } from './format/renderer.js';
import { scoreRenderers } from './format/score/index.js';
import { validationRenderers } from './format/validate/index.js';
import { described, localizeOnHelp, localizeProgram, translateCommanderMessage } from './i18n/commander-text.js';
import { loadCatalogue, t } from './i18n/catalogue.js';
import { isLanguage, LANGUAGES, localeLanguage, type Language } from './i18n/language.js';
import { loadConfig, type SwadayaConfig } from './io/config-file.js';
import { AtomicOutputFile, QuietStream } from './io/output-file.js';
import { markColourless, type OutputStream } from './io/streams.js';
import { terminalSafe } from './core/terminal-text.js';
import { DEFAULT_MAX_FILE_BYTES, parseByteSize, setMaxFileBytes } from './io/safe-read.js';
import { VERSION } from './version.js';

/** A command's run, given the settings decided from the command line and the environment. */
type Action = (settings: Settings) => Promise<number>;

function parseNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError(`"${value}" is not a number.`);
  return number;
}

function parseWholeNumber(value: string): number {
  const number = parseNumber(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return number;
}

/** Declares the commands. Each action imports its module lazily, so --help and --version load only commander. */
function buildProgram(ctx: CommandContext, run: (action: Action) => void): Command {
  const program = new Command('swadaya')
    .description(described('Score how ready a community is to move to the next phase of a community-development programme.'))
    .version(VERSION, '-v, --version', 'print the version')
    .addOption(new Option('--lang <lang>', described('language of texts and labels (env SWADAYA_LANG; default: the rubric\'s first language)')).choices(LANGUAGES))
    .option('--no-color', described('no colour (also: NO_COLOR)'))
    .option('--debug', described('show stack traces of internal errors'))
    .option('-q, --quiet', described('print only errors on stderr: no progress bar, warnings or notices'))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });

  // `-o FILE` for a command whose stdout runRoutedOutput sends to FILE, atomically.
  const output = <C extends Command>(command: C): C => {
    routedOutput.add(command);
    return command.option('-o, --output <file>', described('write the output to FILE (atomically) instead of to stdout')) as C;
  };
  // --excel, --csv-delimiter, --csv-decimal, --bom, --csv-raw for every command with a csv format
  // (README, "CSV for spreadsheets"); csvOptionsOf turns them into the command's CsvOptions.
  const csvOptions = <C extends Command>(command: C): C =>
    command
      .addOption(new Option('--csv-delimiter <char>', described('CSV field separator: , ; or tab')).choices([',', ';', 'tab']))
      .addOption(new Option('--csv-decimal <char>', described('CSV decimal separator in numbers: . or ,')).choices(['.', ',']))
      .option('--bom', described('start the CSV with a UTF-8 byte order mark (Excel then reads UTF-8)'))
      .option('--excel', described('CSV for Excel in an Indonesian locale: BOM, ; between fields, , in numbers'))
      .option('--csv-raw', described('CSV cells exactly as the data: cells starting with = + - @ are not made safe for spreadsheets')) as C;
  // --stdin-filename for a command whose paths may hold `-`, standard input (docs/commands.md#standard-input).
  const stdinOption = <C extends Command>(command: C): C =>
    command.option('--stdin-filename <name>', described('the file name standard input (-) goes by in messages and outputs, e.g. assessments/x.yaml')) as C;
  const formats = (list: string[], fallback: string) => new Option('--format <format>', described('output format')).choices(list).default(fallback);

  stdinOption(csvOptions(output(program
    .command('score'))))
    .description(described('score assessment files, directories (recursive) and globs'))
    .argument('<paths...>', described('assessment files, directories or globs; - reads one from standard input'))
    .addOption(formats([...formatsOf(scoreRenderers), ...CI_FORMATS], 'table'))
    .option('--rubric <id|path>', described('score with this rubric instead of the one each file names'))
    .option('--group-by <field>', described('mean scores and phase counts per community field (e.g. region)'))
    .option('--fail-under <score>', described('exit 1 if any overall score is below this'), parseNumber)
    .addOption(new Option('--require <verdict>', described('exit 1 unless every assessment is ready or graduated')).choices(['ready']))
    .option('--explain', described('show how every number was derived'))
    .option('--cache', described('reuse the scores of files unchanged since the last run (docs/ci.md#the-cache)'))
    .option('--cache-location <dir>', described('where the cache is kept (implies --cache; default node_modules/.cache/swadaya or $XDG_CACHE_HOME/swadaya)'))
    .action((paths: string[], options: ScoreOptions) =>
      run(async (settings) => (await import('./commands/score.js')).scoreCommand(paths, { ...settings, ...scoreOptions(options) }, ctx)),
    );

  program
    .command('assess')
    .description(described('interview a community in the terminal and save the answers to FILE'))
    .argument('[file]', described('the assessment file to create or resume'), 'assessment.yaml')
    .option('--rubric <id|path>', described('the rubric to assess with (default: the one the file names, else p2kp)'))
    .option('--review', described('go through every answer again, not only the missing ones'))
    .option('--rater <name>', described("rate blind as NAME: writes rater: NAME; refuses a consensus or another rater's file"))
    .action((file: string, options: AssessOptions) =>
      run(async (settings) => (await import('./commands/assess.js')).assessCommand(file, { ...settings, rubric: options.rubric, review: options.review, rater: options.rater }, ctx)),
    );

  stdinOption(csvOptions(output(program
    .command('diff'))))
    .description(described('compare two assessment files or two sets (directories or globs), community by community'))
    .argument('<before>', described('the earlier file, directory or glob; - reads one from standard input'))
    .argument('<after>', described('the later file, directory or glob; - reads one from standard input'))
    .addOption(formats([...formatsOf(diffRenderers), ...CI_FORMATS], 'table'))
    .option('--rubric <id|path>', described('score both sides with this rubric'))
    .option('--detail', described('list every indicator whose answer changed'))
    .option('--tolerance <points>', described('a fall of more than this many points is a regression'), parseNumber, 0)
    .option('--fail-on-regression', described('exit 1 when any community regresses'))
    .action((before: string, after: string, options: DiffOptions) =>
      run(async (settings) => (await import('./commands/diff.js')).diffCommand(before, after, { ...settings, ...diffOptions(options) }, ctx)),
    );

  stdinOption(csvOptions(output(program
    .command('agree'))))
    .description(described("compare independent ratings of the same communities: each rater's level, the spread, Krippendorff's alpha and Cohen's kappa"))
    .argument('<paths...>', described('rating files (with rater: NAME), directories or globs; - reads one from standard input'))
    .addOption(formats(formatsOf(agreeRenderers), 'table'))
    .option('--rubric <id|path>', described('read every rating with this rubric'))
    .option('--flag <spread>', described('flag indicators whose spread (highest − lowest level) is at least this'), parseWholeNumber, 2)
    .option(
      '--min-alpha <alpha>',
      described('exit 1 when the overall alpha is below this (Krippendorff suggests 0.800 to draw conclusions, and 0.667 as the lowest for tentative ones)'),
      parseNumber,
    )
    .action((paths: string[], options) =>
      run(async (settings) => (await import('./commands/agree.js')).agreeCommand(paths, { ...settings, ...agreeOptions(options) }, ctx)),
    );

  stdinOption(program
    .command('consensus'))
    .description(described('write a draft consensus file for each community and period rated by several raters: median levels, notes, flagged answers to discuss'))
    .argument('<paths...>', described('rating files (with rater: NAME), directories or globs; - reads one from standard input'))
    .requiredOption('-o, --out <dir>', described('the directory to write the drafts to (created when missing)'))
    .option('--rubric <id|path>', described('read every rating with this rubric'))
    .option('--flag <spread>', described('mark answers whose spread (highest − lowest level) is at least this with "# discuss"'), parseWholeNumber, 2)
    .option('--force', described('overwrite existing consensus files'))
    .action((paths: string[], options: ConsensusOptions) =>
      run(async (settings) =>
        (await import('./commands/consensus.js')).consensusCommand(paths, { ...settings, out: options.out, rubric: options.rubric, flag: options.flag, force: options.force, stdinFilename: options.stdinFilename }, ctx),
      ),
    );

  stdinOption(csvOptions(output(program
    .command('trend'))))
    .description(described('follow communities across two or more periods: scores, phase paths, slopes, stalls and regressions'))
    .argument('<sets...>', described('one file, directory or glob per period, in order; or paths holding several periods, grouped by each file\'s period'))
    .addOption(formats(['table', 'json', 'csv', 'markdown'], 'table'))
    .option('--rubric <id|path>', described('score every period with this rubric'))
    .option('--stall <periods>', described('a community is stalled when its last N assessments share one attained phase (default 3)'), parseNumber)
    .option('--fail-on-stall', described('exit 1 when any community is stalled'))
    .option('--fail-on-regression', described('exit 1 when any community moved back a phase at any step'))
    .action((sets: string[], options: TrendCommandOptions & CsvFlags) =>
      run(async (settings) => {
        const { format, rubric, stall, failOnStall, failOnRegression, stdinFilename } = options;
        return (await import('./commands/trend.js')).trendCommand(sets, { ...settings, format, rubric, stall, failOnStall, failOnRegression, stdinFilename, ...csvOptionsOf(options) }, ctx);
      }),
    );

  stdinOption(program
    .command('report'))
    .description(described('write one self-contained HTML report (charts, gate, path to the next phase) of an assessment, a set, or the change between two sets'))
    .argument('[paths...]', described('assessment files, directories or globs; - reads one from standard input'))
    .option('-o, --output <file>', described('the HTML file to write'))
    .option('--pdf <file>', described('also print the report to this PDF through a local Chromium or Chrome'))
    .option('--chrome <path>', described('the Chromium or Chrome to print with (env CHROME_PATH; default: the usual install paths)'))
    .option('--each [dir]', described('one page per community; with DIR, one HTML file per community in DIR, named by id and period'))
    .option('--before <path>', described('the earlier set: report the change to --after'))
    .option('--after <path>', described('the later set'))
    .option('--group-by <field>', described('a table of the set by this community field (e.g. region)'))
    .option('--rubric <id|path>', described('score with this rubric instead of the one each file names'))
    .option('--trend', described('the paths are periods, one set each (or a pool grouped by period): the cohort flow and every community\'s overall over time'))
    .action((paths: string[], options: ReportCommandOptions) =>
      run(async (settings) => {
        const { output, pdf, chrome, each, before, after, groupBy, rubric, trend, stdinFilename } = options;
        return (await import('./commands/report.js')).reportCommand(paths, { ...settings, output, pdf, chrome, each, before, after, groupBy, rubric, trend, stdinFilename }, ctx);
      }),
    );

  stdinOption(output(program
    .command('validate')))
    .description(described('check rubrics and assessments; exit 1 on any error'))
    .argument('<paths...>', described('rubric directories, rubric files, assessment files, directories or globs; - reads an assessment from standard input'))
    .addOption(formats([...formatsOf(validationRenderers), ...CI_FORMATS], 'text'))
    .option('--rubric <id|path>', described('check assessments against this rubric'))
    .option('--cache', described('reuse the checks of files unchanged since the last run (docs/ci.md#the-cache)'))
    .option('--cache-location <dir>', described('where the cache is kept (implies --cache)'))
    .action((paths: string[], options: ValidateOptions) =>
      run(async (settings) =>
        (await import('./commands/validate.js')).validateCommand(paths, { ...settings, format: options.format, rubric: options.rubric, cache: options.cache, cacheLocation: options.cacheLocation, stdinFilename: options.stdinFilename }, ctx),
      ),
    );

  const rubric = program.command('rubric').description(described('list and show rubrics'));
  output(rubric
    .command('list'))
    .description(described('list the rubrics found on the search path'))
    .addOption(formats(['text', 'json'], 'text'))
    .action((options: { format: 'text' | 'json' }) => run(async (settings) => (await import('./commands/rubric.js')).rubricListCommand({ ...settings, format: options.format }, ctx)));
  output(rubric
    .command('show'))
    .description(described("print a rubric's tree: principles, indicators, pillars and gates"))
    .argument('<id|path>', described('a rubric id or path'))
    .addOption(formats(['text', 'json'], 'text'))
    .action((reference: string, options: { format: 'text' | 'json' }) =>
      run(async (settings) => (await import('./commands/rubric.js')).rubricShowCommand(reference, { ...settings, format: options.format }, ctx)),
    );

  program
    .command('template')
    .description(described('print an assessment file ready to fill in by hand'))
    .requiredOption('--rubric <id|path>', described('the rubric to write a template for'))
    .option('--rater <name>', described("fill in the rater: one person's independent rating (see swadaya agree)"))
    .option('-o, --output <file>', described('write the file there (atomically) instead of to stdout; its modeline is relative to it'))
    .action((options: TemplateOptions) =>
      run(async (settings) => (await import('./commands/template.js')).templateCommand({ ...settings, rubric: options.rubric, rater: options.rater, output: options.output }, ctx)),
    );

  program
    .command('schema')
    .description(described("print an assessment JSON Schema for one rubric: its indicator ids, levels and n/a, for editors"))
    .requiredOption('--rubric <id|path>', described('the rubric to write the schema for'))
    .option('-o, --output <file>', described('write the schema there (atomically) instead of to stdout'))
    .action((options: SchemaOptions) =>
      run(async (settings) => (await import('./commands/schema.js')).schemaCommand({ ...settings, rubric: options.rubric, output: options.output }, ctx)),
    );

  program
    .command('init')
    .description(described("set up editor checks in this project: the rubric's schema in .swadaya/ and yaml.schemas in .vscode/settings.json"))
    .option('--rubric <id|path>', described('the rubric the assessments use'), 'p2kp')
    .option('--glob <pattern...>', described('the assessment files the schema applies to (default: assessments/**/*.yaml and *.yml)'))
    .action((options: InitOptions) =>
      run(async (settings) => (await import('./commands/init.js')).initCommand({ ...settings, rubric: options.rubric, glob: options.glob }, ctx)),
    );

  program
    .command('form')
    .description(described('write the rubric as an XLSForm (.xlsx) for KoboToolbox and ODK Central'))
    .requiredOption('--rubric <id|path>', described('the rubric to turn into a form'))
    .requiredOption('-o, --output <file.xlsx>', described('the XLSForm file to write'))
    .action((options: FormOptions) =>
      run(async (settings) => (await import('./commands/form.js')).formCommand({ ...settings, rubric: options.rubric, output: options.output }, ctx)),
    );

  program
    .command('import')
    .description(described('turn KoboToolbox or ODK Central exports, or a wide spreadsheet, into assessment files (one per row)'))
    .argument('<files...>', described('CSV or XLSX files'))
    .requiredOption('--rubric <id|path>', described('the rubric the form or spreadsheet answers'))
    .requiredOption('-o, --output <dir>', described('the directory to write <community id>-<period>.yaml files into'))
    .addOption(new Option('--format <format>', described('the kind of table (default: detected from the header row)')).choices(['kobo', 'odk', 'wide']))
    .option('--delimiter <char>', described('CSV delimiter: , ; | or tab (default: detected from the header row)'), parseDelimiter)
    .option('--all', described('import submissions a reviewer rejected too'))
    .option('--force', described('replace existing files whose content differs'))
    .option('--dry-run', described('write nothing; list what would be written'))
    .action((files: string[], options: ImportOptions) =>
      run(async (settings) => (await import('./commands/import.js')).importCommand(files, { ...settings, ...importOptions(options) }, ctx)),
    );

  const exportCommand = program.command('export').description(described('export assessments for review in a spreadsheet'));
  exportCommand
    .command('answers')
    .description(described('the answers of assessment files as a wide spreadsheet (one row each) that import reads back'))
    .argument('<paths...>', described('assessment files, directories or globs'))
    .requiredOption('-o, --output <file>', described('the .csv or .xlsx file to write'))
    .option('--rubric <id|path>', described('read the files with this rubric instead of the one each names'))
    .action((paths: string[], options: ExportAnswersOptions) =>
      run(async (settings) =>
        (await import('./commands/export-answers.js')).exportAnswersCommand(paths, { ...settings, output: options.output, rubric: options.rubric }, ctx),
      ),
    );

  program
    .command('completion')
    .description(described('print a shell completion script for bash, zsh or fish'))
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .action((shell: 'bash' | 'zsh' | 'fish') =>
      run(async (settings) => {
        // The scripts carry the descriptions, in the help's language (earlyLanguage, which settles on English).
        localizeProgram(program, settings.language ?? 'en');
        return (await import('./commands/completion.js')).completionCommand(shell, program, settings.language, ctx);
      }),
    );

  return program;
}

/** commander's options, which it types as `any`, copied field by field into the typed options of each command. */
function scoreOptions(options: ScoreOptions & CsvFlags): ScoreOptions {
  const { format, rubric, groupBy, failUnder, require, explain, cache, cacheLocation, stdinFilename } = options;
  return { format, rubric, groupBy, failUnder, require, explain, cache, cacheLocation, stdinFilename, ...csvOptionsOf(options) };
}

/** The flags of `csvOptions` as commander parses them; the configuration's `csv` has set their defaults. */
interface CsvFlags {
  readonly csvDelimiter?: string | undefined;
  readonly csvDecimal?: '.' | ',' | undefined;
  readonly bom?: boolean | undefined;
  readonly excel?: boolean | undefined;
  readonly csvRaw?: boolean | undefined;
}

/** The layout: --excel first (BOM, `;`, `,`), then each flag on its own; and --csv-raw. */
function csvOptionsOf(flags: CsvFlags): CsvOptions {
  const base = flags.excel ? EXCEL_CSV_STYLE : DEFAULT_CSV_STYLE;
  const delimiter = flags.csvDelimiter === 'tab' ? '\t' : flags.csvDelimiter;
  const csv: CsvStyle = { delimiter: delimiter ?? base.delimiter, decimal: flags.csvDecimal ?? base.decimal, bom: flags.bom ?? base.bom };
  return { csv, csvRaw: flags.csvRaw };
}

function diffOptions(options: DiffOptions & CsvFlags): DiffOptions {
  const { format, rubric, detail, tolerance, failOnRegression, stdinFilename } = options;
  return { format, rubric, detail, tolerance, failOnRegression, stdinFilename, ...csvOptionsOf(options) };
}

function agreeOptions(options: AgreeOptions & CsvFlags): AgreeOptions {
  const { format, rubric, flag, minAlpha, stdinFilename } = options;
  return { format, rubric, flag, minAlpha, stdinFilename, ...csvOptionsOf(options) };
}

function importOptions(options: ImportOptions): ImportOptions {
  const { rubric, output, format, delimiter, all, force, dryRun } = options;
  return { rubric, output, format, delimiter, all, force, dryRun };
}

/** --delimiter: checked here, so a bad one is a command-line error (exit 2) before anything is read. */
function parseDelimiter(value: string): string {
  if (value === 'tab' || value === '\\t' || value === '\t') return '\t';
  if (value === ',' || value === ';' || value === '|') return value;
  throw new InvalidArgumentError(`"${value}" is not one of , ; | tab.`);
}

/** Commands whose stdout `-o FILE` sends to a file (see `output` in buildProgram). */
const routedOutput = new WeakSet<Command>();

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[], ctx: CommandContext): Promise<number> {
  // Commands read ctx.stdout and ctx.stderr when they run: `-o FILE` and `--quiet` swap them once
  // the command line is parsed. Otherwise they are the real streams (assess's prompts need those).
  let stdout: OutputStream = ctx.stdout;
  let stderr: OutputStream = ctx.stderr;
  const routed: CommandContext = {
    get stdin() {
      return ctx.stdin;
    },
    env: ctx.env,
    cwd: ctx.cwd,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
  let language = earlyLanguage(argv, ctx.env, undefined);
  let pending: Promise<number> | undefined;
  let program: Command | undefined;
  let current: Command | undefined;
  let outputFile: AtomicOutputFile | undefined;
  try {
    configureReadLimit(ctx.env, language);
    const config = await projectConfig(ctx, argv, language);
    language = earlyLanguage(argv, ctx.env, config.lang);
    const run = (action: Action): void => {
      const flags = { ...(program?.opts() ?? {}), configLang: config.lang } as GlobalFlags;
      if (flags.quiet) stderr = new QuietStream(ctx.stderr);
      const file = current && routedOutput.has(current) ? (current.opts() as { output?: string }).output : undefined;
      // Built inside the promise: a bad SWADAYA_LANG or an unwritable -o is reported like any other error of the run.
      // The whole catalogue and the settings (chalk among them) are loaded only when a command runs.
      pending = Promise.all([import('./commands/settings.js'), loadCatalogue()]).then(([{ buildSettings }]) => {
        if (file !== undefined && file !== '-') stdout = outputFile = openOutputFile(resolve(ctx.cwd, file), file, language);
        const settings = buildSettings(flags, routed);
        if (settings.colors.stdout.level === 0) markColourless(routed.stdout);
        if (settings.colors.stderr.level === 0) markColourless(routed.stderr);
        return action(settings);
      });
    };
    program = buildProgram(routed, run);
    applyConfigDefaults(program, config);
    localizeOnHelp(program, language);
    const configure = (command: Command): void => {
      command
        .configureOutput({
          writeOut: (text) => ctx.stdout.write(text),
          writeErr: (text) => ctx.stderr.write(text),
          outputError: (text, write) => write(translateCommanderMessage(text, language)),
        })
        .showHelpAfterError(translateCommanderMessage('(run with --help for usage)', language));
      command.commands.forEach(configure);
    };
    configure(program);
    program.hook('preAction', (_program, actionCommand) => {
      current = actionCommand;
    });
    await program.parseAsync([...argv], { from: 'user' });
    const code = pending ? await pending : ExitCode.ok;
    // A report is kept when the run worked, or when it ran and a check failed (exit 1).
    if (outputFile) code === ExitCode.ok || code === ExitCode.checkFailed ? outputFile.commit() : outputFile.abandon();
    return code;
  } catch (error) {
    outputFile?.abandon();
    return reportError(error, ctx, argv.includes('--debug'), language);
  }
}

/** The language of help and command-line errors, decided before commander parses: --lang, SWADAYA_LANG, the configuration, the locale. */
function earlyLanguage(argv: readonly string[], env: CommandContext['env'], configLang: Language | undefined): Language {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const flag = index === -1 ? undefined : argv[index]!.includes('=') ? argv[index]!.slice('--lang='.length) : argv[index + 1];
  for (const candidate of [flag, env.SWADAYA_LANG, configLang, localeLanguage(env)]) {
    if (candidate !== undefined && isLanguage(candidate)) return candidate;
  }
  return 'en';
}

/** swadaya.config.yaml or package.json "swadaya" (README, "Configuration"); its errors stop every command but --help and --version. */
async function projectConfig(ctx: CommandContext, argv: readonly string[], language: Language): Promise<SwadayaConfig> {
  const loaded = await loadConfig(ctx.cwd);
  if (loaded.findings.length === 0) return loaded.config;
  if (argv.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg))) return {};
  const [{ formatFinding }] = await Promise.all([import('./i18n/messages.js'), loadCatalogue()]);
  throw new SwadayaError('bad-config', loaded.findings.map((finding) => formatFinding(finding, language)).join('\n'));
}

/**
 * The configuration's values as the options' values where the command line gives none: commander
 * keeps them with source 'config', and a value typed on the command line replaces them.
 */
function applyConfigDefaults(program: Command, config: SwadayaConfig): void {
  // No configuration (the usual case) has nothing to apply: no walk over every command's options.
  if (Object.keys(config).length === 0) return;
  const visit = (command: Command, path: string): void => {
    const set = (name: string, value: unknown): void => {
      const option = (command.options as Option[]).find((candidate) => candidate.attributeName() === name);
      if (value === undefined || !option) return;
      if (option.argChoices && !option.argChoices.includes(String(value))) return;
      command.setOptionValueWithSource(name, value, 'config');
    };
    // A default rubric is for the commands that create something with one; the others read the rubric each file names.
    if (['assess', 'template', 'schema', 'init'].includes(path)) set('rubric', config.rubric);
    const format = typeof config.format === 'string' ? config.format : config.format?.[path.split(' ')[0] ?? ''];
    set('format', format);
    if (path === 'score') {
      set('failUnder', config.thresholds?.failUnder);
      set('require', config.thresholds?.require);
    }
    if (path === 'diff') set('tolerance', config.thresholds?.tolerance);
    if (path === 'diff' || path === 'trend') set('failOnRegression', config.thresholds?.failOnRegression);
    // Every command with the CSV options (csvOptions in buildProgram): score, diff, trend, agree.
    set('excel', config.csv?.excel);
    set('csvDelimiter', config.csv?.delimiter === '\t' ? 'tab' : config.csv?.delimiter);
    set('csvDecimal', config.csv?.decimal);
    set('bom', config.csv?.bom);
    for (const sub of command.commands) visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(program, '');
}

function openOutputFile(file: string, shown: string, language: Language): AtomicOutputFile {
  try {
    return new AtomicOutputFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SwadayaError(
      'output-not-writable',
      t(language, 'cli.cannotWrite', { file: shown, reason }),
    );
  }
}

/** SWADAYA_MAX_FILE_SIZE: the largest rubric or assessment file read (README, "Limits"). */
function configureReadLimit(env: CommandContext['env'], language: Language): void {
  const value = env.SWADAYA_MAX_FILE_SIZE;
  if (value === undefined || value === '') {
    setMaxFileBytes(DEFAULT_MAX_FILE_BYTES);
    return;
  }
  const bytes = parseByteSize(value);
  if (bytes === undefined) {
    throw new SwadayaError('bad-max-file-size', t(language, 'cli.badMaxFileSize', { value }));
  }
  setMaxFileBytes(bytes);
}

function reportError(error: unknown, ctx: CommandContext, debug: boolean, language: Language): number {
  if (error instanceof CommanderError) return exitCodeOf(error);
  if (error instanceof SwadayaError) {
    // An error message carries no colour of ours: any ESC in it came from data (a name, a field).
    ctx.stderr.write(`swadaya: ${terminalSafe(error.message, false)}\n`);
    if (error.hint) ctx.stderr.write(`${terminalSafe(error.hint, false)}\n`);
    if (debug && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`swadaya: ${t(language, 'cli.internalError')}: ${message}\n`);
  const again = t(language, 'cli.internalErrorHint');
  ctx.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : `${again}\n`);
  return exitCodeOf(error);
}
