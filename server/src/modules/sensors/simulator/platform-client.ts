/** A small HTTP client of a running citydx (the simulator, and tests that drive a real process). */
export class PlatformClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  /**
   * Signs in as a staff account and creates an API token (named `name`, valid `hours`): what a
   * person would do in the console, for a tool that has only the account's password.
   */
  static async tokenFor(
    baseUrl: string,
    login: { email: string; password: string },
    name: string,
    hours = 24,
  ): Promise<string> {
    const signIn = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    if (!signIn.ok) throw new Error(`sign-in as ${login.email} failed: HTTP ${signIn.status}`);
    const session = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ name, expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString() }),
    });
    if (!created.ok) throw new Error(`creating an API token failed: HTTP ${created.status}`);
    return ((await created.json()) as { token: string }).token;
  }

  async get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  async send<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** The Location header of a 201 (STA answers the new entity's selfLink there). */
  async create(path: string, body: unknown): Promise<string> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 201)
      throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.headers.get('location') ?? '';
  }
}
