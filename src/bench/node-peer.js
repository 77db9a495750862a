// hearth-bench's Node.js peer: what a JavaScript dashboard does with the same frames. It
// subscribes like Hearth, parses every frame with JSON.parse and keeps the newest version of each
// order in a Map. When it has seen `events` events it prints process.hrtime.bigint() (the same
// monotonic clock as the bench's steady_clock) and the number of orders, and exits.
'use strict';
const WebSocket = require('ws');

const url = process.argv[2];
const events = Number(process.argv[3]);
const orders = new Map();
let seen = 0;

const socket = new WebSocket(url, { headers: { Authorization: 'Bearer bench-token' } });
socket.on('open', () => socket.send(JSON.stringify({ op: 'subscribe', channel: 'orders' })));
socket.on('message', (data, isBinary) => {
  // A browser hands text frames over as strings: decode like it does, then parse.
  const message = JSON.parse(isBinary ? data : data.toString('utf8'));
  if (message.op !== 'event') return;
  const order = message.data;
  const known = orders.get(order.id);
  if (known === undefined || known.version < order.version) orders.set(order.id, order);
  if (++seen === events) {
    process.stdout.write(`${process.hrtime.bigint()} ${orders.size}\n`);
    process.exit(0);
  }
});
socket.on('error', (error) => {
  process.stderr.write(`node peer: ${error.message}\n`);
  process.exit(2);
});
