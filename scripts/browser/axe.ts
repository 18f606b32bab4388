import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's source, evaluated through the DevTools protocol so extension pages' CSP does not block it. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Serious and critical accessibility violations in `include` (a selector; shadow roots included). */
export async function seriousViolations(target: Page | Frame, include?: string): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(include ? { include: [[include]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
