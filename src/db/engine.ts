/** The two database engines Slotguard runs on. */
export type Engine = 'sqlite' | 'postgres';
