// End-to-end tests of "nothing lost" in the real app: the open file changed, deleted from outside;
// our own saves not echoing; the autosaved draft offered back after the app is killed.
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appProcess, button, canvasNames, codeText, dialogTitle, fixtures, launchOn, makeAnEdit, shot, statusText, test, useDriver, workFile } from './harness.mjs';

const nested = join(fixtures, 'ship-and-notify.asl.json');

useDriver();

async function launch(name) {
  const file = workFile(name, { from: nested });
  const session = await launchOn(file, name);
  return { session, file };
}

/** Their edit: the same workflow with one state renamed. */
function theirs(file) {
  return readFileSync(file, 'utf8').replaceAll('Check stock', 'Check the shelves');
}

test('with no unsaved edits, a change made outside is reloaded and said so', async () => {
  const { session, file } = await launch('reload');
  try {
    const changed = theirs(file);
    writeFileSync(file, changed);
    await session.until('the reloaded diagram', async () => (await canvasNames(session)).includes('Check the shelves'));
    assert.equal(await codeText(session), changed);
    assert.match(await statusText(session), /changed outside Statewright and has been reloaded/);
    assert.equal(await (await button(session, 'Save')).enabled(), false, 'nothing unsaved after a reload');
    assert.equal(await dialogTitle(session), '');
    await shot(session, 'files-01-reloaded');
  } finally {
    await session.delete();
  }
});

test('with unsaved edits, a change made outside asks; Compare shows both; Take theirs takes theirs', async () => {
  const { session, file } = await launch('take-theirs');
  try {
    await makeAnEdit(session);
    const changed = theirs(file);
    writeFileSync(file, changed);
    await session.until('the question', async () => (await dialogTitle(session)) === 'The file changed on disk');
    assert.ok((await canvasNames(session)).includes('New Wait'), 'nothing changes before the choice');
    await (await button(session, 'Compare')).click();
    const sides = await session.until('the comparison', async () =>
      session.execute(`return document.querySelectorAll('.compare .cm-editor').length;`),
    );
    assert.equal(sides, 2);
    const marked = await session.execute(`return document.querySelectorAll('.compare .cm-changedLine, .compare .cm-changedText').length;`);
    assert.ok(marked > 0, 'the differences are marked');
    await shot(session, 'files-02-compare');
    await (await button(session, 'Take theirs')).click();
    await session.until('their diagram', async () => (await canvasNames(session)).includes('Check the shelves'));
    assert.ok(!(await canvasNames(session)).includes('New Wait'));
    assert.equal(await codeText(session), changed);
    assert.equal(await dialogTitle(session), '');
    assert.equal(await (await button(session, 'Save')).enabled(), false, 'their version is what is on disk');
    await shot(session, 'files-03-took-theirs');
  } finally {
    await session.delete();
  }
});

test('Keep mine keeps the text unsaved; Save writes it and does not echo as an outside change', async () => {
  const { session, file } = await launch('keep-mine');
  try {
    await makeAnEdit(session);
    const mine = await codeText(session);
    writeFileSync(file, theirs(file));
    await session.until('the question', async () => (await dialogTitle(session)) === 'The file changed on disk');
    await (await button(session, 'Keep mine')).click();
    await session.until('the dialog to close', async () => (await dialogTitle(session)) === '');
    assert.equal(await codeText(session), mine);
    assert.equal(await (await button(session, 'Save')).enabled(), true, 'mine is not on disk yet');
    await (await button(session, 'Save')).click();
    await session.until('mine saved', () => readFileSync(file, 'utf8') === mine);
    // Our own save must not come back as "changed outside".
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await dialogTitle(session), '');
    assert.match(await statusText(session), /^Saved /);
    assert.equal(await (await button(session, 'Save')).enabled(), false);
    await shot(session, 'files-04-kept-mine-and-saved');
  } finally {
    await session.delete();
  }
});

test('deleting the file from outside says so and keeps the text; Save writes it again', async () => {
  const { session, file } = await launch('deleted');
  try {
    const text = await codeText(session);
    unlinkSync(file);
    await session.until('the news', async () => /deleted or renamed outside Statewright/.test(await statusText(session)));
    assert.equal(await codeText(session), text);
    assert.ok((await canvasNames(session)).includes('Check stock'));
    assert.equal(await (await button(session, 'Save')).enabled(), true, 'the text is unsaved again');
    await shot(session, 'files-05-deleted');
    await (await button(session, 'Save')).click();
    await session.until('the file written again', () => {
      try {
        return readFileSync(file, 'utf8') === text;
      } catch {
        return false;
      }
    });
  } finally {
    await session.delete();
  }
});

test('after the app is killed with unsaved edits, the next launch offers them back', async () => {
  const { session, file } = await launch('draft');
  let pid;
  try {
    await makeAnEdit(session);
    const mine = await codeText(session);
    // The draft is written once the text rests (under a second).
    await new Promise((r) => setTimeout(r, 2000));
    pid = appProcess(file);
    assert.ok(pid, 'the app process is found');
    process.kill(pid, 'SIGKILL');
    await session.delete();
    const again = await launchOn(file, 'draft-again');
    try {
      const title = await again.until('the offer', async () => dialogTitle(again));
      assert.equal(title, 'Unsaved changes found');
      const question = await again.execute(`return document.querySelector('[role=alertdialog] p').textContent;`);
      assert.match(question, /Restore the unsaved changes from .+\?/);
      await shot(again, 'files-06-draft-offered');
      await (await button(again, 'Restore')).click();
      await again.until('the restored state', async () => (await canvasNames(again)).includes('New Wait'));
      assert.equal(await codeText(again), mine);
      assert.equal(await (await button(again, 'Save')).enabled(), true, 'restored text is unsaved');
      assert.notEqual(readFileSync(file, 'utf8'), mine, 'restoring does not write the file by itself');
      await (await button(again, 'Save')).click();
      await again.until('saved', () => readFileSync(file, 'utf8') === mine);
      await shot(again, 'files-07-draft-restored');
    } finally {
      await again.delete();
    }
  } finally {
    await session.delete();
  }
});
