// Runs every bench/*.bench.ts suite in Node (through Vite's module runner, since Node 20 cannot run TS)
// and prints one Markdown table. Browser benchmarks run separately: see BENCHMARKS.md.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';

const only = process.argv[2];
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).toSorted();
const rows = [];
for (const file of files) {
  const { module } = await runnerImport(`/bench/${file}`, { configFile: false, logLevel: 'error' });
  await module.default((row) => {
    rows.push(row);
    console.error(`${row.suite} / ${row.name}: ${row.medianMs.toFixed(2)} ms`);
  });
}

const fmt = (v, digits = 1) => (v === undefined ? '' : Number(v).toFixed(digits));
const table = [
  '| suite | case | median ms | min ms | runs | baseline ms | speed-up | throughput | note |',
  '|---|---|---:|---:|---:|---:|---:|---|---|',
  ...rows.map((r) =>
    `| ${r.suite} | ${r.name} | ${fmt(r.medianMs, 2)} | ${fmt(r.minMs, 2)} | ${r.runs} | ${fmt(r.baselineMs)} | ${r.speedup ? `${fmt(r.speedup)}x` : ''} | ${r.throughput ?? ''} | ${r.note ?? ''} |`),
].join('\n');
console.log(`Node ${process.version}, ${new Date().toISOString()}\n\n${table}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/node.json', JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2));
