"""A session against a running ActorTrading node with python grpcio (Debian's 1.51; run with /usr/bin/python3).

    /usr/bin/python3 tests/python/node_session.py --target 127.0.0.1:5000 --key <admin key> --account py-1

Message classes come from actortrading.protoset, which `dotnet build src/Host` writes next to the node's dll
(--protoset to point elsewhere). Prints one line per step and "SESSION OK" at the end; exits 1 on the first failure.
"""

import argparse
import os
import sys

import grpc
from google.protobuf import descriptor_pb2, message_factory

_HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROTOSET = os.path.join(_HERE, "..", "..", "src", "Host", "bin", "Release", "net10.0", "actortrading.protoset")


class Api:
    def __init__(self, target, protoset):
        with open(protoset, "rb") as f:
            files = descriptor_pb2.FileDescriptorSet.FromString(f.read()).file
        self.messages = message_factory.GetMessages(list(files))
        self.channel = grpc.insecure_channel(target)

    def msg(self, name, **fields):
        return self.messages["actortrading.v1." + name](**fields)

    def unary(self, path, request, response, key):
        call = self.channel.unary_unary("/actortrading.v1." + path, request_serializer=lambda m: m.SerializeToString(),
                                        response_deserializer=self.messages["actortrading.v1." + response].FromString)
        metadata = [("authorization", "Bearer " + key)] if key else []
        return call(request, metadata=metadata, timeout=30)

    def stream(self, path, request, response, key):
        call = self.channel.unary_stream("/actortrading.v1." + path, request_serializer=lambda m: m.SerializeToString(),
                                         response_deserializer=self.messages["actortrading.v1." + response].FromString)
        return call(request, metadata=[("authorization", "Bearer " + key)], timeout=60)


def expect_code(code, fn):
    try:
        fn()
    except grpc.RpcError as e:
        if e.code() != code:
            raise AssertionError("expected %s, got %s: %s" % (code, e.code(), e.details()))
        return e.details()
    raise AssertionError("expected %s, the call succeeded" % code)


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what, flush=True)


