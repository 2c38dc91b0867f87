namespace ActorTrading.Runtime.Remote;

/// <summary>Local actors watching actors of other nodes, by node: if the node goes away they learn their targets terminated.</summary>
internal sealed class RemoteWatches
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<(PID Watcher, PID Target)>> _byAddress = new(StringComparer.Ordinal);

    public void Add(PID watcher, PID target)
    {
        lock (_lock)
        {
            if (!_byAddress.TryGetValue(target.Address, out var set)) _byAddress[target.Address] = set = [];
            set.Add((watcher, target));
        }
    }

    public void Remove(PID watcher, PID target)
    {
        lock (_lock)
            if (_byAddress.TryGetValue(target.Address, out var set)) set.Remove((watcher, target));
    }

    public IReadOnlyList<(PID Watcher, PID Target)> RemoveAll(string address)
    {
        lock (_lock) return _byAddress.Remove(address, out var set) ? [.. set] : [];
    }
}
