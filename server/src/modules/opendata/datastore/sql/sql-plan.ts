import { CkanError } from '../../ckan/ckan-action';
import { DATA_SCHEMA } from '../schema/identifiers';
import { allowedFunctions } from './sql-functions';

/** What PostgreSQL's plan says a query touches, and what it expects it to cost. */
export interface PlanFacts {
  readonly relations: readonly { readonly schema: string; readonly name: string }[];
  readonly functions: readonly string[];
  readonly totalCost: number;
}

type PlanNode = {
  'Relation Name'?: string;
  Schema?: string;
  'Function Name'?: string;
  'Total Cost'?: number;
  Plans?: PlanNode[];
};

function walk(
  node: PlanNode,
  facts: { relations: { schema: string; name: string }[]; functions: string[] },
): void {
  if (node['Relation Name']) facts.relations.push({ schema: node.Schema ?? '', name: node['Relation Name'] });
  if (node['Function Name']) facts.functions.push(node['Function Name']);
  for (const child of node.Plans ?? []) walk(child, facts);
}

/** Reads `EXPLAIN (VERBOSE, FORMAT JSON)` output: every scanned relation, including in sub-plans and CTEs. */
export function planFacts(explain: unknown): PlanFacts {
  const document = (typeof explain === 'string' ? JSON.parse(explain) : explain) as { Plan: PlanNode }[];
  const root = document[0]?.Plan;
  if (!root) throw new Error('EXPLAIN returned no plan');
  const facts = { relations: [], functions: [] } as {
    relations: { schema: string; name: string }[];
    functions: string[];
  };
  walk(root, facts);
  return { ...facts, totalCost: root['Total Cost'] ?? 0 };
}

/**
 * The second line of defence, on PostgreSQL's own reading of the query (so no spelling escapes it): every
 * relation the plan scans is a DataStore table the caller may read, every function it scans is allowed,
 * and the estimated cost stays under the cap. Rows are read only from relations the plan scans, so this
 * covers every way a query can reach data.
 */
export function checkPlan(facts: PlanFacts, readable: ReadonlySet<string>, maxCost: number): void {
  for (const relation of facts.relations) {
    if (relation.schema !== DATA_SCHEMA) {
      const system = relation.schema === 'pg_catalog' || relation.schema === 'information_schema';
      throw CkanError.denied(
        system
          ? 'Not authorized to access system tables'
          : `Not authorized to read "${relation.schema}.${relation.name}"`,
      );
    }
    if (!readable.has(relation.name))
      throw CkanError.denied(`Not authorized to read resource "${relation.name}"`);
  }
  for (const name of facts.functions) {
    if (!allowedFunctions.has(name))
      throw CkanError.invalid({ query: [`Not allowed to call Postgres function "${name}"`] });
  }
  if (facts.totalCost > maxCost) {
    throw CkanError.invalid({
      query: [
        `The query is too expensive (estimated cost ${Math.round(facts.totalCost)}, at most ${maxCost}); add filters or a LIMIT`,
      ],
    });
  }
}
