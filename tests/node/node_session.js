'use strict';
// A session against a running ActorTrading node with @grpc/grpc-js and @grpc/proto-loader (the .proto files of src/Protos).
//
//   node tests/node/node_session.js --target 127.0.0.1:5000 --key <admin key> --account js-1
//
// Prints one line per step and "SESSION OK" at the end; exits 1 on the first failure.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTOS = path.join(__dirname, '..', '..', 'src', 'Protos');
const FILES = ['accounts', 'orders', 'portfolio', 'market_data', 'strategies', 'cluster'].map((f) => `actortrading/v1/${f}.proto`);

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const k of ['target', 'key', 'account']) if (!args[k]) throw new Error(`--${k} is required`);
  return args;
}

function clients(target) {
  const definition = protoLoader.loadSync(FILES, { includeDirs: [PROTOS], keepCase: true, longs: Number, enums: String, defaults: true });
  const api = grpc.loadPackageDefinition(definition).actortrading.v1;
  const make = (Service) => new Service(target, grpc.credentials.createInsecure());
  return { accounts: make(api.Accounts), orders: make(api.Orders), portfolio: make(api.Portfolio), market: make(api.MarketData), strategies: make(api.Strategies) };
}

function call(client, method, request, key) {
  const metadata = new grpc.Metadata();
  if (key) metadata.add('authorization', `Bearer ${key}`);
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline: Date.now() + 30000 }, (err, response) => (err ? reject(err) : resolve(response)));
  });
}

async function expectCode(code, promise) {
  try {
    await promise;
  } catch (e) {
    if (e.code !== code) throw new Error(`expected status ${code}, got ${e.code}: ${e.details}`);
    return e.details;
  }
  throw new Error(`expected status ${code}, the call succeeded`);
}

function check(condition, what) {
  if (!condition) throw new Error(what);
  console.log(`ok: ${what}`);
}

function firstTick(market, symbol, key) {
  const metadata = new grpc.Metadata();
  metadata.add('authorization', `Bearer ${key}`);
  return new Promise((resolve, reject) => {
    const stream = market.Subscribe({ symbols: [symbol] }, metadata);
    stream.on('data', (tick) => { resolve(tick); stream.cancel(); });
    stream.on('error', (e) => { if (e.code !== grpc.status.CANCELLED) reject(e); });
  });
}

function orderStream(orders, account, key) {
  const metadata = new grpc.Metadata();
  metadata.add('authorization', `Bearer ${key}`);
  const stream = orders.StreamOrderEvents({ account_id: account }, metadata);
  const seen = [];
  const waiters = [];
  stream.on('data', (e) => { seen.push(e); waiters.splice(0).forEach((w) => w()); });
  stream.on('error', (e) => { if (e.code !== grpc.status.CANCELLED) waiters.splice(0).forEach((w) => w(e)); });
  const live = new Promise((resolve) => stream.on('metadata', () => resolve()));
  const until = async (predicate) => {
    for (;;) {
      const found = seen.find(predicate);
      if (found) return found;
      await new Promise((resolve, reject) => waiters.push((e) => (e ? reject(e) : resolve())));
    }
  };
  return { live, until, cancel: () => stream.cancel() };
}

