/**
 * A count with its noun, in the plural unless the count is one: "1 paragraph",
 * "3 paragraphs", "0 paragraphs". Irregular nouns give their plural.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
