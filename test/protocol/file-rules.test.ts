// The editor takes the file checks from the one rule registry: `hanke.rules` accepts them
// (no "unknown rule" error) and `not-a-description: off` silences the server's hint.
import { describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp-client';

const NOTES = 'Ostoslista\n\nmaitoa\nleipää\n';

describe('file checks in hanke.rules', () => {
  it('not-a-description: off silences the hint, and encoding: off is no configuration error', async () => {
    const c = new LspClient();
    c.settings = { hanke: { rules: { 'not-a-description': 'off', encoding: 'off', unreadable: 'warning' } } };
    const logs: string[] = [];
    c.conn.onNotification('window/logMessage', (m: { message: string }) => logs.push(m.message));
    await c.initialize('en');
    const p = await c.open('file:///tmp/notes/ostoslista.txt', NOTES);
    expect(p.diagnostics).toEqual([]);
    c.settings = { hanke: { rules: {} } };
    const next = c.nextDiagnostics('file:///tmp/notes/ostoslista.txt');
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).diagnostics.map((d) => d.code)).toEqual(['not-a-description']);
    expect(logs.join('\n')).not.toMatch(/unknown rule/);
    expect(await c.shutdown()).toBe(0);
  });
});
