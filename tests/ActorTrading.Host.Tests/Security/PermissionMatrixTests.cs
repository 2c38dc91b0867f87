using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Security;
using ActorTrading.Host.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Host.Tests.Security;

/// <summary>
/// Every rpc × every role (and no key, a wrong key) × own and foreign account: the right calls pass authorization, the
/// others get PERMISSION_DENIED or UNAUTHENTICATED, and no response of a non-admin carries another account's id.
/// </summary>
public sealed class PermissionMatrixTests(TestNodeFixture fixture) : IClassFixture<TestNodeFixture>
{
    private static readonly Role?[] Callers = [Role.Admin, Role.Trader, Role.LimitedTrader, Role.Viewer, null];

    private static IEnumerable<string> Paths() =>
        ApiClient.Services.SelectMany(s => s.Methods.Select(m => s.Name + "/" + m.Name));

    public static TheoryData<string> Rpcs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Paths()) data.Add(path);
        return data;
    }

    [Fact]
    public void Policy_EveryRpcOfTheApi_HasARule() =>
        Assert.Equal(Paths().Order(), RpcPolicy.Methods.Select(m => m[(m.LastIndexOf('.') + 1)..]).Order());

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Call_EachRoleOnOwnAndForeignAccount_IsAllowedExactlyWhenThePolicySays(string path)
    {
        var node = fixture.Node;
        var method = ApiClient.Describe(path);
        var rule = RpcPolicy.For($"/{method.Service.FullName}/{method.Name}");
        var scoped = method.InputType.FindFieldByName("account_id") is not null && path != "Accounts/CreateAccount";
        foreach (var role in Callers)
        {
            foreach (var account in new[] { TestNode.Own, TestNode.Foreign })
            {
                var key = role is { } r ? node.Keys[r] : null;
                var (status, response) = await CallAsync(node.Client, method, RpcRequests.For(path, account), key);
                var because = $"{path} as {role?.ToString() ?? "no key"} on {account}";
                if (role is null) Assert.True(status == StatusCode.Unauthenticated, because + $": {status}");
                else if (!RpcPolicy.Allows(role.Value, rule.Needs)) Assert.True(status == StatusCode.PermissionDenied, because + $": {status}");
                else if (scoped && account == TestNode.Foreign && role != Role.Admin) Assert.True(status == StatusCode.PermissionDenied, because + $": {status}");
                else Assert.True(status is StatusCode.OK or StatusCode.NotFound or StatusCode.FailedPrecondition, because + $": {status}");
                if (response is not null && role is not Role.Admin) AssertOnlyOwnAccount(response, because);
            }
        }
        var (wrongKey, _) = await CallAsync(node.Client, method, RpcRequests.For(path, TestNode.Own), "ak_nope.wrong");
        Assert.Equal(StatusCode.Unauthenticated, wrongKey);
    }

    private static async Task<(StatusCode, IMessage?)> CallAsync(ApiClient client, MethodDescriptor method, IMessage request, string? key)
    {
        try
        {
            if (method.IsServerStreaming) return (await OpenStreamAsync(client, method, request, key), null);
            if (method.IsClientStreaming) return await UploadAsync(client, (Tick)request, key);
            return (StatusCode.OK, await client.UnaryAny(method, request, key));
        }
        catch (RpcException e)
        {
            return (e.StatusCode, null);
        }
    }

    private static async Task<StatusCode> OpenStreamAsync(ApiClient client, MethodDescriptor method, IMessage request, string? key)
    {
        using var cts = new CancellationTokenSource();
        IDisposable call = request switch
        {
            StreamOrderEventsRequest r => client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", r, key, cts.Token),
            StreamPortfolioRequest r => client.Stream<StreamPortfolioRequest, PortfolioSnapshot>("Portfolio/StreamPortfolio", r, key, cts.Token),
            SubscribeRequest r => client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", r, key, cts.Token),
            _ => throw new ArgumentException(method.FullName),
        };
        using (call)
        {
            dynamic streaming = call;
            await ((Task<Metadata>)streaming.ResponseHeadersAsync).WaitAsync(TimeSpan.FromSeconds(30));
            try { return ((Status)streaming.GetStatus()).StatusCode; }
            catch (InvalidOperationException) { return StatusCode.OK; }   // headers without a status: the stream is live
            finally { cts.Cancel(); }
        }
    }

    /// <summary>
    /// PublishTicks with no message: a refused call is answered at once (Trailers-Only), and a client still writing ticks
    /// then may see its stream reset (CANCELLED) before it reads that status; an empty upload keeps the outcome exact.
    /// </summary>
    private static async Task<(StatusCode, IMessage?)> UploadAsync(ApiClient client, Tick tick, string? key)
    {
        _ = tick;
        using var call = client.Upload<Tick, PublishTicksResponse>("MarketData/PublishTicks", key);
        try
        {
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException) { /* refused before the end of the request: the status comes with the response */ }
        return (StatusCode.OK, await call.ResponseAsync);
    }

    private static void AssertOnlyOwnAccount(IMessage message, string because)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.Name is "account_id" && value is string id) Assert.True(id is "" or TestNode.Own, $"{because}: leaked account {id}");
            else if (field.Name is "account_ids" && value is IEnumerable<string> ids) Assert.All(ids, i => Assert.Equal(TestNode.Own, i));
            else if (field.FieldType == FieldType.Message && value is IEnumerable<IMessage> items) foreach (var item in items) AssertOnlyOwnAccount(item, because);
            else if (field.FieldType == FieldType.Message && !field.IsMap && value is IMessage child) AssertOnlyOwnAccount(child, because);
        }
    }
}
