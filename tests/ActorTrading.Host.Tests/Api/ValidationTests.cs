using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ApiDecimal = ActorTrading.Api.V1.Decimal;

namespace ActorTrading.Host.Tests.Api;

/// <summary>Every malformed field is refused with INVALID_ARGUMENT naming it, before any actor sees the request.</summary>
public sealed class ValidationTests(TestNodeFixture fixture) : IClassFixture<TestNodeFixture>
{
    private const string Own = TestNode.Own;

    private static PlaceOrderRequest Order(Action<PlaceOrderRequest> change)
    {
        var r = new PlaceOrderRequest
        {
            AccountId = Own, ClientOrderId = "v-1", Symbol = "NSE:TCS", Side = Side.Buy, Type = OrderType.Market,
            Quantity = new ApiDecimal { Units = 1 }, TimeInForce = TimeInForce.Day, Product = Product.Mis,
        };
        change(r);
        return r;
    }

    public static TheoryData<string, IMessage, string> Cases() => new()
    {
        { "Orders/PlaceOrder", Order(r => r.AccountId = ""), "account_id" },
        { "Orders/PlaceOrder", Order(r => r.AccountId = "bad id!"), "account_id" },
        { "Orders/PlaceOrder", Order(r => r.ClientOrderId = ""), "client_order_id" },
        { "Orders/PlaceOrder", Order(r => r.Symbol = "tcs"), "symbol" },
        { "Orders/PlaceOrder", Order(r => r.Symbol = "NSE:NOPE"), "symbol" },
        { "Orders/PlaceOrder", Order(r => r.Side = Side.Unspecified), "side" },
        { "Orders/PlaceOrder", Order(r => r.Type = OrderType.Unspecified), "type" },
        { "Orders/PlaceOrder", Order(r => r.TimeInForce = TimeInForce.Unspecified), "time_in_force" },
        { "Orders/PlaceOrder", Order(r => r.Product = Product.Unspecified), "product" },
        { "Orders/PlaceOrder", Order(r => r.Quantity = new ApiDecimal { Units = 1, Nanos = -5 }), "quantity" },
        { "Orders/PlaceOrder", Order(r => r.Quantity = new ApiDecimal { Nanos = 1_000_000_000 }), "quantity" },
        { "Orders/PlaceOrder", Order(r => { r.Type = OrderType.Limit; r.LimitPrice = new ApiDecimal { Units = -3 }; }), "limit_price" },
        { "Orders/ModifyOrder", new ModifyOrderRequest { AccountId = Own, OrderId = "o-1" }, "quantity" },
        { "Orders/ModifyOrder", new ModifyOrderRequest { AccountId = Own, OrderId = "", Quantity = new ApiDecimal { Units = 1 } }, "order_id" },
        { "Orders/CancelOrder", new CancelOrderRequest { AccountId = Own, OrderId = "bad id" }, "order_id" },
        { "Orders/ListOrders", new ListOrdersRequest { AccountId = Own, PageSize = -1 }, "page_size" },
        { "Orders/ListTrades", new ListTradesRequest { AccountId = Own, PageSize = 5000 }, "page_size" },
        { "Accounts/CreateAccount", new CreateAccountRequest { AccountId = "x-1", InitialCash = new ApiDecimal { Units = -1 } }, "initial_cash" },
        { "Accounts/CreateAccount", new CreateAccountRequest { AccountId = "x-1", Limits = new RiskLimits { RiskPerTradePercent = new ApiDecimal { Units = 150 } } }, "risk_per_trade_percent" },
        { "Accounts/UpdateRiskLimits", new UpdateRiskLimitsRequest { AccountId = Own }, "limits" },
        { "Accounts/UpdateRiskLimits", new UpdateRiskLimitsRequest { AccountId = Own, Limits = new RiskLimits { MaxOpenPositions = -1 } }, "max_open_positions" },
        { "Accounts/Halt", new HaltRequest { AccountId = Own }, "mode" },
        { "Accounts/Halt", new HaltRequest { AccountId = Own, Mode = TradingState.Active }, "mode" },
        { "Accounts/CreateApiKey", new CreateApiKeyRequest { Principal = "", Role = Role.Viewer }, "principal" },
        { "Accounts/CreateApiKey", new CreateApiKeyRequest { Principal = "p" }, "role" },
        { "Accounts/CreateApiKey", new CreateApiKeyRequest { Principal = "p", Role = Role.Viewer, AccountIds = { "no good" } }, "account_ids[0]" },
        { "Accounts/ListAccounts", new ListAccountsRequest { PageToken = "zz" }, "page_token" },
        { "Portfolio/ClosePosition", new ClosePositionRequest { AccountId = Own, Symbol = "NSE:TCS" }, "product" },
        { "Portfolio/ClosePosition", new ClosePositionRequest { AccountId = Own, Symbol = "", Product = Product.Mis }, "symbol" },
        { "MarketData/GetQuote", new GetQuoteRequest { Symbol = "XX" }, "symbol" },
        { "MarketData/GetBars", new GetBarsRequest { Symbol = "NSE:TCS" }, "from" },
        { "MarketData/GetBars", new GetBarsRequest { Symbol = "NSE:TCS", From = Timestamp.FromDateTime(DateTime.UtcNow), To = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)) }, "to" },
        { "Strategies/StartStrategy", new StartStrategyRequest { AccountId = Own, Type = "nope", InstanceName = "a", Symbols = { "NSE:TCS" } }, "type" },
        { "Strategies/StartStrategy", new StartStrategyRequest { AccountId = Own, Type = "signal_follower", InstanceName = "a b", Symbols = { "NSE:TCS" } }, "instance_name" },
        { "Strategies/StartStrategy", new StartStrategyRequest { AccountId = Own, Type = "signal_follower", InstanceName = "a" }, "symbols" },
        { "Strategies/StartStrategy", new StartStrategyRequest { AccountId = Own, Type = "signal_follower", InstanceName = "a", Symbols = { "NSE:TCS" }, Parameters = { ["nonsense"] = "1" } }, "parameters" },
        { "Strategies/SendSignal", new SendSignalRequest { AccountId = Own, InstanceName = "a", Symbol = "NSE:TCS" }, "action" },
        { "Strategies/SendSignal", new SendSignalRequest { AccountId = Own, InstanceName = "a", Symbol = "NSE:TCS", Action = Side.Buy, Price = new ApiDecimal { Units = -1 } }, "price" },
        { "Cluster/LocateAccount", new LocateAccountRequest(), "account_id" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_MalformedField_IsInvalidArgumentNamingTheField(string path, IMessage request, string field)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => fixture.Node.Client.UnaryAny(ApiClient.Describe(path), request, TestNode.AdminKey));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(field, e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_NoSymbols_IsInvalidArgumentNamingSymbols()
    {
        using var call = fixture.Node.Client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", new SubscribeRequest(), TestNode.AdminKey);
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("symbols", e.Status.Detail, StringComparison.Ordinal);
    }
}
