#!/usr/bin/env node
// The compiled CLI lives in ../dist; run `npm run build -w server` first.
import '../dist/cli.js';
