import { expect } from 'vitest';
import type { Report } from '../../src/report/report';
import { ORIGINAL_ID, type SeedExpectation } from './seeds';

/** Asserts a report says what DESIGN.md's table says of a seed. */
export function expectSeedReport(report: Report, e: SeedExpectation): void {
  expect(report.verdict).toBe(e.verdict);
  if (e.verdict === 'repost' || e.verdict === 'original') expect(report.match?.id).toBe(ORIGINAL_ID);
  else expect(report.match).toBeNull();
  expect(report.findings.map((f) => f.kind).sort()).toEqual([...e.kinds].sort());
  const missing = report.findings.find((f) => f.kind === 'missing-paragraphs');
  expect(missing?.kind === 'missing-paragraphs' ? missing.paragraphs.map((p) => p.index) : []).toEqual(e.missing);
  const added = report.findings.find((f) => f.kind === 'added-boilerplate');
  const categories =
    added?.kind === 'added-boilerplate' ? [...new Set(added.paragraphs.map((p) => p.category))].sort() : [];
  expect(categories).toEqual([...e.boilerplate].sort());
  for (const finding of report.findings) {
    const evidence = finding.kind === 'machine-translation' ? finding.evidence : finding.paragraphs;
    expect(evidence.length, `${finding.kind} carries evidence`).toBeGreaterThan(0);
  }
}
