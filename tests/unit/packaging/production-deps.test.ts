/**
 * What ships in app.asar's node_modules: electron-builder copies the production dependencies, i.e. the
 * tree `npm list --omit dev` walks from package.json's "dependencies" (app-builder-lib's
 * NpmNodeModulesCollector), which is the set of package-lock.json entries npm did not mark "dev": true.
 * The renderer is bundled by Vite into out/renderer, so its packages must stay out of that set; the main,
 * browser-host and preload bundles are built by esbuild with --packages=external, so every package they
 * load at run time must be in it.
 *
 * Reads out/ as built by `npm run build` (package.json's "test" script builds before test:unit).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface PackageJson {
  main?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/**
 * Packages the renderer imports that the main process never loads: they must not ship in app.asar.
 * htmlparser2 (and dom-serializer and domhandler under it) is shared: the service reads web pages'
 * feed links with it (feed-links.ts), so it ships.
 */
const rendererOnly = ['react', 'react-dom', 'howler', 'dompurify', '@tanstack/react-virtual'];

/** Renderer imports that ship anyway, as dependencies of htmlparser2 (which the main process loads). */
const shippedUnderMainPackages = new Set(['dom-serializer', 'domhandler']);

/** Provided by the Electron runtime itself, never by node_modules. */
const runtimeProvided = new Set(['electron']);

/**
 * The one load whose argument is not a string literal: the feed parser worker (parser-worker-source.ts)
 * runs `require(workerData.parserPath)`, and the main thread fills parserPath with
 * `createRequire(import.meta.url).resolve("rss-parser")`, which is found as a literal specifier below.
 */
const knownComputedLoads = ['require(workerData.parserPath)'];

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
}

/** The JavaScript bundles of the main process, the browser host and the preload. */
function readBundles(): Map<string, string> {
  const dirs = ['out/main', 'out/preload'];
  const missing = dirs.filter((dir) => !existsSync(path.join(root, dir)));
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} missing: run \`npm run build\` before these tests (npm test does).`);
  }
  const bundles = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of readdirSync(path.join(root, dir))) {
      if (/\.(c|m)?js$/.test(name)) {
        bundles.set(`${dir}/${name}`, readFileSync(path.join(root, dir, name), 'utf8'));
      }
    }
  }
  return bundles;
}

/** Every module specifier a bundle loads, and every load whose argument is computed at run time. */
function runtimeLoads(code: string): { specifiers: Set<string>; computed: string[] } {
  const specifiers = new Set<string>();
  const patterns = [
    // import x from "p"; import { a, b as c } from "p"; import * as x from "p"; export { a } from "p"; import "p";
    /(?:^|[\s;])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    // import("p")
    /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
    // require("p"), require.resolve("p"), createRequire(import.meta.url)("p") or .resolve("p"), __require("p")
    /\b[\w$]*[rR]equire[\w$]*(?:\([^()]*\))?(?:\.resolve)?\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) specifiers.add(match[1]!);
  }
  const computed: string[] = [];
  const loads = /\b(?:import|[\w$]*[rR]equire[\w$]*(?:\([^()]*\))?(?:\.resolve)?)\(\s*([^)"'`\s][^)]*)\)/g;
  for (const match of code.matchAll(loads)) {
    // createRequire(import.meta.url) makes a require function; it loads nothing itself.
    if (match[0] !== 'createRequire(import.meta.url)') computed.push(match[0]);
  }
  return { specifiers, computed };
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

/** 'zod/v4' → 'zod', '@scope/name/x' → '@scope/name'; undefined for relative or absolute paths. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages the bundles load from node_modules at run time, with the bundles that load each. */
function runtimePackages(bundles: Map<string, string>): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  for (const [file, code] of bundles) {
    for (const specifier of runtimeLoads(code).specifiers) {
      if (isBuiltin(specifier)) continue;
      const name = packageName(specifier);
      if (name === undefined || runtimeProvided.has(name)) continue;
      packages.set(name, [...(packages.get(name) ?? []), file]);
    }
  }
  return packages;
}

/** Node's lookup of `name` from the package installed at `from`, over the lockfile's paths. */
function resolveInLock(lock: Lockfile, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '') return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent === -1 ? '' : dir.slice(0, parent);
  }
}

/**
 * The production file set as electron-builder collects it for npm: every package reachable from the root's
 * dependencies and optionalDependencies through dependencies, optionalDependencies and (non-optional)
 * peerDependencies. Returns lockfile paths ("node_modules/zod", "node_modules/a/node_modules/b").
 */
function productionSet(pkg: PackageJson, lock: Lockfile): Set<string> {
  const seen = new Set<string>();
  const visit = (from: string, names: string[], optional: boolean) => {
    for (const name of names) {
      let location = resolveInLock(lock, from, name);
      if (location === undefined) {
        if (optional) continue;
        throw new Error(`package-lock.json has no ${name} for ${from || 'package.json'}: run npm install`);
      }
      const entry = lock.packages[location]!;
      if (entry.link && entry.resolved) location = entry.resolved;
      if (seen.has(location)) continue;
      seen.add(location);
      walk(location);
    }
  };
  const walk = (location: string) => {
    const entry = lock.packages[location] ?? {};
    const peers = Object.keys(entry.peerDependencies ?? {});
    visit(location, Object.keys(entry.dependencies ?? {}), false);
    visit(location, Object.keys(entry.optionalDependencies ?? {}), true);
    visit(
      location,
      peers.filter((name) => !entry.peerDependenciesMeta?.[name]?.optional),
      false,
    );
  };
  visit('', Object.keys(pkg.dependencies ?? {}), false);
  visit('', Object.keys(pkg.optionalDependencies ?? {}), true);
  return seen;
}

