// What the published package holds and declares: every `exports` entry
// resolves to a packed file, the adapters, their types and the elements
// manifest are in `npm pack`, the manifest says what the elements' JSDoc
// says, and the types work for a TypeScript app (the README's Next.js
// snippets with tsc, its Nuxt snippets with vue-tsc, the elements' props in
// JSX and templates, the tag map). Run `npm run build` first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repo, requireBuild, writeApp } from './apps.mjs';

requireBuild();
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const require = createRequire(path.join(repo, 'package.json'));

/** Every file an `exports` entry can point at, with the entry and condition. */
const targets = (value, entry, condition = 'default') =>
  typeof value === 'string' ? [{ entry, condition, file: value }] : Object.entries(value).flatMap(([c, v]) => targets(v, entry, c));
const exported = Object.entries(pkg.exports).flatMap(([entry, value]) => targets(value, entry));

describe('the package', () => {
  let packed;
  before(() => {
    const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8' }));
    packed = new Set(report.files.map((f) => f.path));
  });

  it('packs the adapters, their types, the manifest, the script-tag build and the schema', () => {
    for (const file of [
      'dist/react.js',
      'dist/vue.js',
      'dist/types/src/react/index.d.ts',
      'dist/types/src/react/elements.d.ts',
      'dist/types/src/vue/index.d.ts',
      'dist/types/src/vue/elements.d.ts',
      'dist/types/src/adapters/connect.d.ts',
      'dist/types/src/tag-map.d.ts',
      'dist/custom-elements.json',
      'dist/consentry.js',
      'schema.json',
    ])
      assert.ok(packed.has(file), `npm pack lists ${file}`);
  });

  it('has an export for every public entry, each pointing at a packed file', () => {
    assert.deepEqual(Object.keys(pkg.exports).sort(), ['.', './consentry.js', './custom-elements.json', './package.json', './react', './schema.json', './vue']);
    for (const { entry, condition, file } of exported) {
      const rel = path.posix.normalize(file);
      assert.ok(packed.has(rel), `${entry} (${condition}) → ${file} is packed`);
    }
    assert.ok(packed.has(path.posix.normalize(pkg.customElements)), 'the customElements field');
  });

  it('resolves each entry by name, through the exports map', async () => {
    for (const entry of Object.keys(pkg.exports)) {
      const name = entry === '.' ? pkg.name : pkg.name + entry.slice(1);
      assert.equal(require.resolve(name), path.join(repo, pkg.exports[entry].default ?? pkg.exports[entry]));
    }
    assert.equal(typeof (await import('consentry')).init, 'function');
    assert.equal(typeof (await import('consentry/react')).useConsent, 'function');
    assert.equal(typeof (await import('consentry/vue')).useConsent, 'function');
  });

  it('keeps React and Vue optional peers', () => {
    assert.ok(pkg.peerDependencies.react && pkg.peerDependencies.vue);
    assert.deepEqual(pkg.peerDependenciesMeta, { react: { optional: true }, vue: { optional: true } });
    assert.ok(!pkg.dependencies.react && !pkg.dependencies.vue);
  });
});

describe('custom-elements.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(repo, 'dist/custom-elements.json'), 'utf8'));
  const elements = new Map(manifest.modules.flatMap((m) => m.declarations.map((d) => [d.tagName, { ...d, module: m.path }])));
  const names = (list = []) => list.map((x) => x.name);
  /** The JSDoc block right above `export class <Name>` in the element's source. */
  const jsDoc = (tag) => {
    const src = readFileSync(path.join(repo, `src/elements/${tag}/${tag}.ts`), 'utf8');
    const cls = elements.get(tag).name;
    const at = src.indexOf(`export class ${cls}`);
    return src.slice(src.lastIndexOf('/**', at), at);
  };
  const tagged = (doc, tag) => [...doc.matchAll(new RegExp(`@${tag} (\\S+)`, 'g'))].map((m) => m[1]);

  it('declares the four elements, each in a chunk that ships', () => {
    assert.deepEqual([...elements.keys()].sort(), ['consentry-banner', 'consentry-placeholder', 'consentry-policy', 'consentry-preferences']);
    for (const [tag, d] of elements) {
      assert.ok(existsSync(path.join(repo, d.module)), `${tag}: ${d.module}`);
      const definition = manifest.modules.find((m) => m.path === d.module).exports.find((e) => e.name === tag);
      assert.equal(definition?.kind, 'custom-element-definition', tag);
    }
  });

  it("says what the elements' JSDoc says: summary, parts, custom properties and events", () => {
    for (const [tag, d] of elements) {
      const doc = jsDoc(tag);
      assert.equal(d.summary, /@summary (.+)/.exec(doc)[1], `${tag} summary`);
      assert.deepEqual(names(d.cssParts), tagged(doc, 'csspart'), `${tag} parts`);
      assert.deepEqual(names(d.cssProperties), tagged(doc, 'cssproperty'), `${tag} custom properties`);
      assert.deepEqual(names(d.events), tagged(doc, 'fires'), `${tag} events`);
    }
  });

  it("names the contract's shadow parts and the policy's attributes", () => {
    const parts = new Set([...elements.values()].flatMap((d) => names(d.cssParts)));
    for (const part of ['banner', 'accept-all', 'reject-all', 'manage', 'dialog', 'save', 'category', 'toggle']) assert.ok(parts.has(part), part);
    const policy = elements.get('consentry-policy');
    assert.deepEqual(names(policy.attributes), ['src', 'format', 'no-consent-panel', 'scheme']);
    assert.ok(names(policy.members).includes('markdown'));
    assert.ok(!policy.members.some((m) => m.privacy === 'private'), 'no private members');
  });
});

