namespace ActorTrading.Actors.Feeds;

/// <summary>A bad row in a tick CSV file; the message starts with "line N:" and names the field.</summary>
public sealed class CsvFeedException(int lineNumber, string message) : FormatException($"line {lineNumber}: {message}")
{
    public int LineNumber { get; } = lineNumber;
}
