import { describe, expect, it } from 'vitest';
import { chooseSessions, filesInUse, isSessionKey, KEPT_SESSIONS, readSavedSession, sessionKey } from './savedSessions.ts';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from './workspace.ts';

const sample = (key: string) => ({ key, fileName: `${key}.fcs`, byteLength: 10, source: { kind: 'file' }, annotation: null, activeDataset: 0 });
const at = (minute: number) => `2026-12-03T10:${String(minute).padStart(2, '0')}:00.000Z`;
const workspaceText = (savedAt: string, keys: string[]) => JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt, samples: keys.map(sample), state: {} });

describe('readSavedSession', () => {
  it('reads a session this version wrote', () => {
    const session = readSavedSession('session:a', workspaceText('2026-12-03T10:00:00.000Z', ['k1', 'k2']));
    expect(session).toMatchObject({ kind: 'restorable', key: 'session:a', savedAt: '2026-12-03T10:00:00.000Z', fileCount: 2 });
  });

  it("keeps a newer version's session aside with the files it lists", () => {
    const text = JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION + 1, savedAt: '2030-01-01T00:00:00.000Z', samples: [{ key: 'k9', more: 'fields' }], state: { anything: 1 } });
    expect(readSavedSession('session:n', text)).toEqual({ kind: 'newer', key: 'session:n', version: WORKSPACE_VERSION + 1, savedAt: '2030-01-01T00:00:00.000Z', fileKeys: ['k9'] });
    const unlisted = JSON.stringify({ format: WORKSPACE_FORMAT, version: 7, files: {} });
    expect(readSavedSession('session:m', unlisted)).toMatchObject({ kind: 'newer', savedAt: null, fileKeys: null });
  });

  it.each([
    [42, 'it is not text'],
    ['{"format":"flowfate-workspace","ver', 'it is not JSON (it may have been cut short)'],
    ['{"hello":1}', 'this is not a FlowFate workspace file'],
    [JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: 'x', samples: [{ key: 1 }], state: {} }), 'the workspace lists its files in an unknown form'],
  ])('says why %j cannot be read', (value, reason) => {
    expect(readSavedSession('previous-session', value)).toEqual({ kind: 'damaged', key: 'previous-session', reason });
  });
});

describe('chooseSessions', () => {
  const sessions = Array.from({ length: KEPT_SESSIONS + 2 }, (_, i) => readSavedSession(sessionKey(`s${i}`), workspaceText(at(i), [`k${i}`])));

  it('offers the newest sessions first, keeps unreadable ones aside, and marks the rest beyond five as surplus', () => {
    const damaged = readSavedSession('session:bad', 'nope');
    const choice = chooseSessions([damaged, ...sessions], new Set());
    expect(choice.offered.map((s) => s.key)).toEqual(['session:s6', 'session:s5', 'session:s4', 'session:s3', 'session:s2']);
    expect(choice.surplus.map((s) => s.key)).toEqual(['session:s1', 'session:s0']);
    expect(choice.unreadable).toEqual([damaged]);
  });

  it('neither offers nor removes a session open in another tab', () => {
    const choice = chooseSessions(sessions, new Set(['session:s6', 'session:s0']));
    expect(choice.offered.map((s) => s.key)).toEqual(['session:s5', 'session:s4', 'session:s3', 'session:s2', 'session:s1']);
    expect(choice.surplus).toEqual([]);
  });
});

describe('filesInUse', () => {
  it("lists every kept session's files, a newer version's included", () => {
    const newer = readSavedSession('session:n', JSON.stringify({ format: WORKSPACE_FORMAT, version: 9, samples: [{ key: 'k9' }] }));
    const own = readSavedSession('session:a', workspaceText('2026-12-03T10:00:00.000Z', ['k1', 'k2']));
    expect(filesInUse([own, newer])).toEqual(new Set(['k1', 'k2', 'k9']));
  });

  it('lets no file go while a session whose files cannot be known is kept', () => {
    expect(filesInUse([readSavedSession('session:a', workspaceText('t', ['k1'])), readSavedSession('session:d', '{')])).toBeNull();
    expect(filesInUse([readSavedSession('session:n', JSON.stringify({ format: WORKSPACE_FORMAT, version: 9 }))])).toBeNull();
  });
});

describe('isSessionKey', () => {
  it("recognises this version's and the earlier slots, and leaves other keys alone", () => {
    expect(['session:x', 'current-session', 'previous-session'].every(isSessionKey)).toBe(true);
    expect(isSessionKey('settings')).toBe(false);
  });
});
