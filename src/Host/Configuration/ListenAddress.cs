using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace ActorTrading.Host.Configuration;

/// <summary>One <c>http://host:port</c> of <c>--urls</c> or <c>Node:HttpUrls</c> (cleartext; port 0 = any free port).</summary>
public sealed record ListenAddress(string Host, int Port)
{
    public static bool TryParse(string url, [NotNullWhen(true)] out ListenAddress? address)
    {
        address = null;
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.AbsolutePath != "/") return false;
        if (uri.Port is < 0 or > 65535) return false;
        address = new ListenAddress(uri.Host, uri.Port);
        return true;
    }

    /// <summary>The addresses to bind: "localhost" means both loopbacks.</summary>
    public IPAddress[] Resolve() => Host switch
    {
        "localhost" => [IPAddress.Loopback],
        _ when IPAddress.TryParse(Host.Trim('[', ']'), out var ip) => [ip],
        _ => Dns.GetHostAddresses(Host),
    };
}
