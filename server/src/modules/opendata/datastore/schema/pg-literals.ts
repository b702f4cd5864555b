/** PostgreSQL's array input syntax for a list of values (`{"a","b c",NULL}`), quoting every element. */
export function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
  });
  return `{${elements.join(',')}}`;
}
