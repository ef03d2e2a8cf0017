import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";

/** The compiler flags generated code must pass (DESIGN.md section 3), as compiler options. */
export const STRICT_FLAGS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/**
 * Type-checks a set of generated files in a temporary ESM package and returns the diagnostics
 * as `path(line,col): message` strings (empty when the files compile).
 */
export function typecheckFiles(files: readonly { path: string; content: string }[], flags: ts.CompilerOptions = STRICT_FLAGS): string[] {
  const dir = mkdtempSync(join(tmpdir(), "mdspec-typecheck-"));
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    const roots = files.map((file) => {
      const path = join(dir, "out", file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      return path;
    });
    return diagnosticsOf(roots, flags, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Type-checks every `.ts` file below `dir`, an ESM package folder (as the runtime tests' temporary
 * outputs are), and returns the diagnostics as {@link typecheckFiles} does.
 */
export function typecheckDir(dir: string, flags: ts.CompilerOptions = STRICT_FLAGS): string[] {
  const roots = (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((path) => path.endsWith(".ts")).map((path) => join(dir, path));
  return diagnosticsOf(roots, flags, dir);
}

function diagnosticsOf(roots: readonly string[], flags: ts.CompilerOptions, dir: string): string[] {
  const program = ts.createProgram(roots, flags);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName.slice(dir.length + 1)}(${line + 1},${character + 1}): ${message}`;
  });
}
