using System.Globalization;
using System.Runtime.CompilerServices;
using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime;

/// <summary>
/// The address of a process: node address plus id. A PID caches the process it resolved, so
/// sending through it reads no dictionary after the first time; a cached process that has died
/// is resolved again (then usually to the dead-letter process).
/// </summary>
public sealed class PID : IEquatable<PID>
{
    private Process? _process;
    private string? _id;
    private readonly long _futureSequence;
    private int _hash;

    public PID(string address, string id)
    {
        Address = address ?? throw new ArgumentNullException(nameof(address));
        _id = id ?? throw new ArgumentNullException(nameof(id));
    }

    internal PID(string address, string id, Process process) : this(address, id) => _process = process;

    /// <summary>A future's PID: never registered, its id is formatted only if someone asks.</summary>
    internal PID(string address, long futureSequence, Process process)
    {
        Address = address;
        _futureSequence = futureSequence;
        _process = process;
    }

    public string Address { get; }

    public string Id => _id ??= "$future" + _futureSequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The process to deliver to (cached).</summary>
    public Process Ref(ActorSystem system)
    {
        var process = _process;
        return process is not null && !process.IsDead ? process : Resolve(system);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Process Resolve(ActorSystem system)
    {
        var process = system.ProcessRegistry.Get(this);
        if (process is not DeadLetterProcess) _process = process;
        return process;
    }

    /// <summary>Delivers a user message; false when a bounded mailbox refused it.</summary>
    public bool SendUserMessage(ActorSystem system, object message) => Ref(system).SendUserMessage(this, message);

    public void SendSystemMessage(ActorSystem system, object message) => Ref(system).SendSystemMessage(this, message);

    public void Stop(ActorSystem system) => Ref(system).Stop(this);

    public bool Equals(PID? other) =>
        other is not null && (ReferenceEquals(this, other) || (Id == other.Id && Address == other.Address));

    public override bool Equals(object? obj) => obj is PID other && Equals(other);

    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0) _hash = hash = HashCode.Combine(Address, Id) | 1;
        return hash;
    }

    public override string ToString() => Address + "/" + Id;

    public static bool operator ==(PID? left, PID? right) => left?.Equals(right) ?? right is null;
    public static bool operator !=(PID? left, PID? right) => !(left == right);
}
