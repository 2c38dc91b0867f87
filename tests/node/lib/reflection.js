'use strict';
// Server reflection check, shared by v1 and v1alpha (same message shape): one stream, as real
// tools use it -- list services, files by symbol and by name, and an unknown symbol.
const assert = require('assert');
const descriptor = require('protobufjs/ext/descriptor');
const { guard, StreamReader } = require('./calls');

const EXPECTED_SERVICES = [
  'grpc.testing.TestService',
  'grpc.health.v1.Health',
  'grpc.reflection.v1.ServerReflection',
  'grpc.reflection.v1alpha.ServerReflection',
];
const NOT_FOUND = 5;

function files(response) {
  assert.strictEqual(response.message_response, 'file_descriptor_response', JSON.stringify(response.error_response));
  const byName = new Map();
  for (const raw of response.file_descriptor_response.file_descriptor_proto) {
    const file = descriptor.FileDescriptorProto.decode(raw);
    byName.set(file.name, file);
  }
  return byName;
}

async function reflectionCase(client) {
  const call = client.ServerReflectionInfo(guard());
  const reader = new StreamReader(call);
  const ask = async (request) => {
    call.write(request);
    const response = await reader.next();
    assert.ok(response, 'reflection stream ended early');
    return response;
  };

  const listed = await ask({ list_services: '*' });
  assert.strictEqual(listed.message_response, 'list_services_response');
  const names = listed.list_services_response.service.map((s) => s.name);
  for (const expected of EXPECTED_SERVICES) assert.ok(names.includes(expected), `list_services misses ${expected}: ${names}`);
  assert.ok(!names.includes('grpc.testing.UnimplementedService'), 'lists a service it does not serve');

  const testProto = files(await ask({ file_containing_symbol: 'grpc.testing.TestService' })).get('grpc/testing/test.proto');
  assert.ok(testProto, 'TestService not found in grpc/testing/test.proto');
  const service = testProto.service.find((s) => s.name === 'TestService');
  assert.ok(service && service.method.some((m) => m.name === 'UnaryCall'), 'TestService descriptor lacks UnaryCall');

  assert.ok(files(await ask({ file_containing_symbol: 'grpc.testing.SimpleRequest' })).has('grpc/testing/messages.proto'));
  assert.ok(files(await ask({ file_by_filename: 'grpc/testing/empty.proto' })).has('grpc/testing/empty.proto'));

  const unknown = await ask({ file_containing_symbol: 'grpc.testing.NoSuchSymbol' });
  assert.strictEqual(unknown.message_response, 'error_response');
  assert.strictEqual(unknown.error_response.error_code, NOT_FOUND);

  call.end();
  assert.strictEqual(await reader.next(), null, 'unexpected extra response');
}

module.exports = { reflectionCase };
