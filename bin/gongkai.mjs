#!/usr/bin/env node
// The `gongkai` command. The source is TypeScript run through tsx, so `npx gongkai` works right
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main(process.argv);
