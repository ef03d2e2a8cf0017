import { main } from "./main.js";

// The executable entry point: run the CLI and exit with its code.
process.exitCode = await main(process.argv.slice(2));
