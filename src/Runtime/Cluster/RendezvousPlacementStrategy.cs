namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// Rendezvous (highest random weight) hashing: the member with the highest hash of
/// (member id, identity) owns the identity, so a membership change moves only the identities
/// of the members that came or went. Hashes are stable across processes (FNV-1a, then mixed).
/// </summary>
public sealed class RendezvousPlacementStrategy : IPlacementStrategy
{
    public static readonly RendezvousPlacementStrategy Instance = new();

    public Member Place(ClusterIdentity identity, IReadOnlyList<Member> members)
    {
        if (members.Count == 0) throw new InvalidOperationException("the cluster has no members");
        Member? best = null;
        ulong bestScore = 0;
        foreach (var member in members)
        {
            var score = Score(member.Id, identity);
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(member.Id, best.Id) < 0))
            {
                best = member;
                bestScore = score;
            }
        }
        return best!;
    }

    public static ulong Score(string memberId, ClusterIdentity identity)
    {
        var hash = 14695981039346656037UL;
        hash = Fnv(hash, memberId);
        hash = Fnv(hash ^ 0xFF, identity.Kind);
        hash = Fnv(hash ^ 0xFE, identity.Identity);
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    private static ulong Fnv(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}
