import {
  Badge,
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const fontFamily = "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

// Text colours with ≥ 4.5:1 contrast on Mantine's pale "light" backgrounds and on white (WCAG 2.1
// AA); Mantine's own shades 6–8 of orange, teal, green and yellow fall short of it.
const readableText: Readonly<Record<string, string>> = {
  blue: '#1864ab',
  red: '#c92a2a',
  orange: '#9a3412',
  teal: '#0b6e4f',
  green: '#1b5e20',
  yellow: '#7c5800',
  gray: '#343a40',
};

// Fills that carry white text at ≥ 4.5:1.
const readableFill: Readonly<Record<string, string>> = {
  orange: '#b23c0c',
  teal: '#087f5b',
  green: '#2b7a36',
  yellow: '#8a6200',
};

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const name = (input.color ?? input.theme.primaryColor).split('.')[0] ?? '';
  if (input.variant === 'light' || input.variant === 'subtle' || input.variant === 'outline') {
    const text = readableText[name];
    return text
      ? { ...colors, color: text, ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}) }
      : colors;
  }
  if (input.variant === 'filled' && readableFill[name])
    return { ...colors, background: readableFill[name], hover: readableFill[name] };
  return colors;
};

/** Mantine's defaults with Be Vietnam Pro and WCAG 2.1 AA contrast (white on blue.8 is 5.0:1). */
export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  variantColorResolver,
  components: {
    // Badges carry words here (roles, statuses), so they keep their case and are never cut off.
    Badge: Badge.extend({
      defaultProps: { tt: 'none' },
      styles: { root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-anchor': '#1864ab',
  },
  dark: {},
});
