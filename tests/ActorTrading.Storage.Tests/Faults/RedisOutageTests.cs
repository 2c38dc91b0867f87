using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Storage.Redis;
using ActorTrading.Storage.Tests.Infrastructure;
using StackExchange.Redis;

namespace ActorTrading.Storage.Tests.Faults;

[Collection(FaultCollection.Name)]
public sealed class RedisOutageTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stores_RedisStoppedThenRestarted_DegradeWithoutLosingDataAndRecover()
    {
        await using var server = await PrivateRedis.StartAsync();
        var schema = await PostgresSchema.CreateAsync();
        // The rate-limit buckets read this clock: it stands still, so the fallback bucket below cannot refill between two
        // takes however slowly the machine runs them (at 10/s real time a 100 ms stall gave the third take a token).
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var redis = new RedisStorage(new RedisStorageOptions(server.Configuration) { KeyPrefix = "f:", Time = clock });
        try
        {
            var apiKeys = redis.ApiKeys(schema.Storage);
            var key = await apiKeys.CreateAsync("ops", Role.Admin, []);
            var tick = new Tick { Symbol = "NSE:INFY", Sequence = 1, Last = ProtoDecimal.ToProtoRounded(1500m) };
            await redis.Quotes.SetAsync(tick);
            Assert.NotNull(await apiKeys.VerifyAsync(key.Key));
            Assert.False(redis.IsDegraded);

            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            redis.Connection.Multiplexer.ConnectionFailed += (_, e) => { if (e.ConnectionType == ConnectionType.Interactive) lost.TrySetResult(); };
            redis.Connection.Multiplexer.ConnectionRestored += (_, e) => { if (e.ConnectionType == ConnectionType.Interactive) restored.TrySetResult(); };
            try
            {
                await server.StopAsync();
                await lost.Task.WaitAsync(Guard);

                Assert.True(redis.IsDegraded);
                Assert.Null(await redis.Quotes.GetAsync("NSE:INFY"));                        // a miss, not an error
                await redis.Quotes.SetAsync(tick);                                            // dropped, not thrown
                var policy = new RateLimitPolicy(10, 2);
                Assert.True((await redis.RateLimits.TryTakeAsync("gw", policy)).Allowed);    // local fallback bucket
                Assert.True((await redis.RateLimits.TryTakeAsync("gw", policy)).Allowed);
                Assert.False((await redis.RateLimits.TryTakeAsync("gw", policy)).Allowed);
                Assert.NotNull(await apiKeys.VerifyAsync(key.Key));                          // straight from PostgreSQL
                Assert.True(await apiKeys.RevokeAsync(key.KeyId));
                Assert.Null(await apiKeys.VerifyAsync(key.Key));
            }
            finally
            {
                await server.StartAgainAsync();
            }
            await restored.Task.WaitAsync(Guard);

            Assert.True(redis.Connection.Multiplexer.IsConnected);
            await RecoveredAsync(redis, tick).WaitAsync(Guard);
            Assert.False(redis.IsDegraded);
            Assert.Equal(1, (await redis.Quotes.GetAsync("NSE:INFY"))!.Sequence);
            Assert.True((await redis.RateLimits.TryTakeAsync("gw-after", new RateLimitPolicy(1, 1))).Allowed);
        }
        finally
        {
            await schema.DisposeAsync();
        }
    }

    /// <summary>
    /// After ConnectionRestored, StackExchange.Redis re-learns the server's role before it accepts
    /// writes again; the store stays degraded until its first write succeeds. Each turn is a real round trip.
    /// </summary>
    private static async Task RecoveredAsync(RedisStorage redis, Tick tick)
    {
        while (true)
        {
            await redis.Quotes.SetAsync(tick);
            if (!redis.IsDegraded) return;
            try { await redis.Connection.Database.PingAsync(); }
            catch (RedisConnectionException) { }
        }
    }
}
