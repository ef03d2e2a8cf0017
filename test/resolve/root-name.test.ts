import { describe, expect, it } from "vitest";
import { linkTarget } from "../../src/ir/resolve.js";
import { loadRoot } from "./load.js";

// Speakeasy writes every Type-cell link relative to a docs root named `models`; these tests give
// the root other names and depths.

describe("a link back into the root through `models`", () => {
  it("resolves inside a root of any name (../../models/shared/x.md from operations/)", () => {
    expect(linkTarget("operations/x.md", "../../models/shared/syncsequence.md", "/home/me/proj/vendor/api-docs")).toBe("shared/syncsequence.md");
    expect(linkTarget("operations/x.md", "../../models/operations/y.md", "/api-docs")).toBe("operations/y.md");
    // From a doc at the root and from a doc two folders down: one climb above the root either way.
    expect(linkTarget("x.md", "../models/y.md", "/proj/vendor/api-docs")).toBe("y.md");
    expect(linkTarget("a/b/x.md", "../../../models/shared/y.md", "/proj/vendor/api-docs")).toBe("shared/y.md");
    // Anchors, queries and percent-escapes are handled as before.
    expect(linkTarget("operations/x.md", "../../models/shared/y%20z.md#fields", "/proj/vendor/api-docs")).toBe("shared/y z.md");
  });

  it("resolves inside a root of any name through sdk/models (../../../sdk/models/shared/x.md from shared/)", () => {
    // The sdk/models layout copied to vendor/api-docs: the link climbs out of api-docs and vendor.
    expect(linkTarget("shared/a.md", "../../../sdk/models/shared/b.md", "/proj/vendor/api-docs")).toBe("shared/b.md");
    expect(linkTarget("operations/x.md", "../../../sdk/models/payments/y.md#fields", "/api-docs/v2")).toBe("payments/y.md");
    // From a doc at the root: the link climbs out of the root's parent through the root.
    expect(linkTarget("x.md", "../../sdk/models/y.md", "/proj/vendor/api-docs")).toBe("y.md");
    // The root's actual ancestors may come before sdk/models on a deeper climb.
    expect(linkTarget("a/b/x.md", "../../../../../proj/sdk/models/shared/y.md", "/proj/vendor/api-docs")).toBe("shared/y.md");
  });

  it("resolves deeper climbs that name the root's actual ancestors on the way back (sdk/models layout)", () => {
    expect(linkTarget("shared/a.md", "../../../sdk/models/shared/b.md", "/repo/docs/sdk/api-docs")).toBe("shared/b.md");
    expect(linkTarget("shared/a.md", "../../../../docs/sdk/models/shared/b.md", "/repo/docs/sdk/api-docs")).toBe("shared/b.md");
  });

  it("keeps resolving links through the root's actual name, and a root named models as before", () => {
    expect(linkTarget("shared/a.md", "../../api-docs/shared/b.md", "/proj/vendor/api-docs")).toBe("shared/b.md");
    expect(linkTarget("models/x.md", "../../docs/models/y.md", "/repo/docs")).toBe("models/y.md");
    expect(linkTarget("operations/x.md", "../../models/shared/y.md", "/repo/docs/models")).toBe("shared/y.md");
    expect(linkTarget("shared/a.md", "../../../sdk/models/shared/b.md", "/repo/docs/sdk/models")).toBe("shared/b.md");
    expect(linkTarget("shared/a.md", "b.md", "/proj/vendor/api-docs")).toBe("shared/b.md");
  });
});

describe("a link that really leaves the root", () => {
  const root = "/proj/vendor/api-docs";

  it("is refused when it goes to a sibling of the root other than models", () => {
    expect(linkTarget("shared/a.md", "../../other/outside.md", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../Models/shared/b.md", root)).toBeNull();
  });

  it("is refused when it stops at the root or above it", () => {
    expect(linkTarget("shared/a.md", "../../models", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../models/", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../..", root)).toBeNull();
  });

  it("is refused when it climbs two folders above the root and comes down through models only once", () => {
    expect(linkTarget("shared/a.md", "../../../models/b.md", root)).toBeNull();
    expect(linkTarget("a/b/x.md", "../../../../models/shared/y.md", root)).toBeNull();
  });

  it("is refused when a deeper climb comes back through folders that are neither the root's ancestors nor sdk/models", () => {
    expect(linkTarget("shared/a.md", "../../../sdk/other/shared/b.md", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../../lib/models/shared/b.md", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../../../x/sdk/models/shared/b.md", root)).toBeNull();
    // `models` stands for the root only, not for one of its ancestors; `sdk` only for the root's parent.
    expect(linkTarget("shared/a.md", "../../../models/api-docs/b.md", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../sdk/shared/b.md", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../../models/sdk/shared/b.md", root)).toBeNull();
  });

  it("is refused when it stops at the root through sdk/models", () => {
    expect(linkTarget("shared/a.md", "../../../sdk/models", root)).toBeNull();
    expect(linkTarget("shared/a.md", "../../../sdk/models/", root)).toBeNull();
  });

  it("is refused when it climbs above the filesystem root", () => {
    expect(linkTarget("a/x.md", "../../../models/x.md", "/docs")).toBeNull();
    expect(linkTarget("a/x.md", "../../../../etc/passwd.md", root)).toBeNull();
  });
});

describe("resolving a fixture tree under another root name", () => {
  it("resolves the census fixture under /repo/vendor/api-docs with no diagnostics and the same schema as under docs/models", () => {
    const renamed = loadRoot("census", "/repo/vendor/api-docs");
    expect(renamed.diagnostics).toEqual([]);
    expect(renamed.fieldType("operations/getsyncrunresponse.md", "syncRun")).toMatchObject({
      kind: "ref",
      via: { form: "link", url: "../../models/shared/syncrun.md" },
      target: "shared/syncrun.md",
    });
    expect(renamed.schema).toEqual(loadRoot("census", "/repo/docs/models").schema);
  });

  it("resolves the sdk/models fixture under sdk/api-docs", () => {
    const renamed = loadRoot("sdk", "/repo/docs/sdk/api-docs");
    expect(renamed.diagnostics).toEqual([]);
    expect(renamed.fieldType("shared/a.md", "b")).toMatchObject({ kind: "ref", target: "shared/b.md" });
  });

  it("still reports the link that leaves a renamed root (MDS204 with file, line and column)", () => {
    const renamed = loadRoot("broken", "/repo/vendor/api-docs");
    expect(renamed.diagnostics).toEqual(loadRoot("broken", "/repo/docs/models").diagnostics);
    expect(renamed.diagnostics).toContainEqual({
      file: "shared/broken.md",
      line: 7,
      column: 15,
      severity: "error",
      code: "MDS204",
      message: "the link [shared.Outside](../../other/outside.md) leaves the docs root",
    });
    expect(renamed.fieldType("shared/broken.md", "ok")).toMatchObject({ kind: "ref", target: "shared/fine.md" });
  });
});
