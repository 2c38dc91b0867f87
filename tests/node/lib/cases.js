'use strict';
// The standard interop cases (grpc/doc/interop-test-descriptions.md) plus message size limits,
// health and reflection, on @grpc/grpc-js. Each case throws on failure.
const assert = require('assert');
const protos = require('./protos');
const { guard, unary, clientStream, collect, StreamReader, expectStatus } = require('./calls');
const { reflectionCase } = require('./reflection');

const { grpc } = protos;
const S = grpc.status;
const GZIP = 2; // grpc-js CompressionAlgorithms.gzip
const NO_COMPRESS = 2; // grpc-js WriteFlags.NoCompress
const MIB4 = 4 * 1024 * 1024;
const SPECIAL_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1f608}\t\n';

const NOTES = {
  server_compressed_unary: 'grpc-js does not expose the compressed flag of received messages',
  server_compressed_streaming: 'grpc-js does not expose the compressed flag of received messages',
};

const payload = (size) => ({ body: Buffer.alloc(size) });
const largeRequest = (extra = {}) => ({ response_size: 314159, payload: payload(271828), ...extra });
const outRequest = (sizes, payloadSize) => ({
  response_parameters: sizes.map((size) => ({ size })),
  ...(payloadSize === undefined ? {} : { payload: payload(payloadSize) }),
});

function assertZeros(body, size) {
  assert.strictEqual(body.length, size, `payload ${body.length} bytes, expected ${size}`);
  assert.ok(body.every((b) => b === 0), 'payload is not all zeros');
}

function echoMetadata() {
  const md = new grpc.Metadata();
  md.set('x-grpc-test-echo-initial', 'test_initial_metadata_value');
  md.set('x-grpc-test-echo-trailing-bin', Buffer.from([0xab, 0xab, 0xab]));
  return md;
}

function assertEchoed(initial, trailing) {
  assert.deepStrictEqual(initial.get('x-grpc-test-echo-initial'), ['test_initial_metadata_value']);
  assert.deepStrictEqual(trailing.get('x-grpc-test-echo-trailing-bin'), [Buffer.from([0xab, 0xab, 0xab])]);
}

class Cases {
  /** serverChecksCompression false (grpc-js servers): skip the CompressedRequest feature probes. */
  constructor(address, serverChecksCompression = true) {
    this.checksCompression = serverChecksCompression;
    const insecure = grpc.credentials.createInsecure();
    this.client = new protos.TestService(address, insecure);
    this.gzipClient = new protos.TestService(address, insecure, { 'grpc.default_compression_algorithm': GZIP });
    this.unimplemented = new protos.UnimplementedService(address, insecure);
    this.health = new protos.Health(address, insecure);
    this.reflection = { v1: new protos.ReflectionV1(address, insecure), v1alpha: new protos.ReflectionV1alpha(address, insecure) };
  }

  close() {
    for (const c of [this.client, this.gzipClient, this.unimplemented, this.health, this.reflection.v1, this.reflection.v1alpha]) c.close();
  }

  async empty_unary() {
    const { response } = await unary(this.client, 'EmptyCall', {});
    assert.ok(response, 'response is null');
  }

  async large_unary() {
    assertZeros((await unary(this.client, 'UnaryCall', largeRequest())).response.payload.body, 314159);
  }

  async client_compressed_unary() {
    if (this.checksCompression) {
      await expectStatus(S.INVALID_ARGUMENT, unary(this.client, 'UnaryCall', largeRequest({ expect_compressed: { value: true } })));
    }
    const compressed = await unary(this.gzipClient, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
    assertZeros(compressed.response.payload.body, 314159);
    const plain = await unary(this.client, 'UnaryCall', largeRequest({ expect_compressed: { value: false } }));
    assertZeros(plain.response.payload.body, 314159);
  }

  async server_compressed_unary() {
    for (const value of [true, false]) {
      const { response } = await unary(this.client, 'UnaryCall', largeRequest({ response_compressed: { value } }));
      assertZeros(response.payload.body, 314159);
    }
  }

  async client_streaming() {
    const writes = [27182, 8, 1828, 45904].map((size) => [{ payload: payload(size) }]);
    const response = await clientStream(this.client, 'StreamingInputCall', writes);
    assert.strictEqual(response.aggregated_payload_size, 74922);
  }

  async client_compressed_streaming() {
    const probe = [[{ expect_compressed: { value: true }, payload: payload(27182) }]];
    if (this.checksCompression) await expectStatus(S.INVALID_ARGUMENT, clientStream(this.client, 'StreamingInputCall', probe));
    const writes = [
      [{ expect_compressed: { value: true }, payload: payload(27182) }],
      [{ expect_compressed: { value: false }, payload: payload(45904) }, NO_COMPRESS],
    ];
    const response = await clientStream(this.gzipClient, 'StreamingInputCall', writes);
    assert.strictEqual(response.aggregated_payload_size, 73086);
  }

  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const { responses } = await collect(this.client.StreamingOutputCall(outRequest(sizes), guard()));
    assert.deepStrictEqual(responses.map((r) => r.payload.body.length), sizes);
  }

