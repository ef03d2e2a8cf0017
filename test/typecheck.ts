import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
    const program = ts.createProgram(roots, flags);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.slice(dir.length + 1)}(${line + 1},${character + 1}): ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