def run(api, admin, account):
    symbols = api.unary("MarketData/ListSymbols", api.msg("ListSymbolsRequest"), "ListSymbolsResponse", admin)
    check("NSE:RELIANCE" in [s.symbol for s in symbols.symbols], "ListSymbols lists NSE:RELIANCE")
    created = api.unary("Accounts/CreateAccount", api.msg("CreateAccountRequest", account_id=account, display_name="python",
                        initial_cash=api.msg("Decimal", units=1000000)), "Account", admin)
    check(created.account_id == account and created.state == 1, "CreateAccount made an ACTIVE account")
    trader = api.unary("Accounts/CreateApiKey", api.msg("CreateApiKeyRequest", principal="py-trader", role=2, account_ids=[account]),
                       "ApiKey", admin).secret
    viewer = api.unary("Accounts/CreateApiKey", api.msg("CreateApiKeyRequest", principal="py-viewer", role=4, account_ids=[account]),
                       "ApiKey", admin).secret
    got = api.unary("Accounts/GetAccount", api.msg("GetAccountRequest", account_id=account), "Account", trader)
    check(got.display_name == "python", "GetAccount with the trader key")
    ticks = api.stream("MarketData/Subscribe", api.msg("SubscribeRequest", symbols=["NSE:INFY"]), "Tick", viewer)
    first = next(ticks)
    ticks.cancel()
    check(first.symbol == "NSE:INFY" and first.last.units > 0, "Subscribe delivered a tick of NSE:INFY")
    instance = api.unary("Strategies/StartStrategy", api.msg("StartStrategyRequest", account_id=account, type="signal_follower",
                         instance_name="py-signals", symbols=["NSE:TCS"]), "StrategyInstance", trader)
    check(instance.running and instance.webhook_token, "StartStrategy returned a running instance with a webhook token")
    halted = api.unary("Accounts/Halt", api.msg("HaltRequest", account_id=account, mode=3, reason="python"), "TradingStateChanged", trader)
    check(halted.state == 3, "Halt switched the account to HALTED")
    resumed = api.unary("Accounts/Resume", api.msg("ResumeRequest", account_id=account), "TradingStateChanged", trader)
    check(resumed.state == 1, "Resume switched it back to ACTIVE")
    expect_code(grpc.StatusCode.PERMISSION_DENIED, lambda: api.unary("Accounts/Halt", api.msg("HaltRequest", account_id=account, mode=3),
                                                                   "TradingStateChanged", viewer))
    print("ok: a viewer may not halt", flush=True)
    expect_code(grpc.StatusCode.PERMISSION_DENIED, lambda: api.unary("Accounts/GetAccount", api.msg("GetAccountRequest", account_id="someone-else"),
                                                                   "Account", trader))
    print("ok: a trader may not read another account", flush=True)
    expect_code(grpc.StatusCode.UNAUTHENTICATED, lambda: api.unary("Accounts/GetAccount", api.msg("GetAccountRequest", account_id=account),
                                                                 "Account", None))
    print("ok: no key is UNAUTHENTICATED", flush=True)
    detail = expect_code(grpc.StatusCode.INVALID_ARGUMENT, lambda: api.unary("Orders/PlaceOrder", api.msg("PlaceOrderRequest",
        account_id=account, client_order_id="py-bad", symbol="NSE:TCS", type=1, time_in_force=1, product=1,
        quantity=api.msg("Decimal", units=1)), "OrderAck", trader))
    check("side" in detail, "PlaceOrder without a side is INVALID_ARGUMENT naming 'side'")
    events = api.stream("Orders/StreamOrderEvents", api.msg("StreamOrderEventsRequest", account_id=account), "OrderEvent", viewer)
    events.initial_metadata()  # the node sends headers once the subscription is live
    ack = api.unary("Orders/PlaceOrder", api.msg("PlaceOrderRequest", account_id=account, client_order_id="py-buy-1", symbol="NSE:TCS",
                    side=1, type=1, quantity=api.msg("Decimal", units=2), time_in_force=1, product=1), "OrderAck", trader)
    check(ack.status == 1, "PlaceOrder (market BUY 2 NSE:TCS) was ACCEPTED")
    fill = next(e for e in events if e.order.order_id == ack.order_id and e.status == 5)
    events.cancel()
    # a FILLED event carries the trade that completed the order; the paper broker may fill in parts against tick volume
    check(fill.order.filled_quantity.units == 2 and fill.trade.quantity.units > 0, "the fill arrived on StreamOrderEvents")
    portfolio = api.unary("Portfolio/GetPortfolio", api.msg("GetPortfolioRequest", account_id=account), "PortfolioSnapshot", viewer)
    check(any(p.symbol == "NSE:TCS" and p.quantity.units == 2 for p in portfolio.positions), "GetPortfolio shows the position (viewer key)")
    close = api.unary("Portfolio/ClosePosition", api.msg("ClosePositionRequest", account_id=account, symbol="NSE:TCS", product=1), "OrderAck", trader)
    check(close.status == 1, "ClosePosition was ACCEPTED")
    big = api.unary("Orders/PlaceOrder", api.msg("PlaceOrderRequest", account_id=account, client_order_id="py-big", symbol="NSE:TCS",
                    side=1, type=1, quantity=api.msg("Decimal", units=1000), time_in_force=1, product=1), "OrderAck", trader)
    check(big.status == 2 and big.denial_reason == 8, "an order above the position cap is DENIED MAX_POSITION_SIZE: " + big.message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--account", required=True)
    parser.add_argument("--protoset", default=DEFAULT_PROTOSET)
    args = parser.parse_args()
    try:
        run(Api(args.target, args.protoset), args.key, args.account)
    except Exception as e:  # noqa: BLE001 - report any failure as the test's message
        print("FAILED:", repr(e), flush=True)
        return 1
    print("SESSION OK", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
