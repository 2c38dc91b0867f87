using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Api;

/// <summary>Each kind of risk denial reachable through the API, against the real actors: OrderAck DENIED with the reason and the numbers.</summary>
public sealed class RealCoreRiskDenialTests(RealCoreFixture fixture) : IClassFixture<RealCoreFixture>
{
    private static int _accounts;

    private async Task<string> AccountAsync(RiskLimits limits, long cash = 1_000_000)
    {
        var id = $"risk-{Interlocked.Increment(ref _accounts)}";
        await fixture.Node.Client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
            new() { AccountId = id, InitialCash = Dec(cash), Limits = limits }, TestNode.AdminKey);
        return id;
    }

    private Task<OrderAck> PlaceAsync(PlaceOrderRequest r) => fixture.Node.Client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", r, TestNode.AdminKey);

    private async Task<decimal> LastAsync(string symbol) =>
        ProtoDecimal.FromProto((await fixture.Node.Client.Unary<GetQuoteRequest, Tick>("MarketData/GetQuote", new() { Symbol = symbol }, TestNode.AdminKey)).Last);

    private async Task FilledAsync(string account, PlaceOrderRequest order)
    {
        using var events = fixture.Node.Client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, TestNode.AdminKey);
        await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        var ack = await PlaceAsync(order);
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        while (await events.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))
            if (events.ResponseStream.Current.Order.OrderId == ack.OrderId && events.ResponseStream.Current.Status == OrderStatus.Filled) return;
    }

    private static void Denied(OrderAck ack, DenialReason reason)
    {
        Assert.True(ack.Status == OrderStatus.Denied && ack.DenialReason == reason, $"expected DENIED {reason}: {ack}");
        Assert.Matches("[0-9]", ack.Message);
    }

    [Fact]
    public async Task PriceBand_LimitFarFromLast_IsDenied()
    {
        var account = await AccountAsync(new RiskLimits());
        var last = await LastAsync("NSE:TCS");
        Denied(await PlaceAsync(new PlaceOrderRequest(Limit(account, "pb", 1, 0)) { LimitPrice = ProtoDecimal.ToProto(decimal.Round(last / 2 / 0.05m) * 0.05m) }), DenialReason.PriceBand);
    }

    [Fact]
    public async Task MinRewardRisk_TargetTooClose_IsDenied()
    {
        var account = await AccountAsync(new RiskLimits());
        var last = decimal.Round(await LastAsync("NSE:TCS"));
        Denied(await PlaceAsync(new PlaceOrderRequest(Market(account, "rr", Side.Buy, 1)) { StopLoss = ProtoDecimal.ToProto(last - 100), TakeProfit = ProtoDecimal.ToProto(last + 10) }),
            DenialReason.MinRewardRisk);
    }

    [Fact]
    public async Task MaxOrderNotional_OrderAboveIt_IsDenied() =>
        Denied(await PlaceAsync(Market(await AccountAsync(new RiskLimits { MaxOrderNotional = Dec(1000) }), "mon", Side.Buy, 5)), DenialReason.MaxOrderNotional);

    [Fact]
    public async Task MaxPositionSize_OrderAboveTenPercent_IsDenied() =>
        Denied(await PlaceAsync(Market(await AccountAsync(new RiskLimits()), "mps", Side.Buy, 100)), DenialReason.MaxPositionSize);

    [Fact]
    public async Task InsufficientFunds_CashSpentOnAnotherPosition_IsDenied()
    {
        var account = await AccountAsync(new RiskLimits { MaxPositionPercent = Dec(100) }, cash: 10_000);
        await FilledAsync(account, Market(account, "spend", Side.Buy, 2, "NSE:TCS"));
        Denied(await PlaceAsync(Market(account, "funds", Side.Buy, 1, "NSE:RELIANCE")), DenialReason.InsufficientFunds);
    }

    [Fact]
    public async Task SectorExposure_AboveTheSectorLimit_IsDenied() =>
        Denied(await PlaceAsync(Market(await AccountAsync(new RiskLimits { MaxSectorPercent = { ["IT"] = Dec(1) } }), "sector", Side.Buy, 5)), DenialReason.SectorExposure);

    [Fact]
    public async Task MaxOrdersPerDay_SecondOrder_IsDenied()
    {
        var account = await AccountAsync(new RiskLimits { MaxOrdersPerDay = 1 });
        Assert.Equal(OrderStatus.Accepted, (await PlaceAsync(Market(account, "o1", Side.Buy, 1))).Status);
        Denied(await PlaceAsync(Market(account, "o2", Side.Buy, 1)), DenialReason.MaxOrdersPerDay);
    }

    [Fact]
    public async Task MaxOpenPositions_SecondSymbol_IsDenied()
    {
        var account = await AccountAsync(new RiskLimits { MaxOpenPositions = 1 });
        await FilledAsync(account, Market(account, "p1", Side.Buy, 1, "NSE:TCS"));
        Denied(await PlaceAsync(Market(account, "p2", Side.Buy, 1, "NSE:INFY")), DenialReason.MaxOpenPositions);
    }

    [Fact]
    public async Task HaltedAndReducing_NewPositions_AreDenied()
    {
        var account = await AccountAsync(new RiskLimits());
        await fixture.Node.Client.Unary<HaltRequest, TradingStateChanged>("Accounts/Halt", new() { AccountId = account, Mode = TradingState.Reducing, Reason = "t" }, TestNode.AdminKey);
        Assert.Equal(DenialReason.ReduceOnly, (await PlaceAsync(Market(account, "r1", Side.Buy, 1))).DenialReason);
        await fixture.Node.Client.Unary<HaltRequest, TradingStateChanged>("Accounts/Halt", new() { AccountId = account, Mode = TradingState.Halted, Reason = "t" }, TestNode.AdminKey);
        Assert.Equal(DenialReason.TradingHalted, (await PlaceAsync(Market(account, "h1", Side.Buy, 1))).DenialReason);
    }

    [Fact]
    public async Task RateLimit_BurstAboveTen_DeniesTheExcess()
    {
        var account = await AccountAsync(new RiskLimits { MaxOrdersPerDay = 1000, MaxPositionPercent = Dec(100) });
        // The bucket refills on the real clock: at the default 10/s a loaded machine that took 3 s over the 40 orders
        // refused none. A burst of 10 refilled at 1/s denies the excess unless the 40 take half a minute.
        var actors = fixture.Node.Node.App.Services.GetRequiredService<ActorHost>();
        var rate = await actors.Cluster.RequestAsync<OrderRateLimitSettings>(TradingCore.AccountIdentity(account),
            new UpdateOrderRateLimit { AccountId = account, OrdersPerSecond = 1, Burst = 10 }, TimeSpan.FromSeconds(30));
        Assert.Equal((1, 10), (rate.OrdersPerSecond, rate.Burst));
        var acks = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => PlaceAsync(Market(account, "rl-" + i, Side.Buy, 1))));
        Assert.Contains(acks, a => a.DenialReason == DenialReason.RateLimit);
    }

    [Fact]
    public async Task MarketHours_Enforced_DeniesExactlyWhenTheNseIsClosed()
    {
        var account = await AccountAsync(new RiskLimits { EnforceMarketHours = true });
        var open = MarketCalendar.Nse().IsOpen(DateTimeOffset.UtcNow);
        var ack = await PlaceAsync(Market(account, "mh", Side.Buy, 1));
        if (open && MarketCalendar.Nse().IsOpen(DateTimeOffset.UtcNow)) Assert.NotEqual(DenialReason.MarketClosed, ack.DenialReason);
        else if (!open && !MarketCalendar.Nse().IsOpen(DateTimeOffset.UtcNow)) Assert.Equal(DenialReason.MarketClosed, ack.DenialReason);
    }
}
