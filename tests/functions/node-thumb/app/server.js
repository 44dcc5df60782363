'use strict';
// node-thumb: POST /resize?width=N&format=webp|png with an image body; GET /healthz.
// Listens on $PORT (default 8080) on all interfaces.
const express = require('express');
const sharp = require('sharp');

const FORMATS = { webp: 'image/webp', png: 'image/png' };
const MAX_WIDTH = 2048;

function createApp() {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', node: process.versions.node, vips: sharp.versions.vips });
  });

  app.post('/resize', express.raw({ type: () => true, limit: '10mb' }), async (req, res) => {
    const format = String(req.query.format || 'webp');
    const width = Number.parseInt(String(req.query.width || '64'), 10);
    if (!FORMATS[format]) {
      return res.status(400).json({ error: `unknown format '${format}'`, known: Object.keys(FORMATS) });
    }
    if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
      return res.status(400).json({ error: `width must be 1..${MAX_WIDTH}` });
    }
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      return res.status(400).json({ error: 'empty body: send the image bytes' });
    }
    try {
      const out = await sharp(req.body).resize({ width, withoutEnlargement: true })
        .toFormat(format).toBuffer({ resolveWithObject: true });
      res.set('X-Image-Size', `${out.info.width}x${out.info.height}`);
      return res.type(FORMATS[format]).send(out.data);
    } catch (e) {
      return res.status(415).json({ error: `not an image sharp can read: ${e.message}` });
    }
  });

  return app;
}

function start(port) {
  const server = createApp().listen(port, '0.0.0.0', () => {
    console.log(`node-thumb listening on :${server.address().port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return server;
}

if (require.main === module) {
  start(Number.parseInt(process.env.PORT || '8080', 10));
}

module.exports = { createApp, start };
