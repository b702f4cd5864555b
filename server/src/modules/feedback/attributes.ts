import { AppError } from '../../platform/http/app-error';
import { feedbackErrors } from './feedback.errors';
import type { CategoryAttribute } from './routing.repo';

export type AttributeValue = string | string[];

const MAX_VALUE_LENGTH = 1000;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function invalid(code: string): AppError {
  return new AppError(feedbackErrors.ATTRIBUTE_INVALID, { code }, { code });
}

function checkOne(definition: CategoryAttribute, value: AttributeValue): AttributeValue {
  const values = Array.isArray(value) ? value : [value];
  if (definition.datatype !== 'multivaluelist' && values.length !== 1) throw invalid(definition.code);
  const allowed = definition.values?.map((entry) => entry.key);
  for (const item of values) {
    if (item.length > MAX_VALUE_LENGTH) throw invalid(definition.code);
    if (definition.datatype === 'number' && !Number.isFinite(Number(item))) throw invalid(definition.code);
    if (definition.datatype === 'datetime' && !ISO_DATETIME.test(item)) throw invalid(definition.code);
    if (definition.datatype === 'string' && /[\r\n]/.test(item)) throw invalid(definition.code);
    if (allowed && definition.datatype.endsWith('valuelist') && !allowed.includes(item))
      throw invalid(definition.code);
  }
  return definition.datatype === 'multivaluelist' ? values : (values[0] ?? '');
}

/**
 * Checks the answers to a category's Open311 attributes: required ones present, values of the right
 * type and, for lists, among the offered keys; empty answers count as absent (Open311: an empty
 * optional argument equals an omitted one). Codes the category does not define are refused, or with
 * `unknown: 'keep'` kept as given: Open311 clients send their own (FixMyStreet sends
 * attribute[fixmystreet_id], attribute[title]…) and must work unchanged.
 */
export function checkAttributes(
  definitions: readonly CategoryAttribute[],
  given: Readonly<Record<string, AttributeValue>>,
  unknown: 'refuse' | 'keep' = 'refuse',
): Record<string, AttributeValue> {
  const checked: Record<string, AttributeValue> = {};
  for (const [code, value] of Object.entries(given)) {
    if (definitions.some((definition) => definition.code === code)) continue;
    if (unknown === 'refuse') throw invalid(code);
    checked[code] = Array.isArray(value)
      ? value.map((item) => item.slice(0, MAX_VALUE_LENGTH))
      : value.slice(0, MAX_VALUE_LENGTH);
  }
  for (const definition of definitions) {
    const raw = given[definition.code];
    const empty = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (definition.required) throw invalid(definition.code);
      continue;
    }
    checked[definition.code] = checkOne(definition, raw);
  }
  return checked;
}
