/**
 * Characters that must not reach a terminal from data: C0 and C1 controls other than tab and
 * newline (BEL, CR, backspace, DEL …), an ESC that does not start a colour (SGR) sequence —
 * cursor moves, screen clears, titles and hyperlinks — and the bidirectional overrides and
 * isolates that reorder what is shown (U+202E and friends, "Trojan source"). Colour sequences
 * are kept: swadaya's own colours pass, and a colour in a name can do no more than colour.
 */
const CONTROLS_AND_BIDI = '[\\u0000-\\u0008\\u000b-\\u001a\\u001c-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(`\\u001b(?!\\[[0-9;]*m)|${CONTROLS_AND_BIDI}`, 'g');
/** Every ESC too: on a stream swadaya writes no colour to, a colour could only come from data. */
const UNSAFE_WITH_COLOUR = new RegExp(`\\u001b|${CONTROLS_AND_BIDI}`, 'g');

/**
 * The text with every unsafe character written as a visible escape: ESC → \x1b, U+202E → \u202e.
 * `keepColour: false` escapes colour sequences too (--no-color, NO_COLOR: README, "Limits").
 */
export function terminalSafe(text: string, keepColour = true): string {
  return text.replace(keepColour ? UNSAFE : UNSAFE_WITH_COLOUR, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A cheap test first: most output has no unsafe character at all. */
export function hasUnsafe(text: string, keepColour = true): boolean {
  const unsafe = keepColour ? UNSAFE : UNSAFE_WITH_COLOUR;
  unsafe.lastIndex = 0;
  const found = unsafe.test(text);
  unsafe.lastIndex = 0;
  return found;
}