async function run(c, admin, account) {
  const symbols = await call(c.market, 'ListSymbols', {}, admin);
  check(symbols.symbols.some((s) => s.symbol === 'NSE:TCS'), 'ListSymbols lists NSE:TCS');
  const created = await call(c.accounts, 'CreateAccount', { account_id: account, display_name: 'node', initial_cash: { units: 1000000 } }, admin);
  check(created.account_id === account && created.state === 'ACTIVE', 'CreateAccount made an ACTIVE account');
  const trader = (await call(c.accounts, 'CreateApiKey', { principal: 'js-trader', role: 'TRADER', account_ids: [account] }, admin)).secret;
  const viewer = (await call(c.accounts, 'CreateApiKey', { principal: 'js-viewer', role: 'VIEWER', account_ids: [account] }, admin)).secret;
  const tick = await firstTick(c.market, 'NSE:HDFCBANK', viewer);
  check(tick.symbol === 'NSE:HDFCBANK' && tick.last.units > 0, 'Subscribe delivered a tick of NSE:HDFCBANK');
  const instance = await call(c.strategies, 'StartStrategy', { account_id: account, type: 'signal_follower', instance_name: 'js-signals', symbols: ['NSE:TCS'] }, trader);
  check(instance.running && instance.webhook_token.length > 0, 'StartStrategy returned a running instance with a webhook token');
  const listed = await call(c.strategies, 'ListStrategies', { account_id: account }, viewer);
  check(listed.strategies.some((s) => s.instance_name === 'js-signals'), 'ListStrategies shows it to the viewer');
  const halted = await call(c.accounts, 'Halt', { account_id: account, mode: 'HALTED', reason: 'node' }, trader);
  check(halted.state === 'HALTED', 'Halt switched the account to HALTED');
  const resumed = await call(c.accounts, 'Resume', { account_id: account }, trader);
  check(resumed.state === 'ACTIVE', 'Resume switched it back to ACTIVE');
  await expectCode(grpc.status.PERMISSION_DENIED, call(c.accounts, 'UpdateRiskLimits', { account_id: account, limits: { max_open_positions: 2 } }, viewer));
  console.log('ok: a viewer may not change limits');
  await expectCode(grpc.status.UNAUTHENTICATED, call(c.accounts, 'GetAccount', { account_id: account }, 'ak_nope.wrong'));
  console.log('ok: a wrong key is UNAUTHENTICATED');
  const detail = await expectCode(grpc.status.INVALID_ARGUMENT, call(c.orders, 'PlaceOrder', { account_id: account, client_order_id: 'js-bad',
    symbol: 'NSE:TCS', side: 'BUY', type: 'MARKET', quantity: { units: 1 }, time_in_force: 'DAY' }, trader));
  check(detail.includes('product'), 'PlaceOrder without a product is INVALID_ARGUMENT naming "product"');
  const events = orderStream(c.orders, account, viewer);
  await events.live;
  const ack = await call(c.orders, 'PlaceOrder', { account_id: account, client_order_id: 'js-buy-1', symbol: 'NSE:INFY', side: 'BUY',
    type: 'MARKET', quantity: { units: 4 }, time_in_force: 'DAY', product: 'MIS' }, trader);
  check(ack.status === 'ACCEPTED', 'PlaceOrder (market BUY 4 NSE:INFY) was ACCEPTED');
  const fill = await events.until((e) => e.order.order_id === ack.order_id && e.status === 'FILLED');
  events.cancel();
  // a FILLED event carries the trade that completed the order; the paper broker may fill in parts against tick volume
  check(fill.order.filled_quantity.units === 4 && fill.trade.quantity.units > 0, 'the fill arrived on StreamOrderEvents');
  const portfolio = await call(c.portfolio, 'GetPortfolio', { account_id: account }, viewer);
  check(portfolio.positions.some((p) => p.symbol === 'NSE:INFY' && p.quantity.units === 4), 'GetPortfolio shows the position');
  const closed = await call(c.portfolio, 'CloseAllPositions', { account_id: account }, trader);
  check(closed.acks.length === 1 && closed.acks[0].status === 'ACCEPTED', 'CloseAllPositions closed it');
  const limits = await call(c.accounts, 'UpdateRiskLimits', { account_id: account, limits: { max_open_positions: 2 } }, trader);
  check(limits.max_open_positions === 2, 'UpdateRiskLimits by the trader');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const c = clients(args.target);
  try {
    await run(c, args.key, args.account);
    console.log('SESSION OK');
    return 0;
  } catch (e) {
    console.log(`FAILED: ${e.message}`);
    return 1;
  } finally {
    Object.values(c).forEach((client) => client.close());
  }
}

main().then((code) => process.exit(code));
