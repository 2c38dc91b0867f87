'use strict';
// grpc-js interop server: grpc.testing.TestService with the semantics of
// grpc/doc/interop-test-descriptions.md, plus grpc.health.v1 and reflection (@grpc/reflection),
// so that ActorTrading's C# client is tested against a server that is not ours.
//
//   node tests/node/interop_server.js --port 0      (prints "listening on 127.0.0.1:PORT")
//
// grpc-js cannot tell a handler whether a request was compressed, nor compress responses,
// so expect_compressed and response_compressed are ignored here (as in grpc-node's own
// interop server); clients run with --server_checks_compression false against it.
const { ReflectionService } = require('@grpc/reflection');
const protos = require('./lib/protos');
const { grpc } = protos;

const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';
const REFLECTED = [
  'grpc.testing.TestService',
  'grpc.health.v1.Health',
  'grpc.reflection.v1.ServerReflection',
  'grpc.reflection.v1alpha.ServerReflection',
];
const SERVED = ['', ...REFLECTED];

const sleep = (us) => new Promise((resolve) => setTimeout(resolve, Math.ceil(us / 1000)));
const payload = (size) => ({ type: 'COMPRESSABLE', body: Buffer.alloc(size) });

function echoInitial(call) {
  const values = call.metadata.get(ECHO_INITIAL);
  if (values.length > 0) {
    const md = new grpc.Metadata();
    md.set(ECHO_INITIAL, values[0]);
    call.sendMetadata(md);
  }
}

function echoTrailer(call) {
  const md = new grpc.Metadata();
  const values = call.metadata.get(ECHO_TRAILING);
  if (values.length > 0) md.set(ECHO_TRAILING, values[0]);
  return md;
}

function echoedStatus(call, status) {
  return { code: status.code, details: status.message, metadata: echoTrailer(call) };
}

function emptyCall(call, callback) {
  echoInitial(call);
  callback(null, {}, echoTrailer(call));
}

function unaryCall(call, callback) {
  echoInitial(call);
  const req = call.request;
  if (req.response_status && req.response_status.code !== 0) {
    callback(echoedStatus(call, req.response_status));
    return;
  }
  callback(null, { payload: payload(req.response_size) }, echoTrailer(call));
}

function streamingInputCall(call, callback) {
  echoInitial(call);
  let total = 0;
  call.on('data', (req) => { total += req.payload ? req.payload.body.length : 0; });
  call.on('end', () => callback(null, { aggregated_payload_size: total }, echoTrailer(call)));
}

async function writeResponses(call, req) {
  for (const p of req.response_parameters) {
    if (p.interval_us > 0) await sleep(p.interval_us);
    if (call.cancelled) return;
    call.write({ payload: payload(p.size) });
  }
}

function streamingOutputCall(call) {
  echoInitial(call);
  const req = call.request;
  if (req.response_status && req.response_status.code !== 0) {
    call.emit('error', echoedStatus(call, req.response_status));
    return;
  }
  writeResponses(call, req).then(() => call.end(echoTrailer(call)));
}

// Responses to each request, in order, on one promise chain; an echo status ends the call.
function fullDuplexCall(call) {
  echoInitial(call);
  let chain = Promise.resolve();
  let finished = false;
  call.on('data', (req) => {
    chain = chain.then(async () => {
      if (finished) return;
      if (req.response_status && req.response_status.code !== 0) {
        finished = true;
        call.emit('error', echoedStatus(call, req.response_status));
        return;
      }
      await writeResponses(call, req);
    });
  });
  call.on('end', () => {
    chain = chain.then(() => { if (!finished) { finished = true; call.end(echoTrailer(call)); } });
  });
}

function halfDuplexCall(call) {
  echoInitial(call);
  const requests = [];
  call.on('data', (req) => requests.push(req));
  call.on('end', async () => {
    for (const req of requests) await writeResponses(call, req);
    call.end(echoTrailer(call));
  });
}

function healthCheck(call, callback) {
  if (SERVED.includes(call.request.service)) {
    callback(null, { status: 'SERVING' });
  } else {
    callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${call.request.service}` });
  }
}

function healthWatch(call) {
  call.write({ status: SERVED.includes(call.request.service) ? 'SERVING' : 'SERVICE_UNKNOWN' });
}

function main() {
  const index = process.argv.indexOf('--port');
  const port = index > 0 ? Number(process.argv[index + 1]) : 0;
  const server = new grpc.Server();
  server.addService(protos.TestService.service, {
    EmptyCall: emptyCall,
    UnaryCall: unaryCall,
    StreamingOutputCall: streamingOutputCall,
    StreamingInputCall: streamingInputCall,
    FullDuplexCall: fullDuplexCall,
    HalfDuplexCall: halfDuplexCall,
  });
  server.addService(protos.Health.service, { Check: healthCheck, Watch: healthWatch });
  // Reflection lists exactly the services served here (test.proto also declares services we do not serve).
  const definitions = { ...protos.testingDefinition, ...protos.healthDefinition, ...protos.reflectionDefinitions };
  new ReflectionService(definitions, { services: REFLECTED }).addToServer(server);
  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
    if (err) {
      console.error(`bind failed: ${err.message}`);
      process.exit(1);
    }
    console.log(`listening on 127.0.0.1:${bound}`);
  });
  const stop = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
