import { createPrompt, isDownKey, isEnterKey, isNumberKey, isUpKey, makeTheme, useEffect, useKeypress, usePagination, usePrefix, useRef, useState, type Theme } from '@inquirer/core';

/** A choice of the level prompt; `key` is what the user types to pick it (a level's own number). */
export interface KeyedChoice<T> {
  readonly value: T;
  readonly name: string;
  readonly short?: string;
  readonly key?: string;
}

export interface LevelSelectConfig<T> {
  readonly message: string;
  readonly choices: readonly KeyedChoice<T>[];
  readonly default?: T;
  readonly pageSize?: number;
  readonly loop?: boolean;
  readonly theme?: Partial<Theme & { style: { keysHelpTip: (keys: [string, string][]) => string; highlight: (text: string) => string } }>;
}

/**
 * A select prompt whose number keys choose by the choice's own key, not its position:
 * inquirer's select maps 1 to the first choice, so a consultant typing the level they mean
 * (1) would record level 0. Here typing 1 picks the choice keyed "1" — level 1 — and a choice
 * without a key is reached with the arrows. Several digits typed quickly make one number (12).
 */
export const levelSelect = createPrompt(<T,>(config: LevelSelectConfig<T>, done: (value: T) => void): string => {
  const theme = makeTheme<{ style: { keysHelpTip: (keys: [string, string][]) => string; highlight: (text: string) => string } }>(
    { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '), highlight: (text: string) => text } },
    config.theme,
  );
  const items = config.choices;
  const start = Math.max(0, items.findIndex((item) => item.value === config.default));
  const [active, setActive] = useState(start);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const typed = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useKeypress((key, rl) => {
    clearTimeout(timer.current);
    if (isEnterKey(key)) {
      setStatus('done');
      done(items[active]!.value);
    } else if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      typed.current = '';
      const next = active + (isUpKey(key) ? -1 : 1);
      if (config.loop) setActive((next + items.length) % items.length);
      else if (next >= 0 && next < items.length) setActive(next);
    } else if (isNumberKey(key)) {
      // The digits typed so far (rl.line holds them), else only this one.
      const candidate = /^\d+$/.test(rl.line) ? rl.line : key.name;
      const exact = items.findIndex((item) => item.key === candidate);
      const single = items.findIndex((item) => item.key === key.name);
      if (exact !== -1) setActive(exact);
      else if (single !== -1) {
        setActive(single);
        rl.clearLine(0);
      }
      timer.current = setTimeout(() => rl.clearLine(0), 700);
    } else {
      rl.clearLine(0);
    }
  });

  const page = usePagination({
    items,
    active,
    renderItem: ({ item, isActive }) => (isActive ? theme.style.highlight(`❯ ${item.name}`) : `  ${item.name}`),
    pageSize: config.pageSize ?? 7,
    loop: config.loop ?? false,
  });
  const message = theme.style.message(config.message, status);
  const chosen = items[active]!;
  if (status === 'done') return [prefix, message, theme.style.answer(chosen.short ?? chosen.name)].filter(Boolean).join(' ');
  const help = theme.style.keysHelpTip([
    ['↑↓', ''],
    ['0-9', ''],
    ['⏎', ''],
  ]);
  return [[prefix, message].filter(Boolean).join(' '), page, ' ', help].filter(Boolean).join('\n').trimEnd();
});
