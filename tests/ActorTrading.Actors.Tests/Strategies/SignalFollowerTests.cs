using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Strategies;

public class SignalFollowerTests
{
    private static (IStrategy, FakeStrategyContext) Make()
    {
        var ctx = new FakeStrategyContext(Tcs, Infy);
        ctx.Prices[Tcs] = 4000m;
        return (Bars.Create("signal_follower"), ctx);
    }

    [Fact]
    public void OnSignal_BuyWithoutLevels_ImpliesStopAndTargetAndSubmits()
    {
        var (s, ctx) = Make();
        var outcome = s.OnSignal(new ExternalSignal("nse:tcs", "buy"), ctx);
        Assert.True(outcome.Accepted, string.Join("; ", outcome.Errors));
        var i = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 3960m, 4120m, 0m), (i.Side, i.StopLoss, i.TakeProfit, i.Quantity));
    }

    [Fact]
    public void OnSignal_GivenLevelsWithEnoughRewardRisk_Accepted()
    {
        var (s, ctx) = Make();
        var outcome = s.OnSignal(new ExternalSignal("NSE:TCS", "SELL", 5, 4000m, 4020m, 3950m), ctx);
        Assert.True(outcome.Accepted);
        Assert.Equal((Side.Sell, 5m), (outcome.Intent!.Side, outcome.Intent.Quantity));
    }

    [Fact]
    public void OnSignal_RewardRiskBelowLimit_RejectedWithNumbers()
    {
        var (s, ctx) = Make();
        var outcome = s.OnSignal(new ExternalSignal("NSE:TCS", "BUY", 1, 4000m, 3990m, 4020m), ctx);
        Assert.False(outcome.Accepted);
        Assert.Equal("reward:risk 2 is below the minimum 2.5 (entry 4000, stop 3990, target 4020)", outcome.Errors.Single());
        Assert.Empty(ctx.Submitted);
    }

    [Fact]
    public void OnSignal_UnknownSymbolAndBadAction_ListsBothErrors()
    {
        var (s, ctx) = Make();
        var outcome = s.OnSignal(new ExternalSignal("NSE:RELIANCE", "HOLD"), ctx);
        Assert.Equal(2, outcome.Errors.Count);
        Assert.Contains(outcome.Errors, e => e.Contains("not traded by this strategy instance"));
        Assert.Contains(outcome.Errors, e => e.Contains("'HOLD' must be BUY or SELL"));
    }

    [Fact]
    public void OnSignal_MalformedSymbol_IsRejected()
    {
        var (s, ctx) = Make();
        Assert.Contains("not EXCHANGE:SYMBOL", s.OnSignal(new ExternalSignal("TCS", "BUY"), ctx).Errors.Single());
    }

    [Fact]
    public void OnSignal_StopOnWrongSide_IsRejected()
    {
        var (s, ctx) = Make();
        var outcome = s.OnSignal(new ExternalSignal("NSE:TCS", "BUY", 1, 4000m, 4010m, 4100m), ctx);
        Assert.Contains("stop_loss 4010 must be below the entry 4000", outcome.Errors.Single());
    }

    [Fact]
    public void OnSignal_NoPriceAnywhere_IsRejected()
    {
        var (s, ctx) = Make();
        Assert.Contains("no price for NSE:INFY", s.OnSignal(new ExternalSignal("NSE:INFY", "BUY"), ctx).Errors.Single());
    }

    [Fact]
    public void OnSignal_BarStrategy_RejectsSignals()
    {
        var ctx = new FakeStrategyContext(Tcs);
        var outcome = Bars.Create("ema_crossover").OnSignal(new ExternalSignal("NSE:TCS", "BUY"), ctx);
        Assert.Equal("strategy ema_crossover does not accept external signals", outcome.Errors.Single());
    }

    [Fact]
    public void ExternalSignal_FromProto_MapsSideAndDecimals()
    {
        var r = new SendSignalRequest { Symbol = "NSE:TCS", Action = Side.Sell, Quantity = ActorTrading.Actors.Model.ProtoDecimal.ToProto(3), StopLoss = ActorTrading.Actors.Model.ProtoDecimal.ToProto(4100m) };
        Assert.Null(ExternalSignal.TryFromProto(r, out var signal));
        Assert.Equal(new ExternalSignal("NSE:TCS", "SELL", 3, null, 4100m, null), signal);
    }

    [Fact]
    public void ExternalSignal_FromProto_MalformedDecimal_NamesField()
    {
        var r = new SendSignalRequest { Symbol = "NSE:TCS", Action = Side.Buy, Price = new ActorTrading.Api.V1.Decimal { Units = -1, Nanos = 5 } };
        Assert.StartsWith("price:", ExternalSignal.TryFromProto(r, out _));
    }
}
