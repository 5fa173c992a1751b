// SPDX-License-Identifier: EUPL-1.2
// Renders bpmn/*.bpmn to PNG with the bpmn-js viewer in headless Chromium, as Camunda Modeler shows them.
// Usage: lint/render [out-dir] (default docs/bilder), or node lint/render.js after npm ci; see docs/process.md.
// The bpmn.io watermark stays in the pictures, as the bpmn-js licence asks.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const outDir = path.resolve(process.argv[2] || path.join(root, 'docs', 'bilder'));
const viewer = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const assets = path.join(path.dirname(viewer), 'assets');

const diagrams = [
  ['inobhutnahme.bpmn', 'prozess-inobhutnahme.png'],
  ['inobhutnahme-platzsuche.bpmn', 'prozess-platzsuche.png'],
  ['inobhutnahme-pflichten.bpmn', 'prozess-pflichten.png'],
];

function page() {
  const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
    .map((file) => fs.readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}
html, body { margin: 0; background: white; } #canvas { width: 100vw; height: 100vh; }
.djs-container { font-family: Arial, sans-serif; }</style></head>
<body><div id="canvas"></div><script>${fs.readFileSync(viewer, 'utf8')}</script></body></html>`;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--font-render-hinting=none'],
  });
  try {
    fs.mkdirSync(outDir, { recursive: true });
    for (const [model, png] of diagrams) {
      const xml = fs.readFileSync(path.join(root, 'bpmn', model), 'utf8');
      const tab = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
      await tab.setContent(page());
      const box = await tab.evaluate(async (source) => {
        const bpmn = new window.BpmnJS({ container: '#canvas' });
        const { warnings } = await bpmn.importXML(source);
        if (warnings.length) throw new Error(warnings.map((w) => w.message).join('\n'));
        const canvas = bpmn.get('canvas');
        const inner = canvas.getActiveLayer().getBBox();
        return { x: inner.x, y: inner.y, width: inner.width, height: inner.height };
      }, xml);
      const margin = 20;
      const width = Math.ceil(box.width + 2 * margin);
      const height = Math.ceil(box.height + 2 * margin);
      await tab.setViewportSize({ width, height });
      await tab.evaluate(({ box, margin }) => {
        const canvas = document.querySelector('#canvas');
        canvas.style.width = `${box.width + 2 * margin}px`;
        canvas.style.height = `${box.height + 2 * margin}px`;
      }, { box, margin });
      await tab.evaluate(({ box, margin }) => {
        // zoom 1, the diagram's top left corner at (margin, margin)
        const svg = document.querySelector('#canvas svg');
        const viewport = svg.querySelector('.viewport');
        viewport.setAttribute('transform', `matrix(1,0,0,1,${margin - box.x},${margin - box.y})`);
      }, { box, margin });
      await tab.screenshot({ path: path.join(outDir, png), fullPage: true });
      await tab.close();
      console.log(`${model} -> ${path.relative(root, path.join(outDir, png))} (${width}x${height})`);
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
