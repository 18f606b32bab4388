/** Schema-check individual entity files (for authors): npx tsx scripts/check-entity.ts FILE... */
import { readFileSync } from 'node:fs';
import { Entity } from '../lib/data/schema';

let failed = 0;
for (const path of process.argv.slice(2)) {
  try {
    const parsed = Entity.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) {
      if (!path.endsWith(`${parsed.data.type}/${parsed.data.id}.json`)) {
        failed++;
        console.error(`${path}: file must be data/entities/${parsed.data.type}/${parsed.data.id}.json`);
      } else console.log(`${path}: ok (${parsed.data.facts.length} facts)`);
    } else {
      failed++;
      for (const issue of parsed.error.issues) console.error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
    }
  } catch (err) {
    failed++;
    console.error(`${path}: ${(err as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
