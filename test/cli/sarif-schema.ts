// A focused validator for the SARIF 2.1.0 we emit. The definitions below are the
// official schema's (sarif-schema-2.1.0.json, OASIS, JSON Schema draft-04) for every
// object `hanke lint --format sarif` writes, with their constraints: required
// properties, enums, minimums, formats and `additionalProperties: false`, so a
// misspelled or invented property fails. Definitions for objects we never write are
// left out; a reference to one of them fails loudly ("unknown definition").
// No network and no dependency: the interpreter handles the draft-04 keywords used.

export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: 'uri' | 'uri-reference' | 'date-time';
  anyOf?: Schema[];
};

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const str: Schema = { type: 'string' };
const indexProp: Schema = { type: 'integer', minimum: -1 };
const bag = ref('propertyBag');
const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';
const LEVELS = ['none', 'note', 'warning', 'error'];

export const SARIF_SCHEMA: Schema & { definitions: Record<string, Schema> } = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { type: 'string', enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], minItems: 0, items: ref('run') },
    inlineExternalProperties: { type: 'array', minItems: 0, uniqueItems: true, items: ref('externalProperties') },
    properties: bag,
  },
  definitions: {
    propertyBag: {
      type: 'object',
      additionalProperties: true,
      properties: { tags: { type: 'array', minItems: 0, uniqueItems: true, items: str } },
    },
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: {
        tool: ref('tool'),
        invocations: { type: 'array', minItems: 0, items: ref('invocation') },
        conversion: ref('conversion'),
        language: { type: 'string', pattern: '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$' },
        versionControlProvenance: { type: 'array', items: ref('versionControlDetails') },
        originalUriBaseIds: { type: 'object', additionalProperties: ref('artifactLocation') },
        artifacts: { type: 'array', minItems: 0, uniqueItems: true, items: ref('artifact') },
        logicalLocations: { type: 'array', items: ref('logicalLocation') },
        graphs: { type: 'array', items: ref('graph') },
        results: { type: 'array', minItems: 0, items: ref('result') },
        automationDetails: ref('runAutomationDetails'),
        runAggregates: { type: 'array', items: ref('runAutomationDetails') },
        baselineGuid: { type: 'string', pattern: GUID },
        redactionTokens: { type: 'array', uniqueItems: true, items: str },
        defaultEncoding: str,
        defaultSourceLanguage: str,
        newlineSequences: { type: 'array', minItems: 1, uniqueItems: true, items: str },
        columnKind: { type: 'string', enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
        externalPropertyFileReferences: ref('externalPropertyFileReferences'),
        threadFlowLocations: { type: 'array', items: ref('threadFlowLocation') },
        taxonomies: { type: 'array', items: ref('toolComponent') },
        addresses: { type: 'array', items: ref('address') },
        translations: { type: 'array', items: ref('toolComponent') },
        policies: { type: 'array', items: ref('toolComponent') },
        webRequests: { type: 'array', items: ref('webRequest') },
        webResponses: { type: 'array', items: ref('webResponse') },
        specialLocations: ref('specialLocations'),
        properties: bag,
      },
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['driver'],
      properties: { driver: ref('toolComponent'), extensions: { type: 'array', uniqueItems: true, items: ref('toolComponent') }, properties: bag },
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        guid: { type: 'string', pattern: GUID },
        name: str,
        organization: str,
        product: str,
        productSuite: str,
        shortDescription: ref('multiformatMessageString'),
        fullDescription: ref('multiformatMessageString'),
        fullName: str,
        version: str,
        semanticVersion: str,
        dottedQuadFileVersion: { type: 'string', pattern: '[0-9]+(\\.[0-9]+){3}' },
        releaseDateUtc: str,
        downloadUri: { type: 'string', format: 'uri' },
        informationUri: { type: 'string', format: 'uri' },
        globalMessageStrings: { type: 'object', additionalProperties: ref('multiformatMessageString') },
        notifications: { type: 'array', minItems: 0, uniqueItems: true, items: ref('reportingDescriptor') },
        rules: { type: 'array', minItems: 0, uniqueItems: true, items: ref('reportingDescriptor') },
        taxa: { type: 'array', minItems: 0, uniqueItems: true, items: ref('reportingDescriptor') },
        locations: { type: 'array', items: ref('artifactLocation') },
        language: { type: 'string', pattern: '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$' },
        contents: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['localizedData', 'nonLocalizedData'] } },
        isComprehensive: { type: 'boolean' },
        localizedDataSemanticVersion: str,
        minimumRequiredLocalizedDataSemanticVersion: str,
        associatedComponent: ref('toolComponentReference'),
        translationMetadata: ref('translationMetadata'),
        supportedTaxonomies: { type: 'array', uniqueItems: true, items: ref('toolComponentReference') },
        properties: bag,
      },
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: str,
        deprecatedIds: { type: 'array', uniqueItems: true, items: str },
        guid: { type: 'string', pattern: GUID },
        deprecatedGuids: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: GUID } },
        name: str,
        deprecatedNames: { type: 'array', uniqueItems: true, items: str },
        shortDescription: ref('multiformatMessageString'),
        fullDescription: ref('multiformatMessageString'),
        messageStrings: { type: 'object', additionalProperties: ref('multiformatMessageString') },
        defaultConfiguration: ref('reportingConfiguration'),
        helpUri: { type: 'string', format: 'uri' },
        help: ref('multiformatMessageString'),
        relationships: { type: 'array', uniqueItems: true, items: ref('reportingDescriptorRelationship') },
        properties: bag,
      },
    },
    reportingConfiguration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        level: { type: 'string', enum: LEVELS },
        rank: { type: 'number', minimum: -1, maximum: 100 },
        parameters: bag,
        properties: bag,
      },
    },
    multiformatMessageString: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: str, markdown: str, properties: bag },
    },
    message: {
      type: 'object',
      additionalProperties: false,
      properties: { text: str, markdown: str, id: str, arguments: { type: 'array', minItems: 0, items: str }, properties: bag },
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        ruleId: str,
        ruleIndex: indexProp,
        rule: ref('reportingDescriptorReference'),
        kind: { type: 'string', enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
        level: { type: 'string', enum: LEVELS },
        message: ref('message'),
        analysisTarget: ref('artifactLocation'),
        locations: { type: 'array', minItems: 0, items: ref('location') },
        guid: { type: 'string', pattern: GUID },
        correlationGuid: { type: 'string', pattern: GUID },
        occurrenceCount: { type: 'integer', minimum: 1 },
        partialFingerprints: { type: 'object', additionalProperties: str },
        fingerprints: { type: 'object', additionalProperties: str },
        stacks: { type: 'array', items: ref('stack') },
        codeFlows: { type: 'array', items: ref('codeFlow') },
        graphs: { type: 'array', items: ref('graph') },
        graphTraversals: { type: 'array', items: ref('graphTraversal') },
        relatedLocations: { type: 'array', uniqueItems: true, items: ref('location') },
        suppressions: { type: 'array', uniqueItems: true, items: ref('suppression') },
        baselineState: { type: 'string', enum: ['new', 'unchanged', 'updated', 'absent'] },
        rank: { type: 'number', minimum: -1, maximum: 100 },
        attachments: { type: 'array', items: ref('attachment') },
        hostedViewerUri: { type: 'string', format: 'uri' },
        workItemUris: { type: 'array', uniqueItems: true, items: { type: 'string', format: 'uri' } },
        provenance: ref('resultProvenance'),
        fixes: { type: 'array', items: ref('fix') },
        taxa: { type: 'array', items: ref('reportingDescriptorReference') },
        webRequest: ref('webRequest'),
        webResponse: ref('webResponse'),
        properties: bag,
      },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: indexProp,
        physicalLocation: ref('physicalLocation'),
        logicalLocations: { type: 'array', uniqueItems: true, items: ref('logicalLocation') },
        message: ref('message'),
        annotations: { type: 'array', uniqueItems: true, items: ref('region') },
        relationships: { type: 'array', uniqueItems: true, items: ref('locationRelationship') },
        properties: bag,
      },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { address: ref('address'), artifactLocation: ref('artifactLocation'), region: ref('region'), contextRegion: ref('region'), properties: bag },
      anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: str, index: indexProp, description: ref('message'), properties: bag },
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: { type: 'integer', minimum: 1 },
        startColumn: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1 },
        charOffset: indexProp,
        charLength: { type: 'integer', minimum: 0 },
        byteOffset: indexProp,
        byteLength: { type: 'integer', minimum: 0 },
        snippet: ref('artifactContent'),
        message: ref('message'),
        sourceLanguage: str,
        properties: bag,
      },
      anyOf: [{ required: ['startLine'] }, { required: ['charOffset'] }, { required: ['byteOffset'] }],
    },
    invocation: {
      type: 'object',
      additionalProperties: false,
      required: ['executionSuccessful'],
      properties: {
        commandLine: str,
        arguments: { type: 'array', items: str },
        responseFiles: { type: 'array', uniqueItems: true, items: ref('artifactLocation') },
        startTimeUtc: { type: 'string', format: 'date-time' },
        endTimeUtc: { type: 'string', format: 'date-time' },
        exitCode: { type: 'integer' },
        ruleConfigurationOverrides: { type: 'array', uniqueItems: true, items: ref('configurationOverride') },
        notificationConfigurationOverrides: { type: 'array', uniqueItems: true, items: ref('configurationOverride') },
        toolExecutionNotifications: { type: 'array', minItems: 0, items: ref('notification') },
        toolConfigurationNotifications: { type: 'array', minItems: 0, items: ref('notification') },
        exitCodeDescription: str,
        exitSignalName: str,
        exitSignalNumber: { type: 'integer' },
        processStartFailureMessage: str,
        executionSuccessful: { type: 'boolean' },
        machine: str,
        account: str,
        processId: { type: 'integer' },
        executableLocation: ref('artifactLocation'),
        workingDirectory: ref('artifactLocation'),
        environmentVariables: { type: 'object', additionalProperties: str },
        stdin: ref('artifactLocation'),
        stdout: ref('artifactLocation'),
        stderr: ref('artifactLocation'),
        stdoutStderr: ref('artifactLocation'),
        properties: bag,
      },
    },
    notification: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        locations: { type: 'array', uniqueItems: true, items: ref('location') },
        message: ref('message'),
        level: { type: 'string', enum: LEVELS },
        threadId: { type: 'integer' },
        timeUtc: { type: 'string', format: 'date-time' },
        exception: ref('exception'),
        descriptor: ref('reportingDescriptorReference'),
        associatedRule: ref('reportingDescriptorReference'),
        properties: bag,
      },
    },
    reportingDescriptorReference: {
      type: 'object',
      additionalProperties: false,
      properties: { id: str, index: indexProp, guid: { type: 'string', pattern: GUID }, toolComponent: ref('toolComponentReference'), properties: bag },
      anyOf: [{ required: ['index'] }, { required: ['guid'] }, { required: ['id'] }],
    },
    toolComponentReference: {
      type: 'object',
      additionalProperties: false,
      properties: { name: str, index: indexProp, guid: { type: 'string', pattern: GUID }, properties: bag },
    },
  },
};

