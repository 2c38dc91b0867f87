using ActorTrading.Runtime.Cluster;
using StackExchange.Redis;

namespace ActorTrading.Storage.Redis;

/// <summary>
/// Cluster membership in Redis: each member is a key <c>{prefix}cluster:{name}:member:{id}</c> holding its address with a
/// TTL that its heartbeat renews, listed in the set <c>...:members</c>; joins and leaves are published on <c>...:changes</c>
/// and every member also polls, so a member that dies (no leave) drops out once its key expires. The reported list always
/// contains this member; while Redis is unreachable the last known list stays (losing Redis loses no data, only changes).
/// <code>var provider = new RedisMembershipProvider(connection, new RedisMembershipOptions { ClusterName = "prod" });
/// var cluster = new Cluster(system, new ClusterConfig("n1", kinds) { MembershipProvider = provider, Remote = remote });</code>
/// </summary>
public sealed class RedisMembershipProvider : IMembershipProvider, IAsyncDisposable
{
    private readonly RedisConnection _redis;
    private readonly RedisMembershipOptions _options;
    private readonly SemaphoreSlim _polling = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly RedisKey _set;
    private readonly RedisChannel _changes;
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private Member? _self;
    private Action<IReadOnlyList<Member>>? _notify;
    private IReadOnlyList<Member> _last = [];

    public RedisMembershipProvider(RedisConnection redis, RedisMembershipOptions options)
    {
        if (options.Problem is { } problem) throw new ArgumentException(problem, nameof(options));
        _redis = redis;
        _options = options;
        _set = redis.Key("cluster:" + options.ClusterName + ":members");
        _changes = new RedisChannel(redis.Options.KeyPrefix + "cluster:" + options.ClusterName + ":changes", RedisChannel.PatternMode.Literal);
    }

    /// <summary>The live members as last read (this member included).</summary>
    public IReadOnlyList<Member> Members => Volatile.Read(ref _last);

    public async Task JoinAsync(Member self, Action<IReadOnlyList<Member>> membersChanged, CancellationToken ct)
    {
        if (_self is not null) throw new InvalidOperationException($"member '{_self.Id}' has already joined through this provider");
        _self = self;
        _notify = membersChanged;
        var time = _options.Time;
        var started = time.GetTimestamp();
        var subscribed = false;
        for (var pause = TimeSpan.FromMilliseconds(50); ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.TicksPerSecond)))
        {
            try
            {
                if (!subscribed) await _redis.Multiplexer.GetSubscriber().SubscribeAsync(_changes, (_, _) => _wake.Release()).ConfigureAwait(false);
                subscribed = true;
                await HeartbeatAsync().ConfigureAwait(false);
                await _redis.Database.PublishAsync(_changes, "join:" + self.Id).ConfigureAwait(false);
                await PollAsync(ct).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (RedisConnection.IsUnavailable(e) && !ct.IsCancellationRequested)
            {
                // the connection is still being made (abortConnect=false connects in the background) or Redis restarts
                if (time.GetElapsedTime(started) >= _options.JoinTimeout)
                    throw new InvalidOperationException($"cluster '{_options.ClusterName}': member '{self.Id}' could not join: Redis did not " +
                        $"answer within {_options.JoinTimeout.TotalSeconds:0.#} s ({e.Message}); check ConnectionStrings__Redis and that Redis is up", e);
                await Task.Delay(pause, time, ct).ConfigureAwait(false);
            }
        }
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    public async Task LeaveAsync(Member self, CancellationToken ct)
    {
        await StopLoopAsync().ConfigureAwait(false);
        try
        {
            var db = _redis.Database;
            await db.KeyDeleteAsync(MemberKey(self.Id)).ConfigureAwait(false);
            await db.SetRemoveAsync(_set, self.Id).ConfigureAwait(false);
            await db.PublishAsync(_changes, "leave:" + self.Id).ConfigureAwait(false);
            await _redis.Multiplexer.GetSubscriber().UnsubscribeAsync(_changes).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsUnavailable(e))
        {
            // Redis is down: the key expires by itself within the TTL
        }
    }

    public Task RefreshAsync(CancellationToken ct) => PollAsync(ct);

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.HeartbeatInterval, ct).ConfigureAwait(false);
                await HeartbeatAsync().ConfigureAwait(false);
                await PollAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (RedisConnection.IsUnavailable(e))
            {
                _redis.MarkFailed(); // keep the last list; try again next beat
            }
        }
    }

    private Task HeartbeatAsync()
    {
        var self = _self!;
        var db = _redis.Database;
        var batch = db.CreateBatch();
        var set = batch.StringSetAsync(MemberKey(self.Id), self.Address, _options.Ttl);
        var add = batch.SetAddAsync(_set, self.Id);
        batch.Execute();
        return Task.WhenAll(set, add);
    }

    /// <summary>Reads the set and the members' keys; drops ids whose key expired; reports the list if it changed.</summary>
    private async Task PollAsync(CancellationToken ct)
    {
        await _polling.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var db = _redis.Database;
            var ids = (await db.SetMembersAsync(_set).ConfigureAwait(false)).Select(v => (string)v!).ToArray();
            var addresses = await db.StringGetAsync(ids.Select(MemberKey).ToArray()).ConfigureAwait(false);
            var members = new List<Member> { _self! };
            for (var i = 0; i < ids.Length; i++)
            {
                if (ids[i] == _self!.Id) continue;
                if (addresses[i].IsNull) await db.SetRemoveAsync(_set, ids[i]).ConfigureAwait(false);
                else members.Add(new Member(ids[i], addresses[i]!));
            }
            members.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            _redis.MarkOk();
            if (members.SequenceEqual(_last)) return;
            Volatile.Write(ref _last, members);
            _notify?.Invoke(members);
        }
        finally
        {
            _polling.Release();
        }
    }

    private RedisKey MemberKey(string id) => _redis.Key("cluster:" + _options.ClusterName + ":member:" + id);

    private async Task StopLoopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try { await _loop.ConfigureAwait(false); }
        catch (OperationCanceledException) { /* stopping */ }
        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoopAsync().ConfigureAwait(false);
        _polling.Dispose();
        _wake.Dispose();
    }
}
