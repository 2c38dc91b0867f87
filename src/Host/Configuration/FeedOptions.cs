namespace ActorTrading.Host.Configuration;

/// <summary>Where market data comes from: <c>simulated</c> (default), <c>csv</c> replay, or <c>none</c> (PublishTicks only).</summary>
public sealed class FeedOptions
{
    public string Kind { get; set; } = "simulated";

    /// <summary>Symbols the simulated feed moves; empty: every instrument of the catalog.</summary>
    public string Symbols { get; set; } = "";

    /// <summary>Ticks per second per symbol of the simulated feed.</summary>
    public double TicksPerSecond { get; set; } = 10;

    /// <summary>The CSV file of the csv feed.</summary>
    public string File { get; set; } = "";

    /// <summary>Replay speed of the csv feed (1 = real time).</summary>
    public double Speed { get; set; } = 1;

    public IReadOnlyList<string> SymbolList =>
        Symbols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
