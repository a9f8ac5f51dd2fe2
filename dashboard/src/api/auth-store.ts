/** What the user gave to sign in: sent as `Authorization: <scheme> <value>`. */
export interface Credential {
  scheme: 'Basic' | 'Bearer';
  value: string;
  /** Shown in the header: the user name, or "token". */
  label: string;
}

const KEY = 'sluice.dashboard.credential';

/**
 * Keeps the credential for this browser tab only (sessionStorage): closing the tab forgets it, and
 * it is never written to localStorage or a cookie.
 */
export class AuthStore {
  private readonly listeners = new Set<() => void>();

  get(): Credential | null {
    try {
      const raw = sessionStorage.getItem(KEY);
      if (raw === null) return null;
      const parsed = JSON.parse(raw) as Credential;
      return parsed.scheme === 'Basic' || parsed.scheme === 'Bearer' ? parsed : null;
    } catch {
      return null;
    }
  }

  setBasic(user: string, password: string): void {
    this.set({ scheme: 'Basic', value: base64(`${user}:${password}`), label: user });
  }

  setToken(token: string): void {
    this.set({ scheme: 'Bearer', value: token.trim(), label: 'token' });
  }

  clear(): void {
    sessionStorage.removeItem(KEY);
    this.changed();
  }

  header(): string | null {
    const credential = this.get();
    return credential === null ? null : `${credential.scheme} ${credential.value}`;
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private set(credential: Credential): void {
    sessionStorage.setItem(KEY, JSON.stringify(credential));
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Base64 of the UTF-8 bytes (btoa alone only takes Latin-1). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
