import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closedStatuses, openStatuses, reportStatuses, transitions } from './report-states';
import { open311Status } from './open311/open311.presenter';

describe('the report state machine', () => {
  it('maps every state to exactly one Open311 status', () => {
    expect([...openStatuses, ...closedStatuses].sort()).toEqual([...reportStatuses].sort());
    expect(reportStatuses.filter((s) => open311Status(s) === 'closed')).toEqual([
      'published',
      'closed',
      'rejected',
      'merged',
    ]);
  });

  it('reaches every state from received', () => {
    const reached = new Set<string>(['received']);
    for (let round = 0; round < reportStatuses.length; round += 1) {
      for (const t of Object.values(transitions)) if (t.from.some((s) => reached.has(s))) reached.add(t.to);
    }
    expect([...reached].sort()).toEqual([...reportStatuses].sort());
  });

  it('ends only in closed, rejected or merged', () => {
    const leaving = new Set(Object.values(transitions).flatMap((t) => [...t.from]));
    expect(reportStatuses.filter((s) => !leaving.has(s))).toEqual(['closed', 'rejected', 'merged']);
  });

  it('names the Open311 closed states in the partial indexes that serve status=closed', () => {
    const migration = fs.readFileSync(
      new URL('./migrations/202611240600_list_indexes.sql', import.meta.url),
      'utf8',
    );
    const lists = [...migration.matchAll(/where status in \(([^)]*)\)/g)].map((m) => m[1]);
    expect(lists).toHaveLength(2);
    for (const list of lists)
      expect(list?.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...closedStatuses]);
  });
});
