/**
 * The owner tokens of the reports filed from this browser, by tracking code. The server returns a
 * report's token once; keeping it here lets the citizen add photos and rate the answer later without
 * an account. localStorage (not sessionStorage): the answer comes days after the report.
 */
const STORAGE_KEY = 'citydx.feedback.tokens';
// Enough for anyone's own reports; the oldest are dropped first so storage cannot grow without end.
const MAX_KEPT = 50;

type TokenMap = Record<string, string>;

function read(storage: Storage): TokenMap {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function defaultStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage (private browsing): the token is then only shown once on screen.
    return null;
  }
}

export function rememberOwnerToken(code: string, token: string, storage = defaultStorage()): void {
  if (!storage || !token) return;
  const key = code.toUpperCase();
  // Re-added last, so the newest stays when the oldest are dropped.
  const others = Object.entries(read(storage)).filter(([known]) => known !== key);
  const kept = [...others, [key, token] as const].slice(-MAX_KEPT);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Full or blocked: nothing more to do; the citizen still has the code and the message link.
  }
}

export function ownerTokenOf(code: string, storage = defaultStorage()): string | null {
  if (!storage) return null;
  return read(storage)[code.toUpperCase()] ?? null;
}
