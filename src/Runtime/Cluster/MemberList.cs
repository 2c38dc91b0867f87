namespace ActorTrading.Runtime.Cluster;

/// <summary>The member list fed by an <see cref="IMembershipProvider"/>.</summary>
public sealed class MemberList(Member self) : IMemberList
{
    private IReadOnlyList<Member> _members = [self];

    public Member Self { get; } = self;

    public IReadOnlyList<Member> Members => Volatile.Read(ref _members);

    public event Action<IReadOnlyList<Member>>? Changed;

    internal void Update(IReadOnlyList<Member> members)
    {
        Volatile.Write(ref _members, members);
        Changed?.Invoke(members);
    }
}
