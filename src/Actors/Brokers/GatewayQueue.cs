using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// Bounded priority queue of broker requests: cancels before modifies before new orders, FIFO within a kind.
/// When full, <see cref="TryEnqueue"/> refuses with a RATE_LIMIT denial naming the numbers — never a silent drop.
/// Not thread-safe (the gateway actor owns it).
/// </summary>
public sealed class GatewayQueue
{
    private readonly Queue<GatewayCommand>[] _lanes = [new(), new(), new()];

    public GatewayQueue(int capacity = 1000)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be positive");
        Capacity = capacity;
    }

    public int Capacity { get; }
    public int Count { get; private set; }

    public bool TryEnqueue(GatewayCommand command, out RiskDenial? denial)
    {
        if (Count >= Capacity)
        {
            denial = new RiskDenial(DenialReason.RateLimit,
                $"broker gateway queue is full ({Count} queued, capacity {Capacity}): {command.Kind} {command.ClientOrderId} refused");
            return false;
        }
        _lanes[(int)command.Kind].Enqueue(command);
        Count++;
        denial = null;
        return true;
    }

    public bool TryDequeue(out GatewayCommand command)
    {
        foreach (var lane in _lanes)
        {
            if (lane.TryDequeue(out command!)) { Count--; return true; }
        }
        command = null!;
        return false;
    }

    public bool TryPeek(out GatewayCommand command)
    {
        foreach (var lane in _lanes) if (lane.TryPeek(out command!)) return true;
        command = null!;
        return false;
    }

    public int CountOf(GatewayCommandKind kind) => _lanes[(int)kind].Count;
}
