using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Host.Tests.Support;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Api;

/// <summary>A full session through the API against the real trading actors (simulated feed, paper broker).</summary>
public sealed class RealCoreSessionTests : IAsyncLifetime
{
    private const string Account = "real-1";
    private TestNode _node = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(realCore: true, "--Node:Feed:TicksPerSecond", "50");
        var created = await _node.Client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new()
        {
            AccountId = Account, DisplayName = "real", InitialCash = Dec(1_000_000),
            Limits = new RiskLimits { MaxTradesPerDay = 100, MaxOrdersPerDay = 1000 },
        }, TestNode.AdminKey);
        Assert.Equal(TradingState.Active, created.State);
        _key = (await _node.Client.Unary<CreateApiKeyRequest, ApiKey>("Accounts/CreateApiKey",
            new() { Principal = "real-trader", Role = Role.Trader, AccountIds = { Account } }, TestNode.AdminKey)).Secret;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<TResp> Call<TReq, TResp>(string path, TReq request) where TReq : class, Google.Protobuf.IMessage<TReq> where TResp : class, Google.Protobuf.IMessage<TResp> =>
        _node.Client.Unary<TReq, TResp>(path, request, _key);

    private async Task<decimal> LastAsync(string symbol)
    {
        using var ticks = _node.Client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", new() { Symbols = { symbol } }, _key);
        Assert.True(await ticks.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        return ProtoDecimal.FromProto(ticks.ResponseStream.Current.Last);
    }

    [Fact]
    public async Task Session_PlaceModifyCancelFillCloseAndDenials_BehaveAsTheApiSays()
    {
        using var events = _node.Client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = Account }, _key);
        await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        var last = await LastAsync("NSE:TCS");

        var ack = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(Account, "buy-1", Side.Buy, 5));
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        OrderEvent e;
        do
        {
            Assert.True(await events.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            e = events.ResponseStream.Current;
        } while (e.Status != OrderStatus.Filled);
        Assert.Equal(ack.OrderId, e.Order.OrderId);

        var portfolio = await Call<GetPortfolioRequest, PortfolioSnapshot>("Portfolio/GetPortfolio", new() { AccountId = Account });
        Assert.Contains(portfolio.Positions, p => p.Symbol == "NSE:TCS" && ProtoDecimal.FromProto(p.Quantity) == 5);

        var resting = decimal.Round(last * 0.97m / 0.05m, 0) * 0.05m;
        var limit = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", new PlaceOrderRequest(Limit(Account, "lim-1", 2, 0)) { LimitPrice = ProtoDecimal.ToProto(resting) });
        Assert.True(limit.Status == OrderStatus.Accepted, limit.ToString());
        var modified = await Call<ModifyOrderRequest, OrderAck>("Orders/ModifyOrder", new() { AccountId = Account, OrderId = limit.OrderId, Quantity = Dec(3) });
        Assert.NotEqual(OrderStatus.Denied, modified.Status);
        var canceled = await Call<CancelOrderRequest, OrderAck>("Orders/CancelOrder", new() { AccountId = Account, OrderId = limit.OrderId });
        Assert.NotEqual(OrderStatus.Denied, canceled.Status);

        var band = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", new PlaceOrderRequest(Limit(Account, "band-1", 1, 0)) { LimitPrice = ProtoDecimal.ToProto(decimal.Round(last / 2 / 0.05m, 0) * 0.05m) });
        Assert.Equal(DenialReason.PriceBand, band.DenialReason);
        Assert.NotEmpty(band.Message);

        var big = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(Account, "big-1", Side.Buy, 1000));
        Assert.Equal(OrderStatus.Denied, big.Status);

        await Call<HaltRequest, TradingStateChanged>("Accounts/Halt", new() { AccountId = Account, Mode = TradingState.Halted, Reason = "test" });
        var halted = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(Account, "h-1", Side.Buy, 1));
        Assert.Equal(DenialReason.TradingHalted, halted.DenialReason);
        var resumed = await Call<ResumeRequest, TradingStateChanged>("Accounts/Resume", new() { AccountId = Account });
        Assert.Equal(TradingState.Active, resumed.State);

        var close = await Call<ClosePositionRequest, OrderAck>("Portfolio/ClosePosition", new() { AccountId = Account, Symbol = "NSE:TCS", Product = Product.Mis });
        Assert.True(close.Status == OrderStatus.Accepted, close.ToString());
    }
}
