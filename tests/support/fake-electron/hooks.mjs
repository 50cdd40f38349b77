// Node module hook (module.register): `electron` resolves to the recording fake beside this file,
// for the main bundle and for the packages it imports (electron-store).
const fake = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: fake, shortCircuit: true };
  return nextResolve(specifier, context);
}
