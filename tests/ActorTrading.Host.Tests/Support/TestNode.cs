using Microsoft.Extensions.DependencyInjection;
using ActorTrading.Api.V1;
using ActorTrading.Host.Composition;

namespace ActorTrading.Host.Tests.Support;

/// <summary>
/// A node in this process on real Kestrel (loopback, free ports) with the scripted trading core, an admin key, two
/// accounts (own: granted to every role's key; foreign: granted to nobody) and one key per role.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    public const string Own = "acc-own";
    public const string Foreign = "acc-foreign";

    private TestNode(Node node, ScriptedTradingCore core)
    {
        Node = node;
        Core = core;
        Client = new ApiClient(node.GrpcUrls[0]);
        Http = new HttpClient { BaseAddress = new Uri(node.HttpUrls[0]) };
    }

    public Node Node { get; }
    public ScriptedTradingCore Core { get; }
    public ApiClient Client { get; }
    public HttpClient Http { get; }
    public Dictionary<Role, string> Keys { get; } = [];

    public static Task<TestNode> StartAsync(params string[] args) => StartAsync(realCore: false, args);

    /// <param name="realCore">true: the trading actors of src/Actors (simulated feed, paper broker) instead of the scripted ones.</param>
    public static async Task<TestNode> StartAsync(bool realCore, params string[] args)
    {
        var core = new ScriptedTradingCore();
        string[] all = ["--urls", "http://127.0.0.1:0", "--http-urls", "http://127.0.0.1:0", "--admin-key", AdminKey, "--node-id", "test-node",
            "--ConnectionStrings:Postgres", "", "--ConnectionStrings:Redis", "", .. args];   // embedded even when the environment names a database
        var node = await NodeApplication.BuildAsync(all, b =>
        {
            b.Logging.ClearProviders();
            if (!realCore) b.Services.AddSingleton<ITradingCore>(core);
        });
        await node.StartAsync();
        var test = new TestNode(node, core);
        foreach (var id in new[] { Own, Foreign })
            await test.Client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
                new CreateAccountRequest { AccountId = id, DisplayName = id, InitialCash = new global::ActorTrading.Api.V1.Decimal { Units = 1_000_000 } }, AdminKey);
        foreach (var role in new[] { Role.Admin, Role.Trader, Role.LimitedTrader, Role.Viewer })
        {
            var key = await test.Client.Unary<CreateApiKeyRequest, ApiKey>("Accounts/CreateApiKey",
                new CreateApiKeyRequest { Principal = "p-" + role, Role = role, AccountIds = { Own } }, AdminKey);
            test.Keys[role] = key.Secret;
        }
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Node.StopAsync();
        await Node.DisposeAsync();
    }
}
