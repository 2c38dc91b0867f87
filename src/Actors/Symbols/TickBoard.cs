using System.Collections.Concurrent;
using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Symbols;

/// <summary>
/// The last tick of every symbol actor on this node (symbols are node-local), published by the symbol actor before it
/// fans the tick out: an immutable <see cref="MarketTick"/> behind a volatile reference, one cell per symbol. Readers
/// that need a price only when they decide (risk) read it here instead of receiving every tick in their mailbox, and
/// see a price at least as fresh as the last tick delivered to any subscriber on this node.
/// </summary>
public sealed class TickBoard
{
    private readonly ConcurrentDictionary<SymbolId, Cell> _cells = new();

    /// <summary>The cell of <paramref name="symbol"/> (created once; the symbol actor keeps it and writes to it).</summary>
    public Cell CellOf(SymbolId symbol) => _cells.GetOrAdd(symbol, static _ => new Cell());

    /// <summary>The last tick published for <paramref name="symbol"/> on this node, if any.</summary>
    public bool TryGetLast(SymbolId symbol, out MarketTick tick)
    {
        if (_cells.TryGetValue(symbol, out var cell) && cell.Tick is { } last)
        {
            tick = last;
            return true;
        }
        tick = null!;
        return false;
    }

    /// <summary>One symbol's last tick; written only by that symbol's actor.</summary>
    public sealed class Cell
    {
        private MarketTick? _tick;

        public MarketTick? Tick => Volatile.Read(ref _tick);

        internal void Publish(MarketTick tick) => Volatile.Write(ref _tick, tick);
    }
}
