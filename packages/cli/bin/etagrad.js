#!/usr/bin/env node
// The published `etagrad` command: runs the built CLI. In the monorepo, `npm start` runs the
// sources instead (tsx with the @etagrad/source condition).
import { runAsProcess } from '../dist/main.js';

await runAsProcess();
