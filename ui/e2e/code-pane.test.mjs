// End-to-end test of JSONata in the "ASL JSON" pane of the real app: expressions in {% %} are
// highlighted by token, a syntax error is marked at the exact character (after an emoji on the
// same line, so UTF-16 offsets are exercised), and fixing it by typing clears the mark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, shot, useDriver } from './runApp.mjs';

useDriver();

const lintText = (session) =>
  session.execute(`return [...document.querySelectorAll('.cm-lintRange-error')].map(e => e.textContent);`);

test('JSONata is highlighted and checked where it breaks, as it is typed', async () => {
  const broken = (text) => text.replace('"Output": "{% $states.input %}"', '"Output": "{% /* 📦 */ $states.input ] %}"');
  const { session: s } = await launch('jsonata-order-fulfilment', { definition: broken });
  try {
    const marked = await s.until('the error mark', async () => {
      const t = await lintText(s);
      return t.length > 0 ? t : null;
    });
    assert.deepEqual(marked, [']'], 'the mark is on the character that breaks the expression');
    const tokens = await s.execute(
      `const t = c => [...document.querySelectorAll('.cm-jsonata-' + c)].map(e => e.textContent);
       return { states: t('states'), comment: t('comment'), operator: t('operator'), delim: t('delim'), whole: document.querySelectorAll('.cm-jsonata').length };`,
    );
    assert.ok(tokens.states.includes('$states'), JSON.stringify(tokens));
    assert.ok(tokens.comment.includes('/* 📦 */'), JSON.stringify(tokens));
    assert.ok(tokens.delim.includes('{%') && tokens.delim.includes('%}'), JSON.stringify(tokens));
    assert.ok(tokens.whole > 5, JSON.stringify(tokens));
    const problem = await s.execute(`return [...document.querySelectorAll('.problem')].map(p => p.textContent).find(t => t.includes('JSONata')) ?? '';`);
    assert.match(problem, /cannot be read/);
    // Fix it as a person would: go to the problem, then delete the stray bracket in the editor.
    const buttons = await s.findAll('.problem');
    for (const b of buttons) if ((await b.text()).includes('JSONata')) await b.click();
    await s.until('the error in view', async () => s.execute(`const r = document.querySelector('.cm-lintRange-error')?.getBoundingClientRect(); return r && r.top > 60 && r.bottom < window.innerHeight;`));
    await shot(s, 'code-01-jsonata-error');
    await s.execute(`document.querySelector('.cm-content').focus();`);
    await s.keys([{ type: '\uE017' }]);
    await s.until('the mark gone', async () => (await lintText(s)).length === 0);
    const text = await s.execute(`return document.querySelector('.cm-content').textContent;`);
    assert.ok(text.includes('/* 📦 */ $states.input  %}'), 'only the bracket was deleted');
    await shot(s, 'code-02-jsonata-fixed');
  } finally {
    await s.delete();
  }
});
