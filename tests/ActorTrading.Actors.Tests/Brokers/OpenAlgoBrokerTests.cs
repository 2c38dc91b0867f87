using System.Net;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Brokers;

public class OpenAlgoBrokerTests
{
    private readonly FakeOpenAlgoServer _server = new();
    private readonly OpenAlgoBroker _broker;

    public OpenAlgoBrokerTests() => _broker = new OpenAlgoBroker(_server.Client(),
        new OpenAlgoOptions { BaseAddress = new Uri("http://openalgo.test/"), ApiKey = FakeOpenAlgoServer.Key, Strategy = "at-default" }, new ManualTimeProvider());

    private static BrokerOrder Order(string id, OrderType type = OrderType.StopLimit, string algo = "momentum") => new()
    {
        ClientOrderId = new ClientOrderId(id), Symbol = TestData.Reliance, Side = Side.Sell, Type = type, Quantity = 3,
        LimitPrice = type is OrderType.Limit or OrderType.StopLimit ? 2890.5m : null, StopPrice = type is OrderType.StopLimit or OrderType.StopMarket ? 2895m : null,
        Product = Product.Cnc, AlgoId = algo,
    };

    [Fact]
    public async Task PlaceOrder_SendsOpenAlgoFields()
    {
        var r = await _broker.PlaceOrderAsync(Order("o-1"));
        Assert.True(r.IsSuccess, r.ToString());
        var body = _server.Requests.Single();
        Assert.Equal(("test-key", "momentum", "RELIANCE", "NSE", "SELL", "SL", "CNC", "3", "2890.5", "2895", "0"),
            ((string)body["apikey"]!, (string)body["strategy"]!, (string)body["symbol"]!, (string)body["exchange"]!, (string)body["action"]!,
             (string)body["pricetype"]!, (string)body["product"]!, (string)body["quantity"]!, (string)body["price"]!, (string)body["trigger_price"]!,
             (string)body["disclosed_quantity"]!));
    }

    [Fact]
    public async Task PlaceOrder_NoAlgoId_UsesConfiguredStrategyTag()
    {
        await _broker.PlaceOrderAsync(Order("o-2", OrderType.Market, algo: ""));
        Assert.Equal(("at-default", "MARKET"), ((string)_server.Requests[0]["strategy"]!, (string)_server.Requests[0]["pricetype"]!));
    }

