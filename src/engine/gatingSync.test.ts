import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store.ts';
import type { Cytometry, CytometryClient } from './cytometryClient.ts';
import { startGatingSync } from './gatingSync.ts';

/** A client whose applyStrategy calls wait until `answer()` answers the oldest one. */
function pendingClient() {
  const waiting: (() => void)[] = [];
  const engine = { applyStrategy: () => new Promise((resolve) => waiting.push(() => resolve({ ok: true, value: [] }))) } as unknown as Cytometry;
  const client: CytometryClient = { call: (work) => work(engine), parallelOpens: 1, terminate: () => undefined };
  return { client, answer: () => waiting.shift()?.(), waiting };
}

function storeWithSamples(count: number) {
  const store = createAppStore();
  for (let i = 0; i < count; i++) {
    const id = `s${i}`;
    store.getState().addSample({ id, fileName: `${id}.fcs`, byteLength: 1, source: { kind: 'file' } });
    store.getState().setSampleStatus(id, { kind: 'ready', summary: { id, fileName: `${id}.fcs`, byteLength: 1, fingerprint: '0', datasets: [], activeDataset: 0, eventBytes: 0 } });
  }
  return store;
}

describe('startGatingSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('brings the counts of many samples back in a few store updates', async () => {
    const store = storeWithSamples(40);
    const { client, answer, waiting } = pendingClient();
    startGatingSync(client, store);
    expect(waiting).toHaveLength(40);
    let updates = 0;
    store.subscribe((state, before) => {
      if (state.gatingResults !== before.gatingResults) updates++;
    });
    for (let i = 0; i < 40; i++) {
      answer();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(Object.keys(store.getState().gatingResults)).toHaveLength(40);
    expect(updates).toBeLessThanOrEqual(5);
  });

  it('brings the counts of a lone sample (a drag step) back at once, without waiting for the batch', async () => {
    const store = storeWithSamples(1);
    const { client, answer } = pendingClient();
    startGatingSync(client, store);
    answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(Object.keys(store.getState().gatingResults)).toEqual(['s0']);
  });
});
