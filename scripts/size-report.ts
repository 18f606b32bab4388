/** Size of each built entrypoint, raw and gzipped: npm run size [-- DIR] (default .output/chrome-mv3). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? '.output/chrome-mv3';
const files: string[] = [];
const walk = (d: string) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|css|html|json)$/.test(name)) files.push(p);
  }
};
walk(dir);
const rows = files
  .map((p) => {
    const buf = readFileSync(p);
    return { file: relative(dir, p), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw).padStart(11)} ${kb(r.gzip).padStart(11)}`);
console.log(JSON.stringify(Object.fromEntries(rows.map((r) => [r.file, r.gzip]))));
