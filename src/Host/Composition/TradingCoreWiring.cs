namespace ActorTrading.Host.Composition;

/// <summary>The one place where the node takes the trading actors from src/Actors (tests substitute their own <see cref="ITradingCore"/>).</summary>
public static class TradingCoreWiring
{
    public static ITradingCore Create(IServiceProvider services) =>
        new ActorsTradingCore(services.GetRequiredService<ILogger<ActorsTradingCore>>());
}
