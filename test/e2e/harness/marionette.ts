import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIST_FIREFOX, firefoxPath } from './firefox';
import { freePort } from './scripted-endpoint';
import { SCREENS_DIR } from './screens';

/*
 * A small client of Firefox's Marionette protocol, enough to drive the extension's own pages in the
 * content context. The protocol: TCP, each message framed as `<byte length>:<json>`; the server first
 * sends a greeting, then answers every command `[0, id, name, params]` with `[1, id, error, result]`.
 * WebDriver BiDi (test/e2e/harness/firefox.ts) refuses moz-extension:// URLs; Marionette does not, and
 * the add-on's UUID is pinned in the profile so the tests know its pages' addresses in advance.
 */

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** How long one command may take before the test fails, rather than hangs on a stuck Firefox. */
const COMMAND_TIMEOUT_MS = 45_000;
const STARTUP_TIMEOUT_MS = 45_000;

export class MarionetteError extends Error {}

interface Pending {
  name: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** One connection, framed and matched by message id. */
class Connection {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeting: ((value: unknown) => void) | undefined;
  private closedWith: Error | undefined;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.fail(new MarionetteError('Marionette connection closed')));
    socket.on('error', (error) => this.fail(new MarionetteError(`Marionette connection error: ${error.message}`)));
  }

  /** The server speaks first: `{"applicationType":"gecko","marionetteProtocol":3}`. */
  hello(timeoutMs: number): Promise<{ applicationType: string; marionetteProtocol: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new MarionetteError(`no Marionette greeting within ${timeoutMs} ms`)), timeoutMs);
      this.greeting = (value) => {
        clearTimeout(timer);
        resolve(value as { applicationType: string; marionetteProtocol: number });
      };
    });
  }

  send(name: string, params: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new MarionetteError(`${name} got no answer within ${timeoutMs} ms (is Firefox hung?)`));
      }, timeoutMs);
      this.pending.set(id, { name, resolve, reject, timer });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (!Number.isInteger(length)) return this.fail(new MarionetteError('Marionette sent a malformed frame'));
      if (this.buffer.length < colon + 1 + length) return;
      const message: unknown = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: unknown): void {
    if (!Array.isArray(message)) {
      this.greeting?.(message);
      this.greeting = undefined;
      return;
    }
    const [type, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
    const pending = type === 1 ? this.pending.get(id) : undefined;
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(new MarionetteError(`${pending.name}: ${error.error}: ${error.message}`));
    else pending.resolve(result);
  }

  private fail(error: Error): void {
    this.closedWith ??= error;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}

/** A WebDriver element reference as Marionette returns it. */
export type ElementRef = { [ELEMENT_KEY]: string };

/** Results of most commands come as `{ value }`; a few (lists) come bare. */
function valueOf<T>(result: unknown): T {
  return (result && typeof result === 'object' && !Array.isArray(result) && 'value' in result ? (result as { value: T }).value : result) as T;
}

export class MarionetteSession {
  constructor(private readonly connection: Connection) {}

  async command<T = unknown>(name: string, params: Record<string, unknown> = {}, timeoutMs = COMMAND_TIMEOUT_MS): Promise<T> {
    return valueOf<T>(await this.connection.send(name, params, timeoutMs));
  }

  navigate(url: string): Promise<unknown> {
    return this.command('WebDriver:Navigate', { url });
  }

  currentUrl(): Promise<string> {
    return this.command<string>('WebDriver:GetCurrentURL');
  }

  /** Runs a function body in the page (content context); `arguments` holds args. */
  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.command<T>('WebDriver:ExecuteScript', { script, args });
  }

  /** Runs a function body whose last argument is the callback that ends it. */
  executeAsync<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.command<T>('WebDriver:ExecuteAsyncScript', { script, args });
  }

  async find(selector: string): Promise<ElementRef> {
    return this.command<ElementRef>('WebDriver:FindElement', { using: 'css selector', value: selector });
  }

  async click(selector: string): Promise<void> {
    const element = await this.find(selector);
    await this.command('WebDriver:ElementClick', { id: element[ELEMENT_KEY] });
  }

  /** Clears a field, then types into it as a person would (key events, input events). */
  async type(selector: string, text: string): Promise<void> {
    const element = await this.find(selector);
    await this.command('WebDriver:ElementClear', { id: element[ELEMENT_KEY] });
    await this.command('WebDriver:ElementSendKeys', { id: element[ELEMENT_KEY], text });
  }

  /** Polls an expression in the page until `accept` holds, or fails with what it saw last. */
  async waitFor<T>(label: string, script: string, accept: (value: T) => boolean, timeoutMs = 30_000, args: unknown[] = []): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    for (;;) {
      try {
        last = await this.execute<T>(script, args);
        if (accept(last)) return last;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new MarionetteError(`timed out after ${timeoutMs} ms waiting for ${label}; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A PNG of the current page: the whole document, or the viewport. */
  async screenshot(full = true): Promise<Buffer> {
    const base64 = await this.command<string>('WebDriver:TakeScreenshot', { full, hash: false, scroll: true });
    return Buffer.from(base64, 'base64');
  }

  /** Saves a screenshot to test-results/screens/<name>.png (test/e2e/harness/screens.ts). */
  async saveScreen(name: string, full = true): Promise<string> {
    mkdirSync(SCREENS_DIR, { recursive: true });
    const path = join(SCREENS_DIR, `${name}.png`);
    writeFileSync(path, await this.screenshot(full));
    return path;
  }

  windowHandles(): Promise<string[]> {
    return this.command<string[]>('WebDriver:GetWindowHandles');
  }

  currentWindow(): Promise<string> {
    return this.command<string>('WebDriver:GetWindowHandle');
  }

  switchTo(handle: string): Promise<unknown> {
    return this.command('WebDriver:SwitchToWindow', { handle, focus: true });
  }

  /** Opens a new tab, switches to it and returns its handle. */
  async newTab(): Promise<string> {
    const { handle } = await this.command<{ handle: string }>('WebDriver:NewWindow', { type: 'tab', focus: true });
    await this.switchTo(handle);
    return handle;
  }

  closeWindow(): Promise<unknown> {
    return this.command('WebDriver:CloseWindow');
  }

  setWindowSize(width: number, height: number): Promise<unknown> {
    return this.command('WebDriver:SetWindowRect', { width, height });
  }

  /** Waits until the current tab shows `url`, loaded. */
  async waitForPage(url: string, timeoutMs = 30_000): Promise<void> {
    await this.waitFor(`${url} to load`, 'return [location.href, document.readyState]', ([href, state]: [string, string]) => href === url && state === 'complete', timeoutMs);
  }

  /**
   * Selects the restored tab that waits at `url` (writeSavedSession), which loads it now that the
   * add-on is installed; if it was already tried, reloads it (a reload is allowed where
   * WebDriver:Navigate to moz-extension:// is not).
   */
  async openHome(url: string): Promise<void> {
    const seen: string[] = [];
    // The saved session's last tab is the one at `url`.
    for (const handle of (await this.windowHandles()).reverse()) {
      await this.switchTo(handle);
      const deadline = Date.now() + 5_000;
      let current = await this.currentUrl();
      while (current !== url && current === 'about:blank' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        current = await this.currentUrl();
      }
      seen.push(current);
      if (current !== url) continue;
      try {
        await this.waitForPage(url, 10_000);
      } catch {
        await this.command('WebDriver:Refresh');
        await this.waitForPage(url);
      }
      return;
    }
    throw new MarionetteError(`no restored tab reached ${url} (tabs: ${seen.join(', ')})`);
  }


  /** From an extension page, goes to another page of the extension in the same tab. */
  async openExtensionPage(url: string): Promise<void> {
    await this.execute('location.href = arguments[0]', [url]);
    await this.waitForPage(url);
  }

  /** From an extension page, opens another page of the extension in a new tab and switches to it. */
  async openExtensionTab(url: string): Promise<string> {
    const before = new Set(await this.windowHandles());
    await this.executeAsync('const done = arguments[arguments.length - 1]; browser.tabs.create({ url: arguments[0] }).then(() => done(null), (e) => done(String(e)));', [url]);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const added = (await this.windowHandles()).find((handle) => !before.has(handle));
      if (added) {
        await this.switchTo(added);
        await this.waitForPage(url);
        return added;
      }
      if (Date.now() > deadline) throw new MarionetteError(`no new tab appeared for ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Installs an unpacked add-on from a folder, as about:debugging's "Load Temporary Add-on" does. */
  installTemporaryAddon(path: string): Promise<string> {
    return this.command<string>('Addon:Install', { path, temporary: true });
  }
}

export interface FirefoxOptions {
  /** Firefox's UI locale (intl.locale.requested); zh-CN needs the Debian langpack firefox-esr-l10n-zh-cn. */
  locale?: 'en-US' | 'zh-CN';
  /** Extra prefs for user.js. */
  prefs?: Record<string, string | number | boolean>;
}

export interface MarionetteFirefox {
  session: MarionetteSession;
  /** The add-on's id as Addon:Install reported it. */
  addonId: string;
  /** The pinned moz-extension:// host of the add-on. */
  uuid: string;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Whether Firefox has its Chinese language pack (Debian: firefox-esr-l10n-zh-cn), beside the binary. */
export function hasChineseLangpack(): boolean {
  const binary = firefoxPath();
  if (!binary) return false;
  const extensions = join(dirname(realpathSync(binary)), 'browser', 'extensions');
  return existsSync(extensions) && readdirSync(extensions).some((name) => name.startsWith('langpack-zh-CN@'));
}

function userJs(prefs: Record<string, string | number | boolean>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/** The system principal as session restore stores it (a JSON `{"3":{}}`, base64). */
const SYSTEM_PRINCIPAL = Buffer.from('{"3":{}}').toString('base64');

/**
 * Writes `sessionstore.jsonlz4`: a window with a blank selected tab and a tab at `url`. The file is
 * Mozilla's LZ4 container: the magic `mozLz40\0`, the decompressed size (uint32 little-endian), then
 * one LZ4 block; a block of a single run of literals is a valid block, so no compressor is needed.
 */
function writeSavedSession(profile: string, url: string): void {
  const entry = (href: string) => ({ entries: [{ url: href, triggeringPrincipal_base64: SYSTEM_PRINCIPAL }], index: 1 });
  const now = Date.now();
  const session = {
    version: ['sessionrestore', 1],
    windows: [{ tabs: [entry('about:blank'), entry(url)], selected: 1, _closedTabs: [] }],
    selectedWindow: 1,
    _closedWindows: [],
    session: { lastUpdate: now, startTime: now, recentCrashes: 0 },
    global: {},
  };
  const json = Buffer.from(JSON.stringify(session), 'utf8');
  const length: number[] = [];
  if (json.length >= 15) {
    let rest = json.length - 15;
    while (rest >= 255) {
      length.push(255);
      rest -= 255;
    }
    length.push(rest);
  }
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  const token = Math.min(json.length, 15) << 4;
  writeFileSync(join(profile, 'sessionstore.jsonlz4'), Buffer.concat([Buffer.from('mozLz40\0', 'latin1'), size, Buffer.from([token, ...length]), json]));
}

function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('dist/firefox/manifest.json names no gecko id: run npm run build');
  return id;
}

async function connectWhenListening(port: number, child: ChildProcess, deadline: number): Promise<Socket> {
  for (;;) {
    if (child.exitCode !== null) throw new MarionetteError(`Firefox exited with code ${child.exitCode} before Marionette listened`);
    const socket = await new Promise<Socket | null>((resolve) => {
      const attempt = connect(port, '127.0.0.1');
      attempt.once('connect', () => resolve(attempt));
      attempt.once('error', () => {
        attempt.destroy();
        resolve(null);
      });
    });
    if (socket) return socket;
    if (Date.now() > deadline) throw new MarionetteError(`Marionette did not listen on port ${port} within ${STARTUP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts headless Firefox with Marionette on a fresh profile, installs dist/firefox as a temporary
 * add-on under a pinned UUID, and returns a session in the content context. close() quits Firefox
 * (killing it if it does not go) and removes the profile.
 */
export async function launchFirefoxMarionette(options: FirefoxOptions = {}): Promise<MarionetteFirefox> {
  const executable = firefoxPath();
  if (!executable) throw new Error('No Firefox found: install Debian firefox-esr or set FIREFOX_PATH');
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist/firefox is missing: run npm run build first');
  const locale = options.locale ?? 'en-US';
  const profile = await mkdtemp(join(tmpdir(), 'tipline-firefox-'));
  const port = await freePort();
  const uuid = randomUUID();
  const id = geckoId();
  writeFileSync(
    join(profile, 'user.js'),
    userJs({
      'marionette.port': port,
      // The add-on's moz-extension:// host, so that its pages have known addresses.
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale === 'zh-CN' ? 'zh-CN, zh, en' : 'en-US, en',
      // A language pack shipped with the application is enabled on a fresh profile.
      'extensions.autoDisableScopes': 0,
      'extensions.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'extensions.blocklist.enabled': false,
      'app.update.auto': false,
      'app.update.checkInstallTime': false,
      'browser.shell.checkDefaultBrowser': false,
      'browser.startup.homepage_override.mstone': 'ignore',
      // Restore the saved session (writeSavedSession), its tabs loaded only when selected.
      'browser.startup.page': 3,
      'browser.sessionstore.restore_on_demand': true,
      'browser.sessionstore.restore_tabs_lazily': false,
      'browser.sessionstore.max_resumed_crashes': -1,
      'browser.startup.homepage': 'about:blank',
      'startup.homepage_welcome_url': 'about:blank',
      'startup.homepage_welcome_url.additional': '',
      'browser.aboutwelcome.enabled': false,
      'trailhead.firstrun.didSeeAboutWelcome': true,
      'browser.sessionstore.resume_from_crash': false,
      'browser.tabs.warnOnClose': false,
      'browser.warnOnQuit': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'datareporting.healthreport.uploadEnabled': false,
      'toolkit.telemetry.enabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'toolkit.startup.max_resumed_crashes': -1,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.newtabpage.enabled': false,
      'browser.topsites.contile.enabled': false,
      'media.autoplay.default': 0,
      ...options.prefs,
    }),
  );

  // WebDriver:Navigate refuses moz-extension:// without system access, and an address given on the
  // command line is dropped while no add-on owns it. So the profile holds a saved session with a
  // second tab at the options page: session restore leaves a tab that is not selected unloaded until
  // it is selected, which is after the add-on is installed (openHome below).
  const home = `moz-extension://${uuid}/options/index.html`;
  writeSavedSession(profile, home);
  const child = spawn(executable, ['--marionette', '--headless', '--no-remote', '-profile', profile], {
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS_WIDTH: '1280', MOZ_HEADLESS_HEIGHT: '800' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let connection: Connection | undefined;
  async function close(): Promise<void> {
    if (connection && child.exitCode === null) {
      await connection.send('Marionette:Quit', { flags: ['eForceQuit'] }, 10_000).catch(() => undefined);
    }
    connection?.close();
    if (child.exitCode === null && child.signalCode === null) {
      const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!gone) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(profile, { recursive: true, force: true });
  }

  try {
    const socket = await connectWhenListening(port, child, Date.now() + STARTUP_TIMEOUT_MS);
    connection = new Connection(socket);
    const greeting = await connection.hello(STARTUP_TIMEOUT_MS);
    if (greeting.applicationType !== 'gecko') throw new MarionetteError(`unexpected Marionette greeting ${JSON.stringify(greeting)}`);
    await connection.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: true, pageLoadStrategy: 'normal' } } }, STARTUP_TIMEOUT_MS);
    const session = new MarionetteSession(connection);
    await session.command('WebDriver:SetTimeouts', { implicit: 0, pageLoad: 30_000, script: 30_000 });
    const addonId = await session.installTemporaryAddon(DIST_FIREFOX);
    await session.openHome(home);
    return {
      session,
      addonId,
      uuid,
      extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
      close,
    };
  } catch (error) {
    await close();
    throw new MarionetteError(`${error instanceof Error ? error.message : String(error)}${stderr ? `\nFirefox said:\n${stderr}` : ''}`);
  }
}
