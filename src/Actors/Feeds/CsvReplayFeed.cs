using System.Runtime.CompilerServices;
using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Feeds;

/// <summary>
/// Replays recorded ticks from CSV (<see cref="CsvTickParser.Header"/>; the header line, blank lines and '#' comments are
/// skipped). <see cref="Read"/> streams as fast as possible; <see cref="ReplayAsync"/> paces by the recorded times
/// with a speed multiplier on the injected TimeProvider. A bad row stops the replay with a <see cref="CsvFeedException"/>
/// naming the line.
/// </summary>
public sealed class CsvReplayFeed(Func<TextReader> open)
{
    public IEnumerable<MarketTick> Read()
    {
        using var reader = open();
        var lineNumber = 0;
        long sequence = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            if (lineNumber == 1 && trimmed.StartsWith("time", StringComparison.OrdinalIgnoreCase)) continue;
            yield return CsvTickParser.Parse(trimmed, lineNumber, ++sequence);
        }
    }

    public async IAsyncEnumerable<MarketTick> ReplayAsync(TimeProvider time, double speed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pacer = new ReplayPacer(speed);
        foreach (var tick in Read())
        {
            var delay = pacer.DelayFor(tick.Time, time.GetUtcNow());
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            yield return tick;
        }
    }
}
