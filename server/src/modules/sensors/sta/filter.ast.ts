/** The $filter expression tree: what the parser builds and the compiler turns into SQL. */

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type ArithmeticOperator = 'add' | 'sub' | 'mul' | 'div' | 'mod';
export type LogicalOperator = 'and' | 'or';

/** A WGS 84 geometry written as geography'…' (WKT): points and simple polygons are enough here. */
export type GeometryLiteral =
  | { readonly type: 'Point'; readonly coordinates: readonly [number, number] }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly [number, number])[] };

export type Literal =
  | { readonly kind: 'literal'; readonly type: 'string'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'literal'; readonly type: 'boolean'; readonly value: boolean }
  | { readonly kind: 'literal'; readonly type: 'null' }
  | { readonly kind: 'literal'; readonly type: 'datetime'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'interval'; readonly start: string; readonly end: string }
  | { readonly kind: 'literal'; readonly type: 'duration'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'geometry'; readonly value: GeometryLiteral };

export type FilterNode =
  | Literal
  | { readonly kind: 'path'; readonly segments: readonly string[] }
  | {
      readonly kind: 'comparison';
      readonly op: ComparisonOperator;
      readonly left: FilterNode;
      readonly right: FilterNode;
    }
  | {
      readonly kind: 'logical';
      readonly op: LogicalOperator;
      readonly left: FilterNode;
      readonly right: FilterNode;
    }
  | {
      readonly kind: 'arithmetic';
      readonly op: ArithmeticOperator;
      readonly left: FilterNode;
      readonly right: FilterNode;
    }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'negate'; readonly operand: FilterNode }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly FilterNode[] };
