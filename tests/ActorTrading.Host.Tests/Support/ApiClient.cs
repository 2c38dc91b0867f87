using System.Collections.Concurrent;
using System.Reflection;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Host.Tests.Support;

/// <summary>Our gRPC client (src/Grpc) over the public API, by rpc path ("Orders/PlaceOrder") and key.</summary>
public sealed class ApiClient(string address) : IDisposable
{
    public static readonly IReadOnlyList<ServiceDescriptor> Services =
    [
        AccountsReflection.Descriptor.Services[0], OrdersReflection.Descriptor.Services[0], PortfolioReflection.Descriptor.Services[0],
        MarketDataReflection.Descriptor.Services[0], StrategiesReflection.Descriptor.Services[0], ClusterReflection.Descriptor.Services[0],
    ];

    private static readonly ConcurrentDictionary<string, object> Methods = new();
    private static readonly MethodInfo UnaryAnyOpen = typeof(ApiClient).GetMethod(nameof(UnaryTyped), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(address);

    public GrpcClient Client => new(_channel);

    public static MethodDescriptor Describe(string path)
    {
        var (service, rpc) = (path[..path.IndexOf('/')], path[(path.IndexOf('/') + 1)..]);
        return Services.Single(s => s.Name == service).FindMethodByName(rpc) ?? throw new ArgumentException(path);
    }

    public static CallOptions Options(string? key, CancellationToken ct = default) =>
        new(key is null ? null : new Metadata().Add("authorization", "Bearer " + key), DateTime.UtcNow.AddSeconds(30), ct);

    public Task<TResp> Unary<TReq, TResp>(string path, TReq request, string? key) where TReq : class, IMessage<TReq> where TResp : class, IMessage<TResp> =>
        Client.UnaryAsync(MethodOf<TReq, TResp>(path), request, Options(key));

    public AsyncServerStreamingCall<TResp> Stream<TReq, TResp>(string path, TReq request, string? key, CancellationToken ct = default)
        where TReq : class, IMessage<TReq> where TResp : class, IMessage<TResp> =>
        Client.ServerStreaming(MethodOf<TReq, TResp>(path), request, Options(key, ct) with { Deadline = null });

    public AsyncClientStreamingCall<TReq, TResp> Upload<TReq, TResp>(string path, string? key) where TReq : class, IMessage<TReq> where TResp : class, IMessage<TResp> =>
        Client.ClientStreaming(MethodOf<TReq, TResp>(path), Options(key));

    /// <summary>A unary call whose types are known only at run time (the permission matrix).</summary>
    public Task<IMessage> UnaryAny(MethodDescriptor method, IMessage request, string? key) =>
        (Task<IMessage>)UnaryAnyOpen.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType).Invoke(this, [method, request, key])!;

    private async Task<IMessage> UnaryTyped<TReq, TResp>(MethodDescriptor method, IMessage request, string? key)
        where TReq : class, IMessage<TReq> where TResp : class, IMessage<TResp> =>
        await Client.UnaryAsync(MethodOf<TReq, TResp>(method.Service.Name + "/" + method.Name), (TReq)request, Options(key));

    private static Method<TReq, TResp> MethodOf<TReq, TResp>(string path) where TReq : class, IMessage<TReq> where TResp : class, IMessage<TResp> =>
        (Method<TReq, TResp>)Methods.GetOrAdd(path, p => Method.Create<TReq, TResp>(Describe(p)));

    public void Dispose() => _channel.Dispose();
}
