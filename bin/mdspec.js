#!/usr/bin/env node
// The mdspec command: runs the compiled CLI (npm run build compiles src/ into dist/).
import "../dist/cli/run.js";
