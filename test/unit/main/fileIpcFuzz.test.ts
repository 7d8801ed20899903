import fc from 'fast-check';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PendingOpens } from '../../../main/files/pendingOpens';
import { RecoveryStore } from '../../../main/files/recoveryStore';
import { nodeFileSystem } from '../../../main/files/fileSystem';
import { IpcRefusedError } from '../../../main/ipc/handleInvoke';
import { registerIpcHandlers } from '../../../main/ipc/registerIpcHandlers';
import { createSenderGate } from '../../../main/ipc/senderGate';
import { invokeArgsValidators } from '../../../shared/ipc/validators';
import { makeService, makeTempDir, silentLog } from '../files/helpers';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const OUR_WINDOW = 1;
const trustedEvent = { sender: { id: OUR_WINDOW }, senderFrame: { url: 'app://faultline/', parent: null } };

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const handlers = new Map<string, Listener>();
const windowCalls: unknown[] = [];
let lessonPath = '';
const LESSON = '{"format":"faultline"}\n';

beforeAll(async () => {
  temp = await makeTempDir();
  const service = await makeService(temp.dir);
  lessonPath = join(temp.dir, 'lesson.faultline');
  await writeFile(lessonPath, LESSON);
  await service.recent.add(lessonPath);
  const log = silentLog();
  registerIpcHandlers(
    { handle: (channel, listener) => void handlers.set(channel, listener as Listener) },
    {
      appInfo: () => ({ name: 'Faultline', version: '0.1.0', platform: 'linux', edition: 'desktop', electron: null, chrome: null, node: null }),
      checkSender: createSenderGate({ allowedOrigins: ['app://faultline'], isAppWebContents: (contents) => contents.id === OUR_WINDOW }),
      log,
      files: {
        files: service.files,
        recovery: new RecoveryStore({ fs: nodeFileSystem, userDataDir: join(temp.dir, 'userData'), sessionId: 'fuzz', clock: () => 0, log }),
        pending: new PendingOpens(),
        windows: { setDocumentState: (...args) => void windowCalls.push(args), closeNow: (...args) => void windowCalls.push(args) },
      },
    },
  );
});
afterAll(() => temp.cleanup());

/** Payloads shaped like the real ones, with every field free to be wrong. */
const nearValid = fc.oneof(
  fc.record({ token: fc.string(), text: fc.string(), overwriteChanged: fc.anything() }, { requiredKeys: [] }),
  fc.record({ text: fc.oneof(fc.string(), fc.anything()), suggestedName: fc.oneof(fc.string(), fc.constant('../../etc/passwd')) }, { requiredKeys: [] }),
  fc.record({ kind: fc.constantFrom('png', 'json', 'csv', 'exe', '__proto__'), suggestedName: fc.string(), data: fc.oneof(fc.string(), fc.uint8Array()) }, { requiredKeys: [] }),
  fc.record({ text: fc.string(), title: fc.string(), fileToken: fc.oneof(fc.constant(null), fc.string({ minLength: 16, maxLength: 64 })) }, { requiredKeys: [] }),
  fc.record({ title: fc.string(), dirty: fc.anything() }, { requiredKeys: [] }),
  fc.string({ minLength: 16, maxLength: 64 }),
  fc.constant(lessonPath), // a real path, sent where a token belongs
  fc.constant({ __proto__: { token: 'x' } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "token": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}')),
);
const argumentLists = fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.array(nearValid, { maxLength: 2 }));
const events = fc.oneof(
  { weight: 4, arbitrary: fc.constant(trustedEvent) },
  fc.constant({ sender: { id: 99 }, senderFrame: { url: 'app://faultline/', parent: null } }),
  fc.constant({ sender: { id: OUR_WINDOW }, senderFrame: { url: 'https://evil.example/', parent: null } }),
  fc.constant({ sender: { id: OUR_WINDOW }, senderFrame: null }),
  fc.anything(),
);

describe('file IPC handlers under arbitrary payloads', () => {
  it('register a handler for every file, recovery and window channel', () => {
    const fileChannels = Object.keys(invokeArgsValidators).filter((channel) => /^(file|recovery|window):/.test(channel));
    expect(fileChannels.length).toBeGreaterThanOrEqual(13);
    for (const channel of fileChannels) expect(handlers.has(channel), channel).toBe(true);
  });

  it('never throw in main: each call resolves, or rejects with a short refusal or failure message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const channels = [...handlers.keys()];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), events, argumentLists, async (channel, event, args) => {
        let pending: Promise<unknown>;
        try {
          pending = handlers.get(channel)!(event, ...args);
        } catch (error) {
          throw new Error(`${channel} threw synchronously: ${String(error)}`);
        }
        const outcome = await pending.then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!outcome.ok) {
          const error = outcome.error;
          expect(error).toBeInstanceOf(Error);
          const message = (error as Error).message;
          const refused = error instanceof IpcRefusedError && message.startsWith(`${channel} refused:`);
          expect(refused || message === `${channel} failed inside Faultline (details are in the app log)`, message).toBe(true);
          // Refusals never echo paths or the payload back at length.
          expect(message.length).toBeLessThan(400);
        }
      }),
      { numRuns: 1500 },
    );
    // No payload, however shaped, made main write to the file it only knows by path.
    expect(await readFile(lessonPath, 'utf8')).toBe(LESSON);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answer a well-formed call from our window (the fuzzing above is not just refusing everything)', async () => {
    await expect(handlers.get('file:revert')!(trustedEvent, 'A'.repeat(32))).resolves.toEqual({ status: 'failed', message: expect.stringMatching(/no longer has access/) });
    await expect(handlers.get('recovery:list')!(trustedEvent)).resolves.toEqual([]);
    await expect(handlers.get('window:setDocumentState')!(trustedEvent, { title: 'T', dirty: true })).resolves.toBeNull();
    expect(windowCalls).toContainEqual([OUR_WINDOW, { title: 'T', dirty: true }]);
  });
});
