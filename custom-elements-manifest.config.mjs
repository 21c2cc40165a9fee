// `custom-elements.json` from the elements' JSDoc (@summary, @csspart,
// @cssproperty, @fires) and their lit properties, written to dist/ by
// `npm run build` and shipped in the package (`consentry/custom-elements.json`).
// The elements are loaded by the core, not imported one by one, so each
// module's path names the chunk that defines it rather than a source file.
const CHUNK = {
  'consentry-banner': 'dist/ui.js',
  'consentry-preferences': 'dist/ui.js',
  'consentry-placeholder': 'dist/ui.js',
  'consentry-policy': 'dist/policy.js',
};

/** A tag passed to customElements.define() by constant (`POLICY_TAG`) is read from the class's `@tag`. */
const tagsFromJsDoc = () => {
  const jsDocTags = new Map();
  return {
  name: 'consentry-tags-from-jsdoc',
  analyzePhase({ ts, node }) {
    if (node.kind !== ts.SyntaxKind.ClassDeclaration || !node.name) return;
    const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'tag');
    if (tag) jsDocTags.set(node.name.text, String(tag.comment).trim());
  },
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (!d.customElement) continue;
        if (!d.tagName?.includes('-')) d.tagName = jsDocTags.get(d.name);
        if (!d.tagName?.includes('-')) throw new Error(`${mod.path}: ${d.name} needs a @tag in its JSDoc`);
      }
      for (const e of mod.exports ?? []) {
        if (e.kind !== 'custom-element-definition') continue;
        const d = mod.declarations.find((x) => x.name === e.declaration.name);
        e.name = d.tagName;
        e.declaration.module = CHUNK[d.tagName];
      }
      const tag = mod.declarations?.find((d) => d.customElement)?.tagName;
      if (tag) mod.path = CHUNK[tag];
      for (const d of mod.declarations ?? []) {
        // Private and protected members are not part of the contract.
        if (d.members) d.members = d.members.filter((m) => !m.privacy || m.privacy === 'public');
      }
    }
    // One module per chunk: ui.js defines three of the elements.
    const byPath = new Map();
    for (const mod of customElementsManifest.modules) {
      const seen = byPath.get(mod.path);
      if (!seen) byPath.set(mod.path, mod);
      else {
        seen.declarations = [...(seen.declarations ?? []), ...(mod.declarations ?? [])];
        seen.exports = [...(seen.exports ?? []), ...(mod.exports ?? [])];
      }
    }
    customElementsManifest.modules = [...byPath.values()];
    // Only the elements are the chunks' contract; their other exports are internal.
    for (const mod of customElementsManifest.modules) {
      mod.declarations = mod.declarations.filter((d) => d.customElement);
      mod.exports = mod.exports.filter((e) => e.kind === 'custom-element-definition');
    }
  },
  };
};

export default {
  globs: ['src/elements/*/consentry-*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.harness.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [tagsFromJsDoc()],
};