    [Fact]
    public async Task PlaceOrder_ConcurrentDuplicates_MakeOneHttpCall()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _broker.PlaceOrderAsync(Order("dup"))));
        Assert.Single(results.Select(r => r.Value!.BrokerOrderId).Distinct());
        Assert.Equal(1, _server.Calls["placeorder"]);
    }

    [Fact]
    public async Task PlaceOrder_CanceledAttempt_DoesNotPoisonTheClientOrderId()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _broker.PlaceOrderAsync(Order("cx"), canceled.Token));
        Assert.True((await _broker.PlaceOrderAsync(Order("cx"))).IsSuccess);
    }

    [Fact]
    public async Task Http429_IsRateLimitedWithRetryAfter_AndCanBeRetried()
    {
        _server.Inject(HttpStatusCode.TooManyRequests, "{\"status\":\"error\",\"message\":\"slow down\"}", TimeSpan.FromSeconds(2));
        var first = await _broker.PlaceOrderAsync(Order("rl"));
        Assert.Equal((BrokerErrorKind.RateLimited, TimeSpan.FromSeconds(2)), (first.Error!.Kind, first.Error.RetryAfter));
        Assert.True(first.Error.IsTransient);
        var second = await _broker.PlaceOrderAsync(Order("rl"));
        Assert.True(second.IsSuccess);
    }

    [Fact]
    public async Task Http500_IsTransient_Http400_IsRejectedWithServerMessage()
    {
        _server.Inject(HttpStatusCode.BadGateway, "oops");
        Assert.Equal(BrokerErrorKind.Transient, (await _broker.GetFundsAsync()).Error!.Kind);
        var bad = Order("bad") with { Symbol = new SymbolId("NSE:BADSYM") };
        var r = await _broker.PlaceOrderAsync(bad);
        Assert.Equal((BrokerErrorKind.Rejected, "placeorder: Symbol not found"), (r.Error!.Kind, r.Error.Message));
    }

    [Fact]
    public async Task MalformedJson_IsProtocolError()
    {
        _server.Inject(HttpStatusCode.OK, "{not json");
        Assert.Equal(BrokerErrorKind.Protocol, (await _broker.GetPositionsAsync()).Error!.Kind);
    }

    [Fact]
    public async Task WrongApiKey_IsRejected()
    {
        var other = new OpenAlgoBroker(_server.Client(), new OpenAlgoOptions { BaseAddress = new Uri("http://openalgo.test/"), ApiKey = "wrong" }, TimeProvider.System);
        var r = await other.GetFundsAsync();
        Assert.Equal((BrokerErrorKind.Rejected, "funds: Invalid openalgo apikey"), (r.Error!.Kind, r.Error.Message));
    }

    [Fact]
    public async Task Funds_ParsesNumbersGivenAsStringsOrNumbers()
    {
        var f = (await _broker.GetFundsAsync()).Value!;
        Assert.Equal(new OpenAlgoFunds(100000.50m, 0m, -12.5m, 7m, 2500m), f);
    }

    [Fact]
    public async Task FillsAtBroker_ShowInStatusTradesPositionsAndPolledReports()
    {
        var ack = (await _broker.PlaceOrderAsync(Order("f-1", OrderType.Limit))).Value!;
        Assert.Equal(1, (await _broker.PollAsync()).Value); // ACCEPTED → OPEN
        _server.Fill(ack.BrokerOrderId, 1, 2891m);
        _server.Fill(ack.BrokerOrderId, 2, 2892.5m);
        var s = (await _broker.GetOrderStatusAsync(ack.BrokerOrderId)).Value!;
        Assert.Equal((OrderStatus.Filled, 3m, 2892m), (s.Status, s.FilledQuantity, s.AveragePrice));
        Assert.Equal(2, (await _broker.GetTradesAsync()).Value!.Count);
        var p = Assert.Single((await _broker.GetPositionsAsync()).Value!);
        Assert.Equal((TestData.Reliance, Product.Cnc, -3m), (p.Symbol, p.Product, p.Quantity));
        Assert.Equal(1, (await _broker.PollAsync()).Value);
        var reports = new List<ExecutionReport>();
        while (_broker.ExecutionReports.TryRead(out var r)) reports.Add(r);
        Assert.Equal(OrderStatus.Open, reports[0].Status);
        Assert.Equal((OrderStatus.Filled, 3m, 2892m, new ClientOrderId("f-1")), (reports[1].Status, reports[1].LastQuantity, reports[1].LastPrice, reports[1].ClientOrderId));
        Assert.Equal(0, (await _broker.PollAsync()).Value);
    }

    [Fact]
    public async Task CancelAll_And_ClosePositions_CallTheirEndpoints()
    {
        await _broker.PlaceOrderAsync(Order("ca-1", OrderType.Limit));
        Assert.True((await _broker.CancelAllOrdersAsync()).IsSuccess);
        Assert.Empty((await _broker.GetOpenOrdersAsync()).Value!);
        Assert.True((await _broker.ClosePositionsAsync()).IsSuccess);
        Assert.Equal(1, _server.Calls["closeposition"]);
    }

    [Fact]
    public async Task Modify_UnknownOrder_IsNotFoundWithoutHttpCall()
    {
        var r = await _broker.ModifyOrderAsync("999", new OrderModification(Quantity: 1));
        Assert.Equal(BrokerErrorKind.NotFound, r.Error!.Kind);
        Assert.False(_server.Calls.ContainsKey("modifyorder"));
    }
}
