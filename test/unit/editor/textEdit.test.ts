import { describe, expect, it } from 'vitest';
import { LINK_FIELDS } from '../../../shared/model/schema/records';
import { configFields } from '../../../shared/model/schema/nodeKinds';
import { parseNumberField } from '../../../renderer/app/editor/fieldValues';
import { setConfigValue, setLinkValue } from '../../../renderer/editor/commands/documentEdits';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { TextEdit } from '../../../renderer/editor/store/textEdit';
import type { FieldDescriptor } from '../../../shared/model/schema/fields';
import { link, makeDocument, node } from './helpers';

const LOSS_RATE = LINK_FIELDS.find((field) => field.name === 'lossRate')!;
const clientField = (name: string): FieldDescriptor => configFields('client').find((field) => field.name === name)!;

function storeWithLink() {
  const store = new DocumentStore(makeDocument({ nodes: [node('c', 'client'), node('a', 'app')], links: [link('c', 'a')] }));
  store.update((draft) => {
    draft.links['c-a'].lossRate = 0.1;
  });
  return store;
}

/** Types `text` key by key as the inspector does (every prefix goes through the edit), then leaves the field. */
function typeInto(edit: TextEdit, descriptor: FieldDescriptor, text: string, commit: (value: unknown) => void): string | null {
  let problem: string | null = null;
  for (let length = 1; length <= text.length; length++) problem = edit.input(text.slice(0, length), (typed) => parseNumberField(descriptor, typed), commit);
  return problem;
}

describe('TextEdit: a field typed key by key', () => {
  it('leaves the document as it was when the text ends invalid ("10%" in a loss rate), adding no undo step', () => {
    const store = storeWithLink();
    const before = store.getDocument();
    const edit = new TextEdit(store, 'lossRate');
    // The "1" of "10%" is a valid loss rate on its own; it must not be left behind.
    const problem = typeInto(edit, LOSS_RATE, '10%', (value) => store.update((draft) => setLinkValue(draft, ['c-a'], 'lossRate', value as number | undefined), { squashKey: 'link:c-a:lossRate' }));
    expect(problem).toBe('"10%" is not a number');
    edit.finish();
    expect(store.getDocument()).toEqual(before);
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.1);
    store.undo();
    expect(store.getDocument().links['c-a'].lossRate, 'the undo step below the edit is still the top one').toBeUndefined();
  });

  it('refuses 1.5 in a write ratio and 1e999 in a rate, keeping the values from before', () => {
    const store = new DocumentStore(makeDocument({ nodes: [node('c', 'client', 0, 0, { writeRatio: 0.2, rps: 50 })] }));
    const before = store.getDocument();
    const commit = (name: string) => (value: unknown) => store.update((draft) => setConfigValue(draft, ['c'], [name], value), { squashKey: `config:c:${name}` });
    const ratio = new TextEdit(store, 'writeRatio');
    expect(typeInto(ratio, clientField('writeRatio'), '1.5', commit('writeRatio'))).toMatch(/^must be /);
    ratio.finish();
    const rate = new TextEdit(store, 'rps');
    expect(typeInto(rate, clientField('rps'), '1e999', commit('rps'))).toBe('"1e999" is not a number');
    rate.finish();
    expect(store.getDocument()).toEqual(before);
    expect(store.canUndo()).toBe(false);
  });

  it('previews each valid keystroke and makes the whole edit one undo step, even across an invalid stretch', () => {
    const store = storeWithLink();
    const edit = new TextEdit(store, 'lossRate');
    const commit = (value: unknown) => store.update((draft) => setLinkValue(draft, ['c-a'], 'lossRate', value as number | undefined), { squashKey: 'link:c-a:lossRate' });
    expect(edit.input('0', (typed) => parseNumberField(LOSS_RATE, typed), commit)).toBeNull();
    expect(store.getDocument().links['c-a'].lossRate, 'live preview while valid').toBe(0);
    expect(edit.input('0.', (typed) => parseNumberField(LOSS_RATE, typed), commit)).toBeNull();
    expect(edit.input('0.x', (typed) => parseNumberField(LOSS_RATE, typed), commit)).not.toBeNull();
    expect(store.getDocument().links['c-a'].lossRate, 'invalid: back to the value from before the edit').toBe(0.1);
    expect(edit.input('0.2', (typed) => parseNumberField(LOSS_RATE, typed), commit)).toBeNull();
    expect(edit.input('0.25', (typed) => parseNumberField(LOSS_RATE, typed), commit)).toBeNull();
    edit.finish();
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.25);
    store.undo();
    expect(store.getDocument().links['c-a'].lossRate, 'one undo step for the edit').toBe(0.1);
    store.redo();
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.25);
  });

  it('cancel (Escape) puts back the value from before the edit and leaves no history', () => {
    const store = storeWithLink();
    const before = store.getDocument();
    const edit = new TextEdit(store, 'lossRate');
    typeInto(edit, LOSS_RATE, '0.5', (value) => store.update((draft) => setLinkValue(draft, ['c-a'], 'lossRate', value as number | undefined), { squashKey: 'link:c-a:lossRate' }));
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.5);
    expect(edit.cancel()).toBe(true);
    expect(store.getDocument()).toEqual(before);
    expect(edit.cancel(), 'nothing left to cancel').toBe(false);
    store.undo();
    expect(store.getDocument().links['c-a'].lossRate).toBeUndefined();
  });

  it('survives an undo in the middle of the edit: later keystrokes are still one step and still revert', () => {
    const store = storeWithLink();
    const edit = new TextEdit(store, 'lossRate');
    const commit = (value: unknown) => store.update((draft) => setLinkValue(draft, ['c-a'], 'lossRate', value as number | undefined), { squashKey: 'link:c-a:lossRate' });
    edit.input('0.3', (typed) => parseNumberField(LOSS_RATE, typed), commit);
    store.undo();
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.1);
    edit.input('0.4', (typed) => parseNumberField(LOSS_RATE, typed), commit);
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.4);
    edit.input('0.4%', (typed) => parseNumberField(LOSS_RATE, typed), commit);
    expect(store.getDocument().links['c-a'].lossRate).toBe(0.1);
    edit.finish();
  });
});
