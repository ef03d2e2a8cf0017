#!/usr/bin/env node
// Formats templates/runtime.ts with the prettier options of generated code. The generator copies
// the template into every output as it is (a test checks that prettier would not change it), so
// run this after editing the template: `npm run format:runtime`.
import { readFileSync, writeFileSync } from "node:fs";
import { formatTypeScript } from "../dist/emit/format.js";

const path = new URL("../templates/runtime.ts", import.meta.url);
const text = readFileSync(path, "utf8");
const formatted = await formatTypeScript(text);
if (formatted !== text) writeFileSync(path, formatted);
console.log(formatted === text ? "templates/runtime.ts is formatted" : "templates/runtime.ts formatted");