describe('the types, in a TypeScript app', () => {
  let app;
  before(() => {
    app = writeApp('next');
    writeFileSync(
      path.join(app.dir, 'consumer.tsx'),
      `import { init, type ConsentryPolicy } from 'consentry';
import { useConsent, type ConsentryTagProps } from 'consentry/react';
import { useConsent as useVueConsent } from 'consentry/vue';
import type { Ref } from 'vue';

// The tag map: querySelector knows the element's class.
const policy: ConsentryPolicy | null = document.querySelector('consentry-policy');
policy?.setAttribute('src', '/privacy.md');
document.querySelector('consentry-banner')?.api?.acceptAll();

export const Props = () => {
  const analytics: boolean | null = useConsent('analytics');
  return (
    <>
      <consentry-policy markdown="## Who we are" no-consent-panel onload={(e: Event) => e.type} />
      {/* @ts-expect-error markdown is a string */}
      <consentry-policy markdown={42} />
      {/* @ts-expect-error scheme is light or dark */}
      <consentry-policy scheme="sepia" />
      {String(analytics)}
    </>
  );
};
export const vue: () => Readonly<Ref<boolean | null>> = () => useVueConsent('marketing', 'video');
export const props: ConsentryTagProps['consentry-policy']['src'] = '/privacy.md';
export const boot = () => init('/consent.json');
`,
    );
    writeFileSync(
      path.join(app.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['app', 'consumer.tsx'],
      }),
    );
  });
  after(() => app.remove());

  it("type-checks the README's Next.js snippets and the elements' JSX props against the packed types", () => {
    let out = '';
    try {
      execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', app.dir], { encoding: 'utf8' });
    } catch (e) {
      out = e.stdout + e.stderr;
    }
    assert.equal(out, '', 'tsc reports nothing');
  });
});

describe('the Vue types, in a Nuxt app', () => {
  let app;
  before(() => {
    app = writeApp('nuxt');
    // What Nuxt generates for its auto-imports (.nuxt/components.d.ts), so strict templates know them.
    writeFileSync(
      path.join(app.dir, 'components.d.ts'),
      `import type { DefineComponent } from 'vue';
import type TheVideo from './components/TheVideo.vue';
declare module 'vue' {
  interface GlobalComponents {
    TheVideo: typeof TheVideo;
    NuxtPage: DefineComponent;
  }
}
export {};
`,
    );
    writeFileSync(
      path.join(app.dir, 'Consumer.vue'),
      `<script setup lang="ts">
import { ConsentGate, useConsent } from 'consentry/vue';
import type { Ref } from 'vue';
const marketing: Readonly<Ref<boolean | null>> = useConsent('marketing');
</script>
<template>
  <consentry-policy markdown="## Who we are" no-consent-panel @load="(e: Event) => e.type" />
  <!-- @vue-expect-error markdown is a string -->
  <consentry-policy :markdown="42" />
  <!-- @vue-expect-error scheme is light or dark -->
  <consentry-policy scheme="sepia" />
  <!-- @vue-expect-error a gate needs its category -->
  <ConsentGate />
  <p>{{ marketing }}</p>
</template>
`,
    );
    writeFileSync(
      path.join(app.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
        include: ['**/*.vue', 'components.d.ts'],
        exclude: ['nuxt.config.ts'],
        vueCompilerOptions: { strictTemplates: true },
      }),
    );
  });
  after(() => app.remove());

  it("type-checks the README's Nuxt snippets and the elements in strict templates with vue-tsc", () => {
    let out = '';
    try {
      execFileSync(process.execPath, [path.join(repo, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', app.dir], { encoding: 'utf8' });
    } catch (e) {
      out = e.stdout + e.stderr;
    }
    assert.equal(out, '', 'vue-tsc reports nothing');
  });
});
