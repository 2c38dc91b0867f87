using ActorTrading.Actors.Model;
using ActorTrading.Host.Configuration;

namespace ActorTrading.Host.Composition;

/// <summary>What the trading core is composed from: settings, ports, instruments and the clock.</summary>
public sealed record TradingCoreContext(
    NodeOptions Options,
    NodeStorage Storage,
    InstrumentCatalog Instruments,
    TimeProvider Time,
    ILoggerFactory Logging)
{
    /// <summary>Market hours are enforced by default only on a durable node (the embedded demo trades at any hour).</summary>
    public bool EnforceMarketHours => Options.Risk.EnforceMarketHours ?? Storage.IsDurable;
}
