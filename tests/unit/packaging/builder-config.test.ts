/**
 * electron-builder.yml, checked the way electron-builder 26 reads it: js-yaml's load (app-builder-lib's
 * util/config/load.js), then app-builder-lib's own scheme.json through ajv with the options of its
 * util/config/schemaValidator.js. What the config turns into (the Linux desktop file, the macOS URL types,
 * the files in app.asar) is computed with app-builder-lib's own code where that code can run without a
 * build, and as its source does otherwise; each place is named where it is used.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStringPromise } from 'xml2js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ID } from '../../../electron/app-identity.js';
import { DEEP_LINK_SCHEME } from '../../../shared/deep-link.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const appBuilderLib = path.join(root, 'node_modules', 'app-builder-lib');
const requireInternal = createRequire(path.join(appBuilderLib, 'package.json'));

type Config = Record<string, unknown> & {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  protocols?: Protocol | Protocol[];
  fileAssociations?: unknown[];
  linux?: Record<string, unknown> & { category?: string; executableName?: string };
  deb?: Record<string, unknown>;
  appImage?: Record<string, unknown>;
  mac?: Record<string, unknown> & { entitlements?: string; entitlementsInherit?: string };
  win?: Record<string, unknown>;
  nsis?: Record<string, unknown>;
};
type Protocol = { name: string; role?: string; schemes: string[] };

const readText = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readConfig = () => load(readText('electron-builder.yml')) as Config;
const asArray = <T>(value: T | T[] | undefined | null): T[] =>
  value == null ? [] : Array.isArray(value) ? value : [value];

/** app-builder-lib's validateSchema (util/config/schemaValidator.js): same schema, same ajv options. */
let validate: ValidateFunction | undefined;
function schemaErrors(config: unknown): string[] {
  // Compiling the schema takes seconds; like electron-builder, compile it once.
  validate ??= new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(
    JSON.parse(readFileSync(path.join(appBuilderLib, 'scheme.json'), 'utf8')) as object,
  );
  // coerceTypes rewrites values in place, so validate a copy.
  if (validate(structuredClone(config))) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}

/** Desktop Entry Specification (menu-spec, Appendix A): the Main Categories. */
const mainCategories = new Set([
  'AudioVideo',
  'Audio',
  'Video',
  'Development',
  'Education',
  'Game',
  'Graphics',
  'Network',
  'Office',
  'Science',
  'Settings',
  'System',
  'Utility',
]);
/** Categories used here that need another one beside them (menu-spec Appendix A/B; desktop-file-validate). */
const categoryNeeds: Record<string, string[]> = {
  Audio: ['AudioVideo'],
  Video: ['AudioVideo'],
  Player: ['Audio', 'Video'],
};

/**
 * The .desktop text app-builder-lib writes, from its LinuxTargetHelper.computeDesktopEntry with a packager
 * holding what LinuxPackager and AppInfo derive from the config and package.json. `exec` is what each target
 * passes: none for deb (FpmTarget, "/opt/<productName>/<executable> %U"), "AppRun --no-sandbox %U" for the
 * default AppImage toolset (AppImageTarget).
 */
async function desktopEntry(config: Config, target: 'deb' | 'appImage'): Promise<string> {
  const { LinuxTargetHelper } = requireInternal('./out/targets/LinuxTargetHelper.js') as {
    LinuxTargetHelper: new (packager: unknown) => {
      computeDesktopEntry(options: object, exec?: string, extra?: object): Promise<string>;
    };
  };
  const pkg = JSON.parse(readText('package.json')) as { name: string; productName?: string; description?: string };
  const productName = config.productName ?? pkg.productName ?? pkg.name;
  const linux = config.linux ?? {};
  const packager = {
    config,
    platformSpecificBuildOptions: linux,
    executableName: (linux.executableName ?? (config.executableName as string | undefined) ?? pkg.name).toLowerCase(),
    fileAssociations: [...asArray(config.fileAssociations), ...asArray(linux.fileAssociations)],
    appInfo: { productName, sanitizedProductName: productName, description: pkg.description },
    info: { metadata: pkg },
  };
  const options = { ...linux, ...config[target === 'deb' ? 'deb' : 'appImage'] };
  // app-builder-lib logs a hint to stdout when package.json has no desktopName; keep the test output clean.
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const helper = new LinuxTargetHelper(packager);
    return target === 'deb'
      ? await helper.computeDesktopEntry(options)
      : await helper.computeDesktopEntry(options, 'AppRun --no-sandbox %U', { 'X-AppImage-Version': '0.1.0' });
  } finally {
    quiet.mockRestore();
  }
}