export interface SchemaError {
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

function formatOk(format: string, s: string): boolean {
  if (format === 'uri') {
    try {
      new URL(s);
      return /^[a-z][a-z0-9+.-]*:/i.test(s) && !/\s/.test(s);
    } catch {
      return false;
    }
  }
  if (format === 'uri-reference') {
    // RFC 3986: no spaces or other characters that must be percent-encoded; a first
    // segment with ':' would read as a scheme.
    if (/[\s"<>\\^`{|}]/.test(s) || /[^\x21-\x7e]/.test(s)) return false;
    if (/%(?![0-9A-Fa-f]{2})/.test(s)) return false;
    const first = s.split('/')[0];
    if (first.includes(':') && !/^[a-z][a-z0-9+.-]*:/i.test(s)) return false;
    return true;
  }
  if (format === 'date-time') return !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s);
  return true;
}

/** Validates `value` against the schema; returns every violation found. */
export function validate(value: unknown, schema: Schema = SARIF_SCHEMA, root = SARIF_SCHEMA, path = '$'): SchemaError[] {
  const errors: SchemaError[] = [];
  const fail = (message: string) => errors.push({ path, message });
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const def = root.definitions[name];
    if (!def) {
      fail(`unknown definition ${name} (the validator does not cover it: we should not emit it)`);
      return errors;
    }
    return validate(value, def, root, path);
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) {
      fail(`expected ${types.join('|')}, got ${typeOf(value)}`);
      return errors;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) fail(`${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`${value} < minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`${value} > maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) fail(`${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (schema.format && !formatOk(schema.format, value)) fail(`${JSON.stringify(value)} is not a valid ${schema.format}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (schema.uniqueItems) {
      const seen = new Set(value.map((v) => JSON.stringify(v)));
      if (seen.size !== value.length) fail('items are not unique');
    }
    if (schema.items) value.forEach((v, i) => errors.push(...validate(v, schema.items!, root, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) fail(`missing required property "${r}"`);
    for (const [k, v] of Object.entries(obj)) {
      const p = schema.properties?.[k];
      if (p) errors.push(...validate(v, p, root, `${path}.${k}`));
      else if (schema.additionalProperties === false) fail(`property "${k}" is not allowed`);
      else if (typeof schema.additionalProperties === 'object') errors.push(...validate(v, schema.additionalProperties, root, `${path}.${k}`));
    }
  }
  if (schema.anyOf && !schema.anyOf.some((s) => validate(value, s, root, path).length === 0)) fail('matches none of anyOf');
  return errors;
}
