using ActorTrading.Runtime.Cluster;
using ActorTrading.Storage.Redis;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Redis;

/// <summary>Cluster membership in a real Redis: join, leave (published), and a member that stops heartbeating drops out.</summary>
public sealed class RedisMembershipProviderTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly string _prefix = "mt" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly List<RedisConnection> _connections = [];

    /// <param name="ttl">How long a silent member lasts: 1 s where the test waits for one to drop out; otherwise long, so a
    /// heartbeat late by a second on a loaded machine cannot drop a live member between what the test reads.</param>
    private (RedisMembershipProvider Provider, MemberWatch Watch) Node(TimeSpan? ttl = null)
    {
        var connection = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = _prefix });
        _connections.Add(connection);
        var options = new RedisMembershipOptions { ClusterName = "test", Ttl = ttl ?? TimeSpan.FromSeconds(30), HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        return (new RedisMembershipProvider(connection, options), new MemberWatch());
    }

    [Fact]
    public async Task JoinAsync_TwoMembers_EachSeesBoth()
    {
        var (a, watchA) = Node();
        var (b, watchB) = Node();
        await a.JoinAsync(new Member("a", "127.0.0.1:1"), watchA.Update, CancellationToken.None);
        await b.JoinAsync(new Member("b", "127.0.0.1:2"), watchB.Update, CancellationToken.None);

        await watchA.Until(m => m.Count == 2).WaitAsync(Guard);
        await watchB.Until(m => m.Count == 2).WaitAsync(Guard);

        Assert.Equal(["a", "b"], a.Members.Select(m => m.Id));
        Assert.Equal("127.0.0.1:2", a.Members[1].Address);
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task JoinAsync_RedisNotUpYet_JoinsOnceItAnswers()
    {
        await using var redis = await PrivateRedis.StartAsync();
        await redis.StopAsync();
        var connection = RedisConnection.Connect(new RedisStorageOptions(redis.Configuration) { KeyPrefix = _prefix });
        _connections.Add(connection);
        var provider = new RedisMembershipProvider(connection, new RedisMembershipOptions
        {
            ClusterName = "late", Ttl = TimeSpan.FromSeconds(30), HeartbeatInterval = TimeSpan.FromMilliseconds(200), JoinTimeout = TimeSpan.FromMinutes(5),
        });
        var watch = new MemberWatch();
        var join = provider.JoinAsync(new Member("a", "127.0.0.1:1"), watch.Update, CancellationToken.None);
        Assert.False(join.IsCompleted);                                   // nothing to join yet: it waits instead of failing

        await redis.StartAgainAsync();
        await join.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(["a"], provider.Members.Select(m => m.Id));
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task LeaveAsync_Member_OthersDropIt()
    {
        var (a, watchA) = Node();
        var (b, watchB) = Node();
        await a.JoinAsync(new Member("a", "127.0.0.1:1"), watchA.Update, CancellationToken.None);
        await b.JoinAsync(new Member("b", "127.0.0.1:2"), watchB.Update, CancellationToken.None);
        await watchA.Until(m => m.Count == 2).WaitAsync(Guard);

        await b.LeaveAsync(new Member("b", "127.0.0.1:2"), CancellationToken.None);

        await watchA.Until(m => m.Count == 1 && m[0].Id == "a").WaitAsync(Guard);
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task MemberStopsHeartbeating_DropsOutAfterItsTtl()
    {
        var (a, watchA) = Node(TimeSpan.FromSeconds(1));
        var (b, _) = Node(TimeSpan.FromSeconds(1));
        await a.JoinAsync(new Member("a", "127.0.0.1:1"), watchA.Update, CancellationToken.None);
        await b.JoinAsync(new Member("b", "127.0.0.1:2"), _ => { }, CancellationToken.None);
        await watchA.Until(m => m.Count == 2).WaitAsync(Guard);

        await b.DisposeAsync(); // dies: no leave, its key expires

        await watchA.Until(m => m.Count == 1 && m[0].Id == "a").WaitAsync(Guard);
        await a.DisposeAsync();
    }

    [Fact]
    public void Constructor_HeartbeatLongerThanHalfTheTtl_Throws()
    {
        var connection = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = _prefix });
        _connections.Add(connection);
        Assert.Throws<ArgumentException>(() => new RedisMembershipProvider(connection,
            new RedisMembershipOptions { Ttl = TimeSpan.FromSeconds(1), HeartbeatInterval = TimeSpan.FromSeconds(1) }));
    }

    public void Dispose()
    {
        foreach (var connection in _connections) connection.Dispose();
    }

    /// <summary>The lists a provider reported; <see cref="Until"/> completes when one matches.</summary>
    private sealed class MemberWatch
    {
        private readonly Lock _lock = new();
        private IReadOnlyList<Member> _last = [];
        private readonly List<(Func<IReadOnlyList<Member>, bool> Match, TaskCompletionSource Done)> _waiters = [];

        public void Update(IReadOnlyList<Member> members)
        {
            lock (_lock)
            {
                _last = members;
                foreach (var w in _waiters.Where(w => w.Match(members)).ToList()) { w.Done.TrySetResult(); _waiters.Remove(w); }
            }
        }

        public Task Until(Func<IReadOnlyList<Member>, bool> match)
        {
            lock (_lock)
            {
                if (match(_last)) return Task.CompletedTask;
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((match, done));
                return done.Task;
            }
        }
    }
}
