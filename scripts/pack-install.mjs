#!/usr/bin/env node
// Installs mdspec as a user installs it and uses it as a user would: `npm pack` of this checkout,
// `npm install <tarball>` into a fresh project outside the checkout, the `mdspec` bin through an
// npm script with an `mdspec.config.ts` (`import { defineConfig } from "mdspec"`), then a program
// that imports the generated models, type-checked with the strictest options under
// `moduleResolution: nodenext` and `bundler`, compiled and run.
//
// Usage: node scripts/pack-install.mjs [--keep]
// Prints one line per step; on a failure it prints that step's output and exits 1. The temporary
// folders are removed at the end (`--keep` leaves them and prints where they are). Needs the npm
// registry (or a warm npm cache) for the dependencies of the package, typescript and @types/node.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const keep = process.argv.includes("--keep");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// The user project pins what this project pins, so the type-check sees what CI's does.
const typescriptVersion = manifest.devDependencies.typescript;
const nodeTypesVersion = manifest.devDependencies["@types/node"];

const work = realpathSync(mkdtempSync(join(tmpdir(), "mdspec-pack-")));
const packDir = join(work, "pack");
const app = join(work, "app");

let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (!relative(root, work).startsWith("..")) fail("setup", `${work} is inside the checkout ${root}`, "");
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

/** The environment of npm and node children: without the variables of an outer `npm run`. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_(package_|lifecycle_|config_local_prefix$|config_prefix$|command$|execpath$)/i.test(key) && key !== "INIT_CWD",
  ),
);
Object.assign(childEnv, { npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", NO_COLOR: "1" });

const started = performance.now();
let stepNumber = 0;

/** Runs a command; resolves with its exit code and its interleaved output. */
function run(command, args, cwd) {
  const windows = process.platform === "win32";
  const file = windows && (command === "npm" || command === "npx") ? `${command}.cmd` : command;
  return new Promise((resolvePromise) => {
    const child = spawn(file, args, { cwd, env: childEnv, shell: windows, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolvePromise({ code: -1, output: `${output}${error.message}\n`, stdout }));
    child.on("close", (code, signal) => resolvePromise({ code: code ?? `signal ${signal}`, output, stdout }));
  });
}

function fail(step, message, output) {
  console.log(`FAIL ${step}: ${message}`);
  if (output && output.trim()) {
    console.log(`----- output of ${step} -----`);
    console.log(output.trimEnd());
    console.log(`----- end of output -----`);
  }
  cleanup();
  process.exit(1);
}

/** Runs one step: `body` returns a short note, or throws a StepError (or anything) to fail. */
async function step(name, body) {
  stepNumber += 1;
  const label = `${stepNumber}. ${name}`;
  const stepStarted = performance.now();
  let note;
  try {
    note = await body();
  } catch (error) {
    if (error instanceof StepError) fail(label, error.message, error.output);
    fail(label, error?.stack ?? String(error), "");
  }
  const seconds = ((performance.now() - stepStarted) / 1000).toFixed(1);
  console.log(`ok   ${label} (${seconds} s)${note ? `: ${note}` : ""}`);
}

class StepError extends Error {
  constructor(message, output = "") {
    super(message);
    this.output = output;
  }
}

/** Runs a command that must exit 0; returns its result. */
async function must(command, args, cwd) {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new StepError(`\`${[command, ...args].join(" ")}\` exited with ${result.code}`, result.output);
  return result;
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Every `.ts` source file below `dir` (relative, `/`-separated), declaration files excepted. */
function sources(dir) {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(sep).join("/"))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
}

// ---------------------------------------------------------------------------------------------
// The user's project: three model docs (an object with a date-time field, an enum, a reference
// between them), a TypeScript config file and a program using the generated models.

const date = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)";
const docs = {
  "docs/models/order.md": `# Order

An order placed by a customer.

## Fields

| Field | Type | Required | Description | Example |
| ----- | ---- | -------- | ----------- | ------- |
| \`id\` | *string* | :heavy_check_mark: | The order's id. | ord_1 |
| \`placedAt\` | ${date} | :heavy_check_mark: | When the order was placed. | 2024-02-29T12:30:00.000Z |
| \`status\` | [models.OrderStatus](../models/orderstatus.md) | :heavy_check_mark: | Where the order is. | shipped |
| \`customer\` | [models.Customer](../models/customer.md) | :heavy_minus_sign: | Who placed the order. | |
| \`totalAmount\` | *number* | :heavy_minus_sign: | The total, in cents. | 1250 |
`,
  "docs/models/orderstatus.md": `# OrderStatus

Where an order is.

## Values

| Name | Value |
| ---- | ----- |
| \`Pending\` | pending |
| \`Shipped\` | shipped |
| \`Delivered\` | delivered |
`,
  "docs/models/customer.md": `# Customer

A customer.

## Fields

| Field | Type | Required | Description | Example |
| ----- | ---- | -------- | ----------- | ------- |
| \`name\` | *string* | :heavy_check_mark: | The customer's name. | Ada |
| \`createdAt\` | ${date} | :heavy_minus_sign: | When the customer signed up. | 2020-01-01T00:00:00.000Z |
`,
};

