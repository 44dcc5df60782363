'use strict';
// node-thumb's own tests (node:test, no extra packages): run with `node --test /app/test/`.
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const sharp = require('sharp');
const { start } = require('../server');

let server;
let base;

before(async () => {
  server = start(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = { host: '127.0.0.1', port: server.address().port };
});

after(() => server.close());

function request(method, path, body, type) {
  return new Promise((resolve, reject) => {
    const req = http.request({ ...base, method, path, headers: type ? { 'content-type': type } : {} },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'],
          body: Buffer.concat(chunks) }));
      });
    req.on('error', reject);
    req.end(body);
  });
}

function png(width, height) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } })
    .png().toBuffer();
}

test('healthz answers ok', async () => {
  const res = await request('GET', '/healthz');
  assert.strictEqual(res.status, 200);
  assert.strictEqual(JSON.parse(res.body).status, 'ok');
});

test('resize to webp keeps the aspect ratio', async () => {
  const res = await request('POST', '/resize?width=40', await png(200, 100), 'image/png');
  assert.strictEqual(res.status, 200);
  assert.match(res.type, /^image\/webp/);
  const meta = await sharp(res.body).metadata();
  assert.deepStrictEqual([meta.format, meta.width, meta.height], ['webp', 40, 20]);
});

test('resize to png', async () => {
  const res = await request('POST', '/resize?width=10&format=png', await png(30, 30), 'image/png');
  assert.strictEqual(res.status, 200);
  assert.match(res.type, /^image\/png/);
  assert.strictEqual((await sharp(res.body).metadata()).width, 10);
});

test('unknown format is a 400', async () => {
  const res = await request('POST', '/resize?format=bmp', await png(4, 4), 'image/png');
  assert.strictEqual(res.status, 400);
});

test('bytes that are no image are a 415', async () => {
  const res = await request('POST', '/resize', Buffer.from('hello'), 'image/png');
  assert.strictEqual(res.status, 415);
});
