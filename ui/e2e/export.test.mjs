// End-to-end test of the toolbar's Export PNG and Export SVG in the real app: the save dialog is
// asked for the right kind of file, and what is written is a real picture of the open workflow
// (a PNG with its signature and the diagram's size at twice the scale, an SVG naming every step).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, button, launchOn, repo, shot, statusText, test, useDriver, work, workFile } from './harness.mjs';

const example = join(repo, 'examples/order-processing.asl.json');

useDriver();

/**
 * Native file dialogs cannot be driven over WebDriver: the next save dialog's IPC request is
 * answered in the page with `path`, as a person picking that file would, and what the app asked
 * the dialog for is kept in `window.__saveDialogAsked`. Everything after it is the app's own code.
 */
const answerNextSaveDialog = (session, path) =>
  session.execute(
    `const realFetch = window.fetch;
     window.fetch = (url, init) => {
       if (!String(url).includes(encodeURIComponent('plugin:dialog|save'))) return realFetch(url, init);
       window.fetch = realFetch;
       window.__saveDialogAsked = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
       return Promise.resolve(new Response(JSON.stringify(arguments[0]), { headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }));
     };`,
    [path],
  );

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
function pngSize(bytes) {
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', 'the first chunk is IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function exportAs(session, format, path) {
  await answerNextSaveDialog(session, path);
  await (await button(session, `Export ${format.toUpperCase()}`)).click();
  await session.until(`the ${format.toUpperCase()} written`, () => existsSync(path) && statSync(path).size > 0);
  await session.until('the status to say so', async () => (await statusText(session)).includes(`Exported the diagram to ${path}`));
  const asked = await session.execute(`return window.__saveDialogAsked;`);
  assert.equal(asked?.options?.defaultPath, `export.${format}`, `the dialog proposes a .${format} name: ${JSON.stringify(asked)}`);
  assert.deepEqual(asked.options.filters?.[0]?.extensions, [format]);
  return readFileSync(path);
}

test('Export SVG and Export PNG write real pictures of the open workflow', async () => {
  const file = workFile('export', { from: example });
  const session = await launchOn(file, 'export');
  try {
    const names = Object.keys(JSON.parse(readFileSync(example, 'utf8')).States);
    await shot(session, 'export-00-opened');

    const svg = (await exportAs(session, 'svg', join(work, 'export-picture.svg'))).toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.trimEnd().endsWith('</svg>'), 'the SVG is complete');
    for (const name of names) assert.ok(svg.includes(`>${name}<`), `the SVG names the step ${name}`);
    const [, svgWidth, svgHeight] = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg).map(Number);

    const pngPath = join(work, 'export-picture.png');
    const png = await exportAs(session, 'png', pngPath);
    copyFileSync(pngPath, join(artifacts, 'export-02-exported-diagram.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
    assert.equal(png.subarray(-8, -4).toString('latin1'), 'IEND', 'the PNG is complete');
    assert.ok(png.length > 20000, `a real picture, not an empty one: ${png.length} bytes`);
    const { width, height } = pngSize(png);
    // Drawn at twice the diagram's size (the same diagram as the SVG), so it stays sharp.
    assert.ok(Math.abs(width - 2 * svgWidth) <= 1 && Math.abs(height - 2 * svgHeight) <= 1, `PNG ${width}×${height}, SVG ${svgWidth}×${svgHeight}`);
    assert.ok(width >= 400 && height >= 400 && width <= 8000 && height <= 8000, `sensible size: ${width}×${height}`);
    console.log(`exported SVG ${svg.length} bytes (${svgWidth}×${svgHeight}), PNG ${png.length} bytes (${width}×${height})`);
    await shot(session, 'export-01-exported');
  } finally {
    await session.delete();
  }
});
