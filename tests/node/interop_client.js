'use strict';
// grpc-js interop client.
//
//   node tests/node/interop_client.js --host 127.0.0.1 --port 50051 --test_case all
//
// Prints one line per case (PASS/FAIL name, and why); exits 0 only if every case passed.
const { Cases, ALL, NOTES } = require('./lib/cases');

function parseArgs(argv) {
  const args = { host: '127.0.0.1', port: null, test_case: 'all', server_checks_compression: 'true' };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(host|server_host|port|server_port|test_case|server_checks_compression)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unknown argument ${argv[i]}`);
    const key = match[1] === 'server_host' || match[1] === 'server_port' ? match[1].replace('server_', '') : match[1];
    args[key] = match[2] !== undefined ? match[2] : argv[++i];
  }
  if (!args.port) throw new Error('--port is required');
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.log(`${e.message}\nusage: node interop_client.js --host H --port N --test_case name|a,b|all [--server_checks_compression false]\ncases: ${ALL.join(', ')}`);
    return 2;
  }
  const names = args.test_case === 'all' ? ALL : args.test_case.split(',');
  const unknown = names.filter((n) => !ALL.includes(n));
  if (unknown.length > 0) {
    console.log(`unknown test case(s): ${unknown.join(', ')}`);
    return 2;
  }
  let failed = 0;
  for (const name of names) {
    const started = process.hrtime.bigint();
    // fresh clients (channels) per case, so that one case cannot disturb the next
    const cases = new Cases(`${args.host}:${args.port}`, args.server_checks_compression !== 'false');
    try {
      await cases[name]();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`PASS ${name}: ${ms.toFixed(0)} ms${NOTES[name] ? `; note: ${NOTES[name]}` : ''}`);
    } catch (e) {
      failed++;
      const detail = e.code !== undefined && e.details !== undefined ? `rpc failed: code ${e.code} ${e.details}` : e.message;
      console.log(`FAIL ${name}: ${detail}`);
    }
    cases.close();
  }
  return failed > 0 ? 1 : 0;
}

// exit explicitly: a failed case may leave a call open until its guard deadline
main().then((code) => process.exit(code));
