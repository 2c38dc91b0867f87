using ActorTrading.Actors.Strategies;

namespace ActorTrading.Actors.Tests.Strategies;

public class StrategyCatalogTests
{
    [Fact]
    public void Default_ListsAllBuiltIns()
    {
        var names = StrategyCatalog.Default.All.Select(d => d.Name).ToArray();
        Assert.Equal(["confluence_amplifier", "ema_crossover", "mean_reversion", "momentum_breakout", "optimized_volume_scalper",
            "signal_follower", "volatility_explosion", "volume_profile_scalper"], names);
    }

    [Fact]
    public void ToProto_DescribesParametersWithTypesDefaultsAndRanges()
    {
        var ema = StrategyCatalog.Default.ToProto().Types_.Single(t => t.Name == "ema_crossover");
        var fast = ema.Parameters.Single(p => p.Name == "fast_period");
        Assert.Equal(("int", "9"), (fast.Type, fast.DefaultValue));
        Assert.Contains("1..500", fast.Description);
        Assert.Equal("bool", ema.Parameters.Single(p => p.Name == "allow_short").Type);
    }

    [Fact]
    public void TryCreate_Defaults_FillsEffectiveParameters()
    {
        var s = StrategyCatalog.Default.TryCreate("ema_crossover", null, out var effective, out var errors);
        Assert.NotNull(s);
        Assert.Empty(errors);
        Assert.Equal("21", effective!.AsText["slow_period"]);
    }

    [Fact]
    public void TryCreate_UnknownType_ListsKnownTypes()
    {
        Assert.Null(StrategyCatalog.Default.TryCreate("nope", null, out _, out var errors));
        Assert.Contains("unknown strategy type 'nope'", errors.Single());
        Assert.Contains("ema_crossover", errors.Single());
    }

    [Fact]
    public void TryCreate_BadParameters_CollectsEveryError()
    {
        var given = new Dictionary<string, string> { ["fast_period"] = "x", ["stop_percent"] = "99", ["colour"] = "red" };
        Assert.Null(StrategyCatalog.Default.TryCreate("ema_crossover", given, out _, out var errors));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("unknown parameter 'colour'"));
        Assert.Contains(errors, e => e == "parameter 'fast_period' must be an integer (got 'x')");
        Assert.Contains(errors, e => e == "parameter 'stop_percent' must be <= 50 (got 99)");
    }

    [Fact]
    public void TryCreate_CrossCheckFails_ExplainsRelation()
    {
        var given = new Dictionary<string, string> { ["fast_period"] = "30", ["slow_period"] = "20" };
        StrategyCatalog.Default.TryCreate("ema_crossover", given, out _, out var errors);
        Assert.Equal("fast_period (30) must be smaller than slow_period (20)", errors.Single());
    }

    [Fact]
    public void BoolParameter_BadValue_IsRefused()
    {
        StrategyCatalog.Default.TryCreate("mean_reversion", new Dictionary<string, string> { ["allow_short"] = "maybe" }, out _, out var errors);
        Assert.Equal("parameter 'allow_short' must be true or false (got 'maybe')", errors.Single());
    }
}
