// Preloaded with `node --import` by the workflow benchmark: when the process exits, writes its
// peak resident set size in KiB (`process.resourceUsage().maxRSS`, worker threads included) to
// the file named by MDSPEC_RSS_FILE.
import { writeFileSync } from "node:fs";

const file = process.env["MDSPEC_RSS_FILE"];
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
