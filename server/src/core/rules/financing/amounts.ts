// Section 5 amounts as the parser read them, for the financing cross-checks.
import type { Facts } from '../../facts';
import type { FieldNode } from '../../model';
import type { Texts } from '../../schema';
import { amountOf, formatAmount } from '../../values';
import { type RuleFinding, t } from '../types';

export interface Amount {
  field: FieldNode;
  cents: number;
}

/**
 * A present, valid amount. Absent, empty (a realised figure while the project runs) or
 * invalid (invalid-number's) amounts give undefined: no cross-check cascades from them.
 */
export function amount(facts: Facts, key: string): Amount | undefined {
  const field = facts.field(key);
  const { cents } = amountOf(field);
  return field && cents !== undefined ? { field, cents } : undefined;
}

/** '289 500 €', '1 234,50 €'. */
export function euros(cents: number): string {
  return `${formatAmount(cents)} €`;
}

/**
 * The relation `larger ≤ limit`: a finding on the value of `larger` when it is broken.
 * Equal amounts are fine. `names` are the two amounts as a sentence names them.
 */
export function exceeds(facts: Facts, largerKey: string, limitKey: string, names: { larger: Texts; limit: Texts }): RuleFinding[] {
  const larger = amount(facts, largerKey);
  const limit = amount(facts, limitKey);
  if (!larger || !limit || larger.cents <= limit.cents) return [];
  const a = euros(larger.cents);
  const b = euros(limit.cents);
  const d = euros(larger.cents - limit.cents);
  return [
    {
      range: larger.field.valueRange,
      message: t(`${names.larger.fi} (${a}) on suurempi kuin ${names.limit.fi} (${b}); ero ${d}.`, `${names.larger.en} (${a}) exceeds ${names.limit.en} (${b}) by ${d}.`),
    },
  ];
}