  async server_compressed_streaming() {
    const request = { response_parameters: [{ compressed: { value: true }, size: 31415 }, { compressed: { value: false }, size: 92653 }] };
    const { responses } = await collect(this.client.StreamingOutputCall(request, guard()));
    assert.deepStrictEqual(responses.map((r) => r.payload.body.length), [31415, 92653]);
  }

  async ping_pong() {
    const call = this.client.FullDuplexCall(guard());
    const reader = new StreamReader(call);
    const done = collectStatus(call);
    const pairs = [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]];
    for (const [size, body] of pairs) {
      call.write(outRequest([size], body));
      const response = await reader.next();
      assert.ok(response, 'stream ended early');
      assertZeros(response.payload.body, size);
    }
    call.end();
    assert.strictEqual(await reader.next(), null, 'unexpected extra response');
    await done;
  }

  async empty_stream() {
    const call = this.client.FullDuplexCall(guard());
    const result = collect(call);
    call.end();
    assert.strictEqual((await result).responses.length, 0);
  }

  async custom_metadata() {
    const u = await unary(this.client, 'UnaryCall', largeRequest(), echoMetadata());
    assertEchoed(u.initial, u.trailing);
    const call = this.client.FullDuplexCall(echoMetadata(), guard());
    const result = collect(call);
    call.write(outRequest([314159], 271828));
    call.end();
    const d = await result;
    assert.deepStrictEqual(d.responses.map((r) => r.payload.body.length), [314159]);
    assertEchoed(d.initial, d.trailing);
  }

  async status_code_and_message(message = 'test status message') {
    const status = { code: 2, message };
    await expectStatus(S.UNKNOWN, unary(this.client, 'UnaryCall', { response_status: status }), message);
    const call = this.client.FullDuplexCall(guard());
    const result = collect(call);
    call.write({ response_status: status });
    call.end();
    await expectStatus(S.UNKNOWN, result, message);
  }

  async special_status_message() {
    const status = { code: 2, message: SPECIAL_MESSAGE };
    await expectStatus(S.UNKNOWN, unary(this.client, 'UnaryCall', { response_status: status }), SPECIAL_MESSAGE);
  }

  async unimplemented_method() {
    await expectStatus(S.UNIMPLEMENTED, unary(this.client, 'UnimplementedCall', {}));
  }

  async unimplemented_service() {
    await expectStatus(S.UNIMPLEMENTED, unary(this.unimplemented, 'UnimplementedCall', {}));
  }

  async cancel_after_begin() {
    const result = new Promise((resolve, reject) => {
      const call = this.client.StreamingInputCall(guard(), (err, res) => (err ? reject(err) : resolve(res)));
      call.cancel();
    });
    await expectStatus(S.CANCELLED, result);
  }

  async cancel_after_first_response() {
    const call = this.client.FullDuplexCall(guard());
    const reader = new StreamReader(call);
    call.write(outRequest([31415], 27182));
    assertZeros((await reader.next()).payload.body, 31415);
    call.cancel();
    await expectStatus(S.CANCELLED, drain(reader));
  }

  async timeout_on_sleeping_server() {
    const call = this.client.FullDuplexCall(guard(1));
    const result = collect(call);
    call.write({ payload: payload(27182) });
    await expectStatus(S.DEADLINE_EXCEEDED, result);
  }

  async max_request_size() {
    const request = { response_size: 1, payload: payload(MIB4 + 1) };
    await expectStatus(S.RESOURCE_EXHAUSTED, unary(this.client, 'UnaryCall', request));
    await this.empty_unary();
  }

  async max_response_size() {
    await expectStatus(S.RESOURCE_EXHAUSTED, unary(this.client, 'UnaryCall', { response_size: MIB4 + 1 }));
    await this.empty_unary();
  }

  async health_check() {
    for (const service of ['', 'grpc.testing.TestService']) {
      const { response } = await unary(this.health, 'Check', { service });
      assert.strictEqual(response.status, 'SERVING', `${JSON.stringify(service)}: ${response.status}`);
    }
    await expectStatus(S.NOT_FOUND, unary(this.health, 'Check', { service: 'grpc.testing.NoSuchService' }));
  }

  async reflection_v1() {
    await reflectionCase(this.reflection.v1);
  }

  async reflection_v1alpha() {
    await reflectionCase(this.reflection.v1alpha);
  }
}

async function drain(reader) {
  while ((await reader.next()) !== null);
}

function collectStatus(call) {
  return new Promise((resolve, reject) => call.on('status', (s) => (s.code === S.OK ? resolve(s) : reject(s))));
}

const ALL = Object.getOwnPropertyNames(Cases.prototype).filter((n) => !['constructor', 'close'].includes(n));

module.exports = { Cases, ALL, NOTES };
