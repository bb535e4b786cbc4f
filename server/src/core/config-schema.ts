// The JSON schema of `.hankerc.json` (and of the `hanke.rules` setting), generated from
// the rule registry so it never lists rules by hand. Written to schemas/ by the build.
import { SETTINGS } from './config';
import { CATALOGUE } from './rules';

export function rulesSchema(): object {
  const properties: Record<string, object> = {};
  for (const r of CATALOGUE) {
    properties[r.id] = {
      enum: [...SETTINGS],
      description: `${r.description.en} / ${r.description.fi} (default: ${r.defaultSeverity})`,
    };
  }
  return {
    type: 'object',
    description: 'Rule id → severity, or "off". / Säännön tunnus → vakavuus tai "off".',
    properties,
    additionalProperties: false,
  };
}

export function hankercSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/hanke-tools/hanke/blob/main/schemas/hankerc.schema.json',
    title: 'hanke configuration (.hankerc.json)',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      rules: rulesSchema(),
      locale: { enum: ['fi', 'en'], description: 'Message language. / Viestien kieli.' },
    },
    additionalProperties: false,
  };
}
