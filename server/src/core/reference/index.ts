// Reference data queries: the programme, geography and known field values.
export * from './programme';
export * from './geography';
export * from './values';
