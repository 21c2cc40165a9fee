// Two builds from one source tree:
//  1. ESM (npm and the lazily loaded chunks): dist/index.js plus ui.js,
//     policy.js and validate.js, which share a lit chunk. Declarations in dist/types.
//  2. The script-tag build dist/consentry.js: a classic script (no `type=module`
//     needed) holding the core only; it import()s the ESM chunks above by URL
//     when something must be shown, so a returning visitor loads this file alone.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const terserOptions = {
  ecma: 2020,
  module: true,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  format: { comments: false },
};

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    noEmitOnError: true,
    ...(declarations ? {} : { declaration: false, declarationDir: undefined }),
  });

export default [
  {
    input: {
      index: 'src/index.ts',
      ui: 'src/ui.ts',
      policy: 'src/policy.ts',
      validate: 'src/validate/index.ts',
    },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [nodeResolve({ browser: true }), ts(true), terser(terserOptions)],
  },
  {
    // The decide chunk for the script-tag build, self-contained (the ESM build
    // above shares its modules with index.js instead).
    input: { decide: 'src/core/decide.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: true },
    plugins: [nodeResolve({ browser: true }), ts(false), terser(terserOptions)],
  },
  {
    input: 'src/consentry.ts',
    output: {
      file: 'dist/consentry.js',
      format: 'iife',
      sourcemap: true,
    },
    plugins: [nodeResolve({ browser: true }), ts(false), terser({ ...terserOptions, module: false })],
  },
];
