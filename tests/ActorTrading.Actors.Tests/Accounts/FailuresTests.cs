using ActorTrading.Actors.Accounts;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>Refusals name only fields the refused API request really has.</summary>
public class FailuresTests
{
    [Theory]
    [InlineData("no price for NSE:INFY: the signal has none and there is no last price", "price")]
    [InlineData("reward:risk 2 is below the minimum 2.5 (entry 4000, stop 3990, target 4020)", "take_profit")]
    [InlineData("strategy ema_crossover does not accept external signals", "instance_name")]
    [InlineData("symbol NSE:INFY is not traded by this strategy instance", "symbol")]
    [InlineData("quantity 3.5 is not a multiple of the lot size 1 for NSE:TCS", "quantity")]
    [InlineData("stop_loss 4010 must be below the entry 4000 for a Buy", "stop_loss")]
    [InlineData("no", "action")]
    public void FromSignalRejection_NamesASendSignalField(string problem, string field) =>
        Assert.Equal(field, Failures.FromSignalRejection(problem).Field);

    [Theory]
    [InlineData("max_open_positions: must not be negative", "max_open_positions")]
    [InlineData("max_sector_percent[IT]: must be at most 100 (got 120)", "max_sector_percent")]
    [InlineData("unknown: something", "limits")]
    [InlineData("order is odd", "limits")]
    public void FromValidation_Limits_NestedFieldOrFallback(string problem, string field) =>
        Assert.Equal(field, Failures.FromValidation(problem, "limits", UpdateRiskLimitsRequest.Descriptor).Field);

    [Fact]
    public void FromValidation_WordThatIsNoField_Fallback()
    {
        var failed = Failures.FromValidation("time is up", "quantity", PlaceOrderRequest.Descriptor);
        Assert.Equal("quantity", failed.Field);
        Assert.Equal("time is up", failed.Message);
        Assert.Equal("time_in_force", Failures.FromValidation("time_in_force must be DAY, IOC or GTC", "quantity", PlaceOrderRequest.Descriptor).Field);
    }
}
