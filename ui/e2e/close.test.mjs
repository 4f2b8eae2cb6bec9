// End-to-end tests of closing the window, in the real app: with unsaved changes it asks Save /
// Don't save / Cancel first, and each answer does what it says to the window and to the file on
// disk; with nothing unsaved it just closes. The close request is the one a window manager sends
// when its close button is clicked (X11 WM_DELETE_WINDOW, see wm_delete_window.py).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appProcess, askToClose, button, canvasNames, codeText, dialogTitle, isRunning, launchOn, makeAnEdit, repo, shot, test, useDriver, workFile } from './harness.mjs';

const example = join(repo, 'examples/order-processing.asl.json');

useDriver();

/** Launches the app on a fresh copy of the example; returns the session, the file and the app's pid. */
async function launch(name) {
  const file = workFile(name, { from: example });
  const session = await launchOn(file, name);
  const pid = appProcess(file);
  assert.ok(pid, 'the app process is found');
  return { session, file, pid };
}

/** Clicks the question's button named `name` (the toolbar has a Save button too). */
async function answer(session, name) {
  for (const b of await session.findAll('[role=alertdialog] button')) if ((await b.text()).trim() === name) return b.click();
  throw new Error(`the question has no button named ${name}`);
}

/** Sends the window a close request and waits for the question. */
async function closeAndSeeTheQuestion(session, pid) {
  askToClose(pid);
  await session.until('the question', async () => (await dialogTitle(session)) === 'Unsaved changes');
}

async function exits(pid) {
  const deadline = Date.now() + 20000;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

test('closing with unsaved changes asks; Cancel keeps the window and the edit; Save writes the file and closes', async () => {
  const { session, file, pid } = await launch('close-save');
  try {
    const original = readFileSync(file);
    await makeAnEdit(session);
    const mine = await codeText(session);

    await closeAndSeeTheQuestion(session, pid);
    const question = await session.execute(`return document.querySelector('[role=alertdialog] p').textContent;`);
    assert.match(question, /“close-save\.asl\.json” has changes that are not saved/);
    const answers = await session.execute(`return [...document.querySelectorAll('[role=alertdialog] button')].map(b => b.textContent.trim());`);
    assert.deepEqual(answers, ['Save', "Don't save", 'Cancel']);
    await shot(session, 'close-01-asked');

    await answer(session, 'Cancel');
    await session.until('the question to go', async () => (await dialogTitle(session)) === '');
    // Still open, with the edit, still unsaved, and nothing written.
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(isRunning(pid), 'the app is still running');
    assert.equal(await codeText(session), mine);
    assert.ok((await canvasNames(session)).includes('New Wait'));
    assert.equal(await (await button(session, 'Save')).enabled(), true, 'the edit is still unsaved');
    assert.deepEqual(readFileSync(file), original, 'Cancel writes nothing');
    await shot(session, 'close-02-cancelled');

    await closeAndSeeTheQuestion(session, pid);
    await answer(session, 'Save');
    assert.ok(await exits(pid), 'the app exits after saving');
    assert.deepEqual(readFileSync(file), Buffer.from(mine, 'utf8'), 'the file holds the edited text, byte for byte');
  } finally {
    await session.delete();
  }
});

test("Don't save closes without writing, and the next launch offers nothing back", async () => {
  const { session, file, pid } = await launch('close-discard');
  try {
    const original = readFileSync(file);
    await makeAnEdit(session);
    // Let the autosaved draft be written (the text rests under a second), so there is one to forget.
    await new Promise((r) => setTimeout(r, 2000));
    await closeAndSeeTheQuestion(session, pid);
    await answer(session, "Don't save");
    assert.ok(await exits(pid), "the app exits after Don't save");
    assert.deepEqual(readFileSync(file), original, 'the file is unchanged');
  } finally {
    await session.delete();
  }
  const again = await launchOn(file, 'close-discard-again');
  try {
    // The draft lookup answers within moments of the diagram; give it time to show an offer.
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(await dialogTitle(again), '', 'no unsaved changes are offered back');
    assert.ok(!(await canvasNames(again)).includes('New Wait'));
  } finally {
    await again.delete();
  }
});

test('closing with nothing unsaved closes at once', async () => {
  const { session, pid } = await launch('close-clean');
  try {
    askToClose(pid);
    assert.ok(await exits(pid), 'the app exits without asking');
  } finally {
    await session.delete();
  }
});
