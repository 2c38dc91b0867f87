using System.Net;
using System.Net.Sockets;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>Two real node processes in cluster mode on one PostgreSQL and one Redis: an account created through one node
/// is served through the other; when its owner is killed it activates on the survivor with everything acknowledged. The
/// remoting stream between nodes opens with the cluster secret only.</summary>
public sealed class ClusterTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const string Secret = "e2e-cluster-secret-0123456789";

    private static Task<NodeProcess> StartMember(string id, string cluster, params string[] extra)
    {
        var port = FreePort();
        return NodeProcess.StartAsync(true, ["--node-id", id, "--urls", $"http://127.0.0.1:{port}", "--advertise", $"127.0.0.1:{port}",
            "--cluster-name", cluster, "--feed", "none", "--market-hours", "false", .. extra]);
    }

    /// <summary>Opens Remoting/Connect as a peer would (hello first) and returns the node's hello, or the call's error.</summary>
    private static async Task<RemoteBatch> ConnectAsync(ApiClient client, string? bearer)
    {
        var method = Method.Create<RemoteBatch, RemoteBatch>(RemoteReflection.Descriptor.Services[0], "Connect");
        using var call = client.Client.DuplexStreaming(method, ApiClient.Options(bearer));
        await call.RequestStream.WriteAsync(new RemoteBatch { Hello = new RemoteHello { Address = "127.0.0.1:9", MemberId = "intruder" } });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard), "the node closed the stream without a hello");
        var hello = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        return hello;
    }

    [Fact]
    public async Task RemotingConnect_OnlyTheClusterSecret_OpensIt()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Redis")),
            "ConnectionStrings__Redis is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var cluster = "sec" + Guid.NewGuid().ToString("N")[..8];
        await using var node = await StartMember("s-a", cluster, "--cluster-secret", Secret);
        using var client = new ApiClient(node.GrpcUrl);
        var storedAdmin = await Eventually(() => client.Unary<CreateApiKeyRequest, ApiKey>("Accounts/CreateApiKey",
            new() { Principal = "ops", Role = Role.Admin }, NodeProcess.AdminKey));

        foreach (var (what, bearer) in new[] { ("the admin key", NodeProcess.AdminKey), ("a stored admin API key", storedAdmin.Secret), ("no key", (string?)null) })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => ConnectAsync(client, bearer));
            Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"{what}: {refused.Status}");
        }
        Assert.Equal("s-a", (await ConnectAsync(client, Secret)).Hello.MemberId);
        var apiWithSecret = await Assert.ThrowsAsync<RpcException>(() => client.Unary<ListMembersRequest, ListMembersResponse>("Cluster/ListMembers", new(), Secret));
        Assert.Equal(StatusCode.Unauthenticated, apiWithSecret.StatusCode);    // the secret is not an API key
    }

    /// <summary>Retries while the answer is UNAVAILABLE (a member is moving), until the guard.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            try { return await call(); }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !guard.IsCancellationRequested) { await Task.Yield(); }
        }
    }

    [Fact]
    public async Task Accounts_CreatedThroughOneNode_AreServedThroughTheOtherAndSurviveTheOwnersDeath()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Redis")),
            "ConnectionStrings__Redis is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var cluster = "e2e" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await StartMember("c-a", cluster);
        await using var b = await StartMember("c-b", cluster);
        try
        {
            await CreateServeAndSurviveAsync(cluster, a, b);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // what both nodes said: a CreateAccount answered DEADLINE_EXCEEDED once under load 83, with nothing to tell why
            throw new InvalidOperationException($"{e.Message}\n--- node A:\n{a.Output}\n--- node B:\n{b.Output}", e);
        }
    }

    private static async Task CreateServeAndSurviveAsync(string cluster, NodeProcess a, NodeProcess b)
    {
        using var clientA = new ApiClient(a.GrpcUrl);
        using var clientB = new ApiClient(b.GrpcUrl);
        var ids = Enumerable.Range(0, 8).Select(i => $"cl-{cluster}-{i}").ToList();

        foreach (var id in ids)
            await Eventually(() => clientA.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
                new() { AccountId = id, DisplayName = id, InitialCash = Messages.Dec(100_000) }, NodeProcess.AdminKey));
        foreach (var id in ids)
        {
            var viaB = await Eventually(() => clientB.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = id }, NodeProcess.AdminKey));
            var viaA = await Eventually(() => clientA.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = id }, NodeProcess.AdminKey));
            Assert.Equal(id, viaB.DisplayName);
            Assert.Equal(viaA, viaB);
        }

        System.Diagnostics.Process.GetProcessById(b.Pid).Kill();

        foreach (var id in ids)
        {
            var survived = await Eventually(() => clientA.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = id }, NodeProcess.AdminKey));
            Assert.Equal(id, survived.DisplayName);
        }
    }
}
