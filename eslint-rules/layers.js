// A local ESLint plugin with one rule, `earmark/layers`: import directions by folder name, after VS
// Code's code-layering. Every relative (or absolute) import is resolved to the file it names; the
// importing file's layer must list the target's layer. docs/architecture.md, "Import directions".
//
// Options (one object):
//   root     the folder the layer names are relative to (the repository).
//   layers   { '<folder>': ['<layer>', ...] }: a layer is a folder; a file belongs to the longest
//            folder that contains it, so `electron` holds only what `electron/core`, `electron/host`
//            … do not. Each layer lists the layers it may import, itself included. A target inside
//            root but in no layer (assets/, tests/, a config file) is reported too.
//   features { folder: '<folder>', allow: { '<a>': ['<b>', ...] } }: files in `<folder>/<a>/` may import
//            `<folder>/<b>/` only when the list says so (the folder's own layer rule still applies).
// Package imports ('electron', 'node:fs', 'react') are not this rule's business: no-restricted-imports
// handles them. Dynamic imports of a computed string can't be resolved and are not checked.
import path from 'node:path';

const toPosix = (p) => p.split(path.sep).join('/');

/** The longest layer folder that holds relPath (a posix path relative to root), or undefined. */
function layerOf(relPath, folders) {
  let best;
  for (const folder of folders) {
    if (
      (relPath === folder || relPath.startsWith(`${folder}/`)) &&
      (best === undefined || folder.length > best.length)
    ) {
      best = folder;
    }
  }
  return best;
}

/** `<folder>/<name>/…` → name; files directly in the folder belong to no feature. */
function featureOf(relPath, folder) {
  if (!relPath.startsWith(`${folder}/`)) return undefined;
  const rest = relPath.slice(folder.length + 1).split('/');
  return rest.length > 1 || !/\.[cm]?[jt]sx?$/.test(rest[0]) ? rest[0] : undefined;
}

function specifierOf(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return specifierOf(node.literal);
  return undefined;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Import directions between folders (docs/architecture.md, "Import directions").' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          features: {
            type: 'object',
            properties: {
              folder: { type: 'string' },
              allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
            },
            required: ['folder', 'allow'],
            additionalProperties: false,
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer:
        '{{from}}/ may not import {{to}}/ (\'{{specifier}}\'): {{from}}/ may import only {{may}}. See docs/architecture.md, "Import directions".',
      feature:
        "{{folder}}/{{from}}/ may not import {{folder}}/{{to}}/ ('{{specifier}}'): that edge is not in the feature allow-list of the earmark/layers rule (eslint.config.js).",
      outside:
        "'{{specifier}}' resolves to {{target}}, which is in no layer: code under {{from}}/ imports only from the layer folders.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = path.resolve(options.root ?? context.cwd);
    const table = options.layers ?? {};
    const folders = Object.keys(table);
    const features = options.features;
    const filename = context.filename;
    if (!path.isAbsolute(filename)) return {};
    const fromRel = toPosix(path.relative(root, filename));
    if (fromRel.startsWith('..')) return {};
    const from = layerOf(fromRel, folders);
    if (from === undefined) return {};
    const fromFeature = features ? featureOf(fromRel, features.folder) : undefined;

    function check(node, sourceNode) {
      const raw = specifierOf(sourceNode);
      if (raw === undefined) return;
      const specifier = raw.replace(/[?#].*$/, ''); // Vite's `?url`, `?raw`
      if (!(specifier === '.' || specifier === '..' || /^\.\.?\//.test(specifier) || path.isAbsolute(specifier)))
        return;
      const targetRel = toPosix(path.relative(root, path.resolve(path.dirname(filename), specifier)));
      const to = targetRel.startsWith('..') ? undefined : layerOf(targetRel, folders);
      if (to === undefined) {
        const target = targetRel.startsWith('..') ? 'a file outside the project' : targetRel;
        context.report({ node, messageId: 'outside', data: { specifier: raw, target, from } });
        return;
      }
      if (!table[from].includes(to)) {
        const may = table[from].map((layer) => `${layer}/`).join(', ');
        context.report({ node, messageId: 'layer', data: { from, to, specifier: raw, may } });
        return;
      }
      if (fromFeature === undefined) return;
      const toFeature = featureOf(targetRel, features.folder);
      if (toFeature === undefined || toFeature === fromFeature) return;
      if ((features.allow[fromFeature] ?? []).includes(toFeature)) return;
      context.report({
        node,
        messageId: 'feature',
        data: { folder: features.folder, from: fromFeature, to: toFeature, specifier: raw },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.source ?? node.argument), // `source` from typescript-eslint 8.x
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(node, node.arguments[0]);
        }
      },
    };
  },
};

export default { meta: { name: 'earmark' }, rules: { layers } };
