using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>Argument rules every <see cref="IQuoteCache"/> enforces the same way.</summary>
public static class QuoteArguments
{
    public static void Validate(Tick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        if (string.IsNullOrEmpty(tick.Symbol)) throw new ArgumentException("tick.symbol is required", nameof(tick));
    }
}
