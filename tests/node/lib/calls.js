'use strict';
// Promise helpers over grpc-js callback and stream calls, used by the interop cases.
const { grpc } = require('./protos');

const GUARD_MS = 30000; // failure guard: a hung server fails the case instead of hanging it

const guard = (ms = GUARD_MS) => ({ deadline: Date.now() + ms });

/** Runs a unary call; resolves {response, initial, trailing} or rejects with the grpc error. */
function unary(client, method, request, metadata = new grpc.Metadata(), options = guard()) {
  return new Promise((resolve, reject) => {
    let initial = null;
    let response = null;
    let error = null;
    const call = client[method](request, metadata, options, (err, res) => {
      error = err;
      response = res;
    });
    call.on('metadata', (md) => { initial = md; });
    call.on('status', (status) => {
      if (error) reject(error);
      else resolve({ response, initial, trailing: status.metadata });
    });
  });
}

/** Client streaming: writes the requests (each with optional write flags), then half-closes. */
function clientStream(client, method, writes, options = guard()) {
  return new Promise((resolve, reject) => {
    let error = null;
    let response = null;
    const call = client[method](new grpc.Metadata(), options, (err, res) => {
      error = err;
      response = res;
    });
    call.on('status', () => (error ? reject(error) : resolve(response)));
    for (const [request, flags] of writes) call.write(request, flags);
    call.end();
  });
}

/** Reads a whole server or bidi stream; resolves {responses, initial, trailing}. */
function collect(call) {
  return new Promise((resolve, reject) => {
    const responses = [];
    let initial = null;
    let error = null;
    call.on('metadata', (md) => { initial = md; });
    call.on('data', (r) => responses.push(r));
    call.on('error', (e) => { error = e; });
    call.on('status', (status) => {
      if (error || status.code !== grpc.status.OK) reject(error || status);
      else resolve({ responses, initial, trailing: status.metadata });
    });
  });
}

/** A bidi stream read one response at a time: `await reader.next()`. */
class StreamReader {
  constructor(call) {
    this.queue = [];
    this.waiters = [];
    this.error = null;
    this.ended = false;
    call.on('data', (r) => this.push({ value: r }));
    call.on('error', (e) => { this.error = e; this.push({ error: e }); });
    call.on('end', () => { this.ended = true; this.push({ done: true }); });
  }

  push(item) {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.queue.push(item);
  }

  async next() {
    const item = this.queue.length > 0 ? this.queue.shift() : await new Promise((r) => this.waiters.push(r));
    if (item.error) throw item.error;
    return item.done ? null : item.value;
  }
}

async function expectStatus(code, promise, details) {
  try {
    await promise;
  } catch (e) {
    if (e.code !== code) throw new Error(`expected status ${code}, got ${e.code}: ${e.details}`);
    if (details !== undefined && e.details !== details) {
      throw new Error(`expected details ${JSON.stringify(details)}, got ${JSON.stringify(e.details)}`);
    }
    return e;
  }
  throw new Error(`expected status ${code}, call succeeded`);
}

module.exports = { GUARD_MS, guard, unary, clientStream, collect, StreamReader, expectStatus };
