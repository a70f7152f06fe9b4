/** A small `--name value` parser for the benchmarks: only the options a benchmark declares. */
export type OptionKind = 'string' | 'number';

export function parseOptions<T extends Record<string, string | number>>(
  argv: readonly string[],
  defaults: T,
  allowed: { [K in keyof T]?: readonly string[] } = {},
): T {
  const options: Record<string, string | number> = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? '';
    const name = flag.replace(/^--/, '');
    const value = argv[i + 1];
    if (!flag.startsWith('--') || !(name in defaults)) throw new Error(`Unknown option ${flag}`);
    if (value === undefined) throw new Error(`Missing value for ${flag}`);
    if (typeof defaults[name] === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number`);
      options[name] = n;
    } else {
      const choices = allowed[name as keyof T];
      if (choices && !choices.includes(value)) throw new Error(`${flag} must be one of ${choices.join(', ')}`);
      options[name] = value;
    }
  }
  return options as T;
}