// snake_case wire names: the generated code shows whether the config file was read at all.
const config = `import { defineConfig } from "mdspec";

export default defineConfig({
  input: "docs/models",
  out: "src/models",
  wireNames: { case: "snake_case" },
});
`;

const program = `import { OrderStatus, parseOrder, safeParseOrder, serializeOrder, type Order, type OrderJson } from "./src/models/index.js";
import { ValidationError } from "./src/models/runtime.js";

const wire = '{"id":"ord_1","placed_at":"2024-02-29T13:30:00+01:00","status":"shipped","customer":{"name":"Ada","created_at":"2020-01-01T00:00:00Z"},"coupon":"x"}';
const order: Order = parseOrder(JSON.parse(wire));
const placedAt: Date = order.placedAt;
const status: OrderStatus = order.status;
const total: number | undefined = order.totalAmount;
const customerName: string | undefined = order.customer?.name;
// @ts-expect-error: a string that is not one of the enum's values
const wrongStatus: Order["status"] = "lost";
void wrongStatus;
console.log(\`parsed \${order.id} \${placedAt.toISOString()} \${status === OrderStatus.Shipped} \${total} \${customerName}\`);

const back: OrderJson = serializeOrder(order);
console.log(\`serialized \${JSON.stringify(back)}\`);

// Absent optional fields may be written as undefined (exactOptionalPropertyTypes).
const made: Order = { id: "ord_2", placedAt: new Date(Date.UTC(2025, 0, 2)), status: OrderStatus.Pending, customer: undefined };
console.log(\`made \${JSON.stringify(serializeOrder(made))}\`);

const bad: unknown = { id: 7, placed_at: "2024-02-30T00:00:00Z", status: "lost" };
try {
  parseOrder(bad);
  console.log("bad value accepted");
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  const first = error.issues[0];
  console.log(\`rejected \${error.issues.map((issue) => \`\${issue.path.join(".")}:\${issue.code}\`).join(" ")} first=\${first?.code}\`);
}
const safe = safeParseOrder(bad);
console.log(\`safeParse \${safe.success ? "accepted" : \`\${safe.error instanceof ValidationError} \${safe.error.issues.length}\`}\`);
`;

const expectedOutput = [
  "parsed ord_1 2024-02-29T12:30:00.000Z true undefined Ada",
  'serialized {"id":"ord_1","placed_at":"2024-02-29T12:30:00.000Z","status":"shipped","customer":{"name":"Ada","created_at":"2020-01-01T00:00:00.000Z"}}',
  'made {"id":"ord_2","placed_at":"2025-01-02T00:00:00.000Z","status":"pending"}',
  "rejected id:invalid_type placed_at:invalid_date status:invalid_enum_value first=invalid_type",
  "safeParse true 3",
].join("\n");

const strictOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  types: ["node"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // The default output is plain erasable TypeScript (what Node's type stripping runs).
  erasableSyntaxOnly: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  forceConsistentCasingInFileNames: true,
  // The package's own declaration files are checked too, as a user without skipLibCheck has them.
  skipLibCheck: false,
  rootDir: ".",
  noEmit: true,
};
const tsconfigs = {
  "tsconfig.nodenext.json": { module: "nodenext", moduleResolution: "nodenext" },
  "tsconfig.bundler.json": { module: "esnext", moduleResolution: "bundler" },
  "tsconfig.preserve.json": { module: "preserve", moduleResolution: "bundler" },
};

// ---------------------------------------------------------------------------------------------

console.log(`mdspec ${manifest.version}: pack, install and use as a user (node ${process.version}, work folder ${work})`);
let tarball;

