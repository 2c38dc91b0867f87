using System.Collections.Concurrent;
using System.Globalization;

namespace ActorTrading.Runtime.Processes;

/// <summary>
/// The local processes by id. Futures are not registered: their PIDs carry their process.
/// PIDs cache what they resolve, so the dictionary is only read on a PID's first use.
/// </summary>
public sealed class ProcessRegistry(ActorSystem system)
{
    private readonly ConcurrentDictionary<string, Process> _processes = new(StringComparer.Ordinal);
    private long _sequence;

    public int Count => _processes.Count;

    public IEnumerable<Process> Processes => _processes.Values;

    /// <summary>A fresh id such as <c>$42</c>.</summary>
    public string NextId() => "$" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);

    /// <summary>Registers <paramref name="process"/> under <paramref name="id"/>; false if the id is taken.</summary>
    public bool TryAdd(string id, Process process, out PID pid)
    {
        pid = new PID(system.Address, id, process);
        return _processes.TryAdd(id, process);
    }

    public void Remove(PID pid) => _processes.TryRemove(pid.Id, out _);

    /// <summary>Set by remoting: the process for a PID of another node (null: dead letters).</summary>
    public Func<PID, Process?>? RemoteResolver { get; set; }

    /// <summary>The process of <paramref name="pid"/>, or the dead-letter process.</summary>
    public Process Get(PID pid)
    {
        if (pid.Address == system.Address) return _processes.TryGetValue(pid.Id, out var process) ? process : system.DeadLetter;
        return RemoteResolver?.Invoke(pid) ?? system.DeadLetter;
    }

    public bool TryGet(string id, out Process? process) => _processes.TryGetValue(id, out process);
}