function desktopKeys(text: string): Map<string, string> {
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('[Desktop Entry]');
  const keys = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const match = /^([A-Za-z0-9-]+)=(.*)$/.exec(line);
    expect(match, `bad desktop file line: ${line}`).not.toBeNull();
    expect(keys.has(match![1]!), `duplicate key ${match![1]}`).toBe(false);
    keys.set(match![1]!, match![2]!);
  }
  return keys;
}

/** A plist's top-level dict as key → element name ("true", "false", "string", …), read as strict XML. */
async function plistDict(file: string): Promise<Map<string, string>> {
  const xml = readText(file);
  const parsed = (await parseStringPromise(xml, {
    strict: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
  })) as { plist: { $: { version: string }; $$: { '#name': string; $$?: { '#name': string; _?: string }[] }[] } };
  expect(parsed.plist.$.version).toBe('1.0');
  expect(xml).toContain('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"');
  const [dict, ...rest] = parsed.plist.$$;
  expect(dict?.['#name']).toBe('dict');
  expect(rest).toEqual([]);
  const children = dict?.$$ ?? [];
  const entries = new Map<string, string>();
  for (let i = 0; i < children.length; i += 2) {
    expect(children[i]?.['#name'], `${file}: a <key> at position ${i}`).toBe('key');
    entries.set(children[i]!._ ?? '', children[i + 1]?.['#name'] ?? '(missing value)');
  }
  return entries;
}

