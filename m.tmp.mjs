const { generate } = await import(process.cwd() + "/dist/generate.js");
const stage = process.argv[2];
const t0 = performance.now();
const mem = () => Math.round(process.memoryUsage().rss / 1048576);
let peak = 0; const timer = setInterval(() => { peak = Math.max(peak, mem()); }, 20);
const r = await generate({ input: "/tmp/sc/r20", parseWorker: stage !== "noworker" });
clearInterval(timer);
console.log(stage, "generate", ((performance.now()-t0)/1000).toFixed(1), "s; sampled peak rss", peak, "MiB; maxRSS", Math.round(process.resourceUsage().maxRSS/1024), "MiB; heapUsed now", Math.round(process.memoryUsage().heapUsed/1048576), r.timings);