try {
  await step("npm pack (runs prepare: build)", async () => {
    mkdirSync(packDir);
    const result = await must("npm", ["pack", "--json", "--pack-destination", packDir], root);
    // Output of the prepare script may precede the JSON on stdout.
    const json = result.stdout.slice(result.stdout.search(/^\[/m));
    let packed;
    try {
      [packed] = JSON.parse(json);
    } catch {
      throw new StepError("cannot read the JSON that npm pack prints", result.output);
    }
    tarball = join(packDir, packed.filename);
    if (!existsSync(tarball)) throw new StepError(`npm pack wrote no ${tarball}`, result.output);
    const files = new Set(packed.files.map((file) => file.path));
    const problems = [];

    // What the package needs at run time and for its types.
    const needed = ["package.json", "README.md", "templates/runtime.ts", manifest.main, manifest.types];
    for (const target of Object.values(manifest.bin)) needed.push(target);
    for (const conditions of Object.values(manifest.exports)) needed.push(...Object.values(conditions));
    for (const file of needed) if (!files.has(file.replace(/^\.\//, ""))) problems.push(`missing ${file}`);
    // Every compiled module and its declarations (workers and CLI modules load by path), and no
    // compiled file whose source is gone (left in dist/ by an incremental build).
    const srcFiles = sources(join(root, "src"));
    for (const source of srcFiles) {
      for (const compiled of [source.replace(/\.ts$/, ".js"), source.replace(/\.ts$/, ".d.ts")]) {
        if (!files.has(`dist/${compiled}`)) problems.push(`missing dist/${compiled} (compiled from src/${source})`);
      }
    }
    const srcSet = new Set(srcFiles);
    for (const file of files) {
      const compiled = /^dist\/(.*)\.(js|d\.ts)$/.exec(file);
      if (compiled && !srcSet.has(`${compiled[1]}.ts`)) problems.push(`stale ${file}: no src/${compiled[1]}.ts (remove dist/ and build again)`);
    }
    // Nothing a user cannot use: build info, source maps of sources that are not shipped, tests.
    for (const file of files) {
      const allowed = /^(package\.json|README\.md|LICENSE(\.\w+)?|bin\/[^/]+\.js|dist\/.+\.(js|d\.ts)|templates\/[^/]+\.ts)$/.test(file);
      if (!allowed) problems.push(`should not be shipped: ${file}`);
    }
    if (problems.length > 0) {
      const shown = problems.length > 25 ? [...problems.slice(0, 25), `… and ${problems.length - 25} more`] : problems;
      throw new StepError(`the package contents are wrong:\n  ${shown.join("\n  ")}`);
    }
    return `${packed.filename}, ${files.size} files, ${(packed.size / 1024).toFixed(0)} kB packed`;
  });

  await step(`fresh project: npm install <tarball> (typescript@${typescriptVersion}, @types/node@${nodeTypesVersion})`, async () => {
    write(
      join(app, "package.json"),
      `${JSON.stringify(
        {
          name: "mdspec-pack-install-check",
          version: "1.0.0",
          private: true,
          type: "module",
          scripts: { generate: "mdspec" },
          devDependencies: { "@types/node": nodeTypesVersion, typescript: typescriptVersion },
        },
        null,
        2,
      )}\n`,
    );
    await must("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], app);
    const installed = JSON.parse(readFileSync(join(app, "node_modules", "mdspec", "package.json"), "utf8"));
    if (installed.version !== manifest.version) throw new StepError(`node_modules/mdspec is version ${installed.version}, not ${manifest.version}`);
    const version = await must("npm", ["exec", "--no", "--", "mdspec", "--version"], app);
    if (version.stdout.trim() !== manifest.version) throw new StepError(`mdspec --version printed ${JSON.stringify(version.stdout.trim())}`, version.output);
    const count = readdirSync(join(app, "node_modules"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
    return `mdspec ${installed.version} and ${count} top-level packages in node_modules; \`mdspec --version\` works`;
  });

  await step("npm run generate (the mdspec bin, config from mdspec.config.ts)", async () => {
    for (const [path, text] of Object.entries(docs)) write(join(app, path), text);
    write(join(app, "mdspec.config.ts"), config);
    const result = await must("npm", ["run", "generate"], app);
    const out = join(app, "src", "models");
    const expected = ["runtime.ts", "index.ts", "order.ts", "orderstatus.ts", "customer.ts", ".mdspec-manifest.json"];
    const missing = expected.filter((file) => !existsSync(join(out, file)));
    if (missing.length > 0) throw new StepError(`no ${missing.join(", ")} in src/models`, result.output);
    if (!readFileSync(join(out, "order.ts"), "utf8").includes('"placed_at"')) {
      throw new StepError("src/models/order.ts has no wire key placed_at: wireNames of mdspec.config.ts was not applied", result.output);
    }
    // A second run with --check finds the output current (manifest and cache read back).
    await must("npm", ["run", "generate", "--", "--check"], app);
    const summary = result.output.trim().split("\n").at(-1);
    return `${expected.length} files in src/models; --check finds no drift; ${summary}`;
  });

  for (const [file, options] of Object.entries(tsconfigs)) {
    await step(`tsc -p ${file} (module ${options.module}, moduleResolution ${options.moduleResolution}, strict options)`, async () => {
      write(join(app, "main.ts"), program);
      write(join(app, file), `${JSON.stringify({ compilerOptions: { ...strictOptions, ...options }, include: ["main.ts", "mdspec.config.ts", "src"] }, null, 2)}\n`);
      await must("node", [join(app, "node_modules", "typescript", "bin", "tsc"), "-p", file], app);
      return "no errors in main.ts, mdspec.config.ts, the generated code and mdspec's declarations";
    });
  }

  await step("compile main.ts (nodenext) and run it", async () => {
    await must("node", [join(app, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.nodenext.json", "--noEmit", "false", "--outDir", "build"], app);
    const result = await must("node", [join("build", "main.js")], app);
    const printed = result.stdout.trim().replace(/\r\n/g, "\n");
    if (printed !== expectedOutput) throw new StepError(`main.js printed something else; expected:\n${expectedOutput}`, result.output);
    return `printed the ${expectedOutput.split("\n").length} expected lines`;
  });
} finally {
  cleanup();
}

console.log(`pack-install: all ${stepNumber} steps passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