describe('electron-builder.yml', () => {
  // Compiles the schema (several seconds on a busy machine) before the tests' own time limits start.
  beforeAll(() => void schemaErrors({}), 120_000);

  it('matches app-builder-lib’s own schema (scheme.json, draft-07), with the ajv electron-builder loads', () => {
    const schema = JSON.parse(readFileSync(path.join(appBuilderLib, 'scheme.json'), 'utf8')) as { $schema: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // The ajv this test uses is the one app-builder-lib requires, so both judge the config alike.
    expect(requireInternal.resolve('ajv')).toBe(createRequire(import.meta.url).resolve('ajv'));
    expect(schemaErrors(readConfig())).toEqual([]);
  });

  it('would be refused with an unknown key, a wrong type or a protocol without schemes', () => {
    const typo = readConfig();
    typo.linux = { ...typo.linux, categroy: 'AudioVideo' };
    expect(schemaErrors(typo)).toContain('/linux must NOT have additional properties');

    const topLevel = { ...readConfig(), entitlements: 'assets/packaging/entitlements.mac.plist' };
    expect(schemaErrors(topLevel)).toContain('/ must NOT have additional properties');

    const wrongType = readConfig();
    wrongType.mac = { ...wrongType.mac, hardenedRuntime: 'yes' };
    expect(schemaErrors(wrongType)).toContain('/mac/hardenedRuntime must be boolean');

    const noSchemes = { ...readConfig(), protocols: [{ name: 'Earmark link' }] };
    expect(schemaErrors(noSchemes).join('\n')).toMatch(/must have required property 'schemes'/);
  });

  it('names a buildResources folder that exists and keeps it out of app.asar, like out/’s scratch files', () => {
    const config = readConfig();
    const buildResources = config.directories?.buildResources ?? 'build';
    expect(statSync(path.join(root, buildResources)).isDirectory()).toBe(true);

    // app-builder-lib's getMainFileMatchers (fileMatcher.js) adds its default exclusions to `files`.
    const { getMainFileMatchers } = requireInternal('./out/fileMatcher.js') as {
      getMainFileMatchers: (...args: unknown[]) => { createFilter(): (file: string, stat: object) => boolean }[];
    };
    const info = {
      projectDir: root,
      buildResourcesDir: path.join(root, buildResources),
      isPrepackedAppAsar: false,
      config,
      debugLogger: { isEnabled: false },
    };
    const [matcher] = getMainFileMatchers(root, '/app', (s: string) => s, {}, { info }, path.join(root, 'dist'), false);
    const filter = matcher!.createFilter();
    const shipped = (file: string) => filter(path.join(root, file), { isDirectory: () => false });
    for (const file of [
      'package.json',
      'out/main/main.js',
      'out/main/serve.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'assets/default-feed-snapshot.xml',
      'assets/icons/512x512.png',
    ]) {
      expect(shipped(file), `${file} must be in app.asar`).toBe(true);
    }
    for (const file of [
      'out/main/main.js.map',
      'out/test/download-child-1.mjs',
      'out/bench/notes-bench.js',
      `${buildResources}/entitlements.mac.plist`,
      'electron/main.ts',
      'README.md',
      'electron-builder.yml',
    ]) {
      expect(shipped(file), `${file} must stay out of app.asar`).toBe(false);
    }
  });

  it('gives Linux a Categories line desktop-file-validate accepts', async () => {
    const config = readConfig();
    const categories = desktopKeys(await desktopEntry(config, 'deb')).get('Categories') ?? '';
    expect(categories).toBe('AudioVideo;Audio;Player;');
    const list = categories.split(';').filter(Boolean);
    expect(mainCategories.has(list[0]!), `${list[0]} is a registered Main Category`).toBe(true);
    for (const category of list) {
      const needs = categoryNeeds[category];
      if (needs)
        expect(
          needs.some((need) => list.includes(need)),
          `${category} needs one of ${needs}`,
        ).toBe(true);
    }
  });

  it('declares the earmark: scheme, so installed apps receive deep links', async () => {
    const config = readConfig();
    const protocols = asArray(config.protocols);
    expect(protocols).toEqual([{ name: 'Earmark link', role: 'Viewer', schemes: [DEEP_LINK_SCHEME] }]);

    // macOS: electron/electronMac.js createMacApp turns `protocols` into Info.plist's CFBundleURLTypes.
    const urlTypes = [...protocols, ...asArray(config.mac?.protocols as Protocol | Protocol[] | undefined)].map(
      (protocol) => ({
        CFBundleURLName: protocol.name,
        CFBundleTypeRole: protocol.role ?? 'Editor',
        CFBundleURLSchemes: protocol.schemes.slice(),
      }),
    );
    expect(urlTypes).toEqual([
      { CFBundleURLName: 'Earmark link', CFBundleTypeRole: 'Viewer', CFBundleURLSchemes: ['earmark'] },
    ]);

    // Linux: LinuxTargetHelper.computeDesktopEntry adds x-scheme-handler/<scheme> for each protocol, and the
    // %U in Exec hands the link to Earmark's argv (found by electron/deep-links.ts findDeepLink).
    for (const target of ['deb', 'appImage'] as const) {
      const keys = desktopKeys(await desktopEntry(config, target));
      expect(keys.get('MimeType')?.split(';')).toContain(`x-scheme-handler/${DEEP_LINK_SCHEME}`);
      expect(keys.get('Exec')).toMatch(/ %U$/);
    }
  });

  it('installs the desktop file under the name Electron registers earmark:// links with', async () => {
    const config = readConfig();
    const { LinuxTargetHelper } = requireInternal('./out/targets/LinuxTargetHelper.js') as {
      LinuxTargetHelper: new (packager: unknown) => { getDesktopFileName(): string };
    };
    const pkg = JSON.parse(readText('package.json')) as { name: string; desktopName?: string };
    // Electron's init: app.setDesktopName(desktopName ?? `${app.name}.desktop`), later passed to xdg-settings.
    expect(pkg.desktopName).toBeDefined();
    const helper = new LinuxTargetHelper({
      platformSpecificBuildOptions: config.linux ?? {},
      executableName: pkg.name,
      info: { metadata: pkg },
    });
    // FpmTarget installs /usr/share/applications/<getDesktopFileName()>.desktop.
    expect(`${helper.getDesktopFileName()}.desktop`).toBe(pkg.desktopName);
    expect(desktopKeys(await desktopEntry(config, 'deb')).get('StartupWMClass')).toBe(
      pkg.desktopName!.replace(/\.desktop$/, ''),
    );
  });

  it('uses appId as the Windows AppUserModelID of the NSIS shortcuts', () => {
    const config = readConfig();
    // electron/app-identity.ts gives the running app the same ID (app.setAppUserModelId).
    expect(config.appId).toBe(APP_ID);
    // AppInfo.id (appInfo.js) prefers a platform's own appId; there must be none, so every target uses this one.
    expect(config.win?.appId).toBeUndefined();
    expect(config.nsis?.appId).toBeUndefined();
    // NsisTarget.js defines APP_ID = appInfo.id; templates/nsis/include/installer.nsh stamps it on the shortcuts.
    expect(readFileSync(path.join(appBuilderLib, 'out/targets/nsis/NsisTarget.js'), 'utf8')).toContain(
      'APP_ID: appInfo.id',
    );
    expect(readFileSync(path.join(appBuilderLib, 'templates/nsis/include/installer.nsh'), 'utf8')).toContain(
      'WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"',
    );
  });

  it('signs macOS builds with the hardened runtime, allow-jit only, and notarizes when credentials are set', async () => {
    const mac = readConfig().mac ?? {};
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    for (const file of [mac.entitlements, mac.entitlementsInherit]) {
      expect(file, 'mac.entitlements and mac.entitlementsInherit are set').toEqual(expect.any(String));
      expect(existsSync(path.join(root, file!)), `${file} exists`).toBe(true);
      expect(Object.fromEntries(await plistDict(file!))).toEqual({ 'com.apple.security.cs.allow-jit': 'true' });
    }
  });

  it('would notice a malformed entitlements plist', async () => {
    await expect(parseStringPromise('<plist version="1.0"><dict><key>a</key><true/></plist>')).rejects.toThrow();
  });
});