/** Lockfile paths npm itself would install with --omit dev. */
function nonDevEntries(lock: Lockfile): Set<string> {
  return new Set(
    Object.entries(lock.packages).flatMap(([location, entry]) => (location && !entry.dev ? [location] : [])),
  );
}

function nameAt(location: string): string {
  return location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** The problems with a package.json for these bundles; empty when the dependency lists are right. */
function dependencyProblems(pkg: PackageJson, bundles: Map<string, string>): string[] {
  const problems: string[] = [];
  const used = runtimePackages(bundles);
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  for (const [name, files] of used) {
    if (!declared.has(name)) problems.push(`${name} is loaded by ${files.join(', ')} but is not in "dependencies"`);
  }
  for (const name of declared) {
    if (!used.has(name)) problems.push(`${name} is in "dependencies" but no main, host or preload bundle loads it`);
  }
  return problems.sort();
}

describe('production dependencies (what electron-builder copies into app.asar)', () => {
  const pkg = readJson<PackageJson>('package.json');
  const lock = readJson<Lockfile>('package-lock.json');

  it('are exactly the packages the main, host and preload bundles load at run time', () => {
    const bundles = readBundles();
    expect([...bundles.keys()]).toContain(pkg.main);
    expect(dependencyProblems(pkg, bundles)).toEqual([]);
  });

  it('finds every run-time load in the bundles, including the parser worker and createRequire().resolve', () => {
    const bundles = readBundles();
    const computed = [...bundles.values()].flatMap((code) => runtimeLoads(code).computed);
    // A new computed load would escape the check above: list it here once its packages are accounted for.
    expect([...new Set(computed)]).toEqual(knownComputedLoads);
    expect(runtimePackages(bundles).get('rss-parser')).toBeDefined();
  });

  it('match package-lock.json, so electron-builder (npm list --omit dev) sees the same set', () => {
    const lockRoot = lock.packages['']!;
    expect(lockRoot.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(lockRoot.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    expect([...productionSet(pkg, lock)].sort()).toEqual([...nonDevEntries(lock)].sort());
  });

  it('leave every renderer-only package out of app.asar', () => {
    const shipped = new Set([...productionSet(pkg, lock)].map(nameAt));
    const rendererImports = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const file = `${dir}/${entry.name}`;
        if (entry.isDirectory()) scan(file);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const specifier of runtimeLoads(readFileSync(path.join(root, file), 'utf8')).specifiers) {
            const name = packageName(specifier);
            if (name !== undefined && !isBuiltin(specifier)) rendererImports.add(name);
          }
        }
      }
    };
    scan('renderer');
    // Packages the renderer shares with the main process (zod, through shared/) ship for the main process.
    const mainPackages = new Set(runtimePackages(readBundles()).keys());
    const onlyRenderer = [...rendererImports].filter((name) => !mainPackages.has(name));
    expect(onlyRenderer).toEqual(expect.arrayContaining(['react', 'react-dom', 'howler', 'dompurify']));
    for (const name of new Set([...rendererOnly, ...onlyRenderer])) {
      if (shippedUnderMainPackages.has(name)) {
        expect(shipped.has('htmlparser2') && shipped.has(name), `${name} ships under htmlparser2`).toBe(true);
        continue;
      }
      expect(shipped.has(name), `${name} would ship in app.asar`).toBe(false);
      expect(pkg.devDependencies?.[name] ?? null, `${name} must be a devDependency`).not.toBeNull();
    }
    // What does ship: the bundles' packages and their own dependencies.
    for (const name of ['electron-store', 'music-metadata', 'rss-parser', 'xml2js', 'zod', 'conf']) {
      expect(shipped.has(name), `${name} must ship`).toBe(true);
    }
  });

  it('would catch a renderer package in "dependencies" or a bundle import missing from them', () => {
    const bundles = new Map([
      [
        'out/main/main.js',
        'import { z } from "zod";\nimport Store from "electron-store";\nimport { app } from "electron";',
      ],
    ]);
    const bad: PackageJson = { dependencies: { zod: '^4', react: '^19' } };
    expect(dependencyProblems(bad, bundles)).toEqual([
      'electron-store is loaded by out/main/main.js but is not in "dependencies"',
      'react is in "dependencies" but no main, host or preload bundle loads it',
    ]);
    // And react in "dependencies" puts react (and its scheduler, for react-dom) into the production set.
    const withReact = { ...pkg, dependencies: { ...pkg.dependencies, 'react-dom': '^19' } };
    const shipped = new Set([...productionSet(withReact, lock)].map(nameAt));
    expect(shipped.has('react-dom') && shipped.has('react') && shipped.has('scheduler')).toBe(true);
  });

  it('reads the forms esbuild writes', () => {
    const code = [
      'import { a, b as c } from "one";',
      'import {\n  d,\n  e\n} from "@scope/two/sub";',
      'import * as ns from "node:fs";',
      'export { f } from "three";',
      'import "four";',
      'const g = await import("five");',
      'const h = require("six");',
      'const path6 = createRequire(import.meta.url).resolve("seven");',
      'const i = require(someVariable);',
    ].join('\n');
    const { specifiers, computed } = runtimeLoads(code);
    expect([...specifiers].sort()).toEqual([
      '@scope/two/sub',
      'five',
      'four',
      'node:fs',
      'one',
      'seven',
      'six',
      'three',
    ]);
    expect(computed).toEqual(['require(someVariable)']);
    expect(packageName('@scope/two/sub')).toBe('@scope/two');
    expect(packageName('zod/v4')).toBe('zod');
  });
});
