namespace ActorTrading.Runtime.Cluster;

/// <summary>Membership among the clusters of one process (one node in production): joining and
/// leaving update every joined member at once.</summary>
public sealed class InProcessMembershipProvider : IMembershipProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Member Member, Action<IReadOnlyList<Member>> Notify)> _members = new();

    public Task JoinAsync(Member self, Action<IReadOnlyList<Member>> membersChanged, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_members.TryAdd(self.Id, (self, membersChanged)))
                throw new InvalidOperationException($"member '{self.Id}' has already joined");
        }
        Broadcast();
        return Task.CompletedTask;
    }

    public Task LeaveAsync(Member self, CancellationToken ct)
    {
        lock (_lock) _members.Remove(self.Id);
        Broadcast();
        return Task.CompletedTask;
    }

    private void Broadcast()
    {
        Member[] members;
        Action<IReadOnlyList<Member>>[] listeners;
        lock (_lock)
        {
            members = _members.Values.Select(m => m.Member).OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
            listeners = _members.Values.Select(m => m.Notify).ToArray();
        }
        foreach (var notify in listeners) notify(members);
    }
}
