using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ActorTrading.Host.Composition;

/// <summary>The Kestrel endpoints of the node; after start they carry the bound ports (port 0 = any free port).</summary>
public sealed class NodeEndpointsInfo
{
    public List<ListenOptions> Grpc { get; } = [];
    public List<ListenOptions> Http { get; } = [];

    public IReadOnlyList<string> GrpcUrls => Urls(Grpc);
    public IReadOnlyList<string> HttpUrls => Urls(Http);

    private static List<string> Urls(List<ListenOptions> endpoints) =>
        [.. endpoints.Select(l => l.IPEndPoint is { } ip ? $"http://{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip.Address}]" : ip.Address.ToString())}:{ip.Port}" : l.ToString() ?? "")];
}
