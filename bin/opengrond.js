#!/usr/bin/env node
// The `opengrond` command: runs the TypeScript sources through tsx, so a clean clone works
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
