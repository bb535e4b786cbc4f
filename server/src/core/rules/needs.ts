// Whether a rule has anything to look at in a document (Rule.needs): the flags of the
// document's one walk (survey.ts), of the section 6 lists (placesSurvey) and the kinds of
// value some value rule might report (values/suspects.ts).
import { placesSurvey } from './geography/common';
import { survey } from './survey';
import type { Rule, RuleContext } from './types';
import { suspectKinds } from './values/suspects';

/** Whether the document holds what `rule` needs (Rule.needs) to have anything to report. */
export function worthChecking(rule: Rule, ctx: RuleContext): boolean {
  const needs = rule.needs;
  if (needs === undefined) return true;
  if ('survey' in needs) return survey(ctx.doc)[needs.survey];
  if ('places' in needs) return placesSurvey(ctx.facts)[needs.places];
  const suspects = suspectKinds(ctx.doc);
  for (let i = 0; i < needs.values.length; i++) if (suspects.has(needs.values[i])) return true;
  return false;
}
