namespace ActorTrading.Grpc;

/// <summary>The encodings this library speaks, and the grpc-accept-encoding value that lists them.</summary>
public static class CompressionProviders
{
    public static readonly IReadOnlyList<ICompressionProvider> Default = [new GzipCompressionProvider(), new DeflateCompressionProvider()];

    public static string AcceptEncoding(IReadOnlyList<ICompressionProvider> providers)
    {
        var names = new string[providers.Count + 1];
        names[0] = GrpcProtocol.IdentityEncoding;
        for (var i = 0; i < providers.Count; i++)
        {
            names[i + 1] = providers[i].EncodingName;
        }

        return string.Join(",", names);
    }

    /// <summary>The provider for an encoding name, or null (also null for identity).</summary>
    public static ICompressionProvider? Find(IReadOnlyList<ICompressionProvider> providers, string? name)
    {
        if (string.IsNullOrEmpty(name) || name == GrpcProtocol.IdentityEncoding)
        {
            return null;
        }

        for (var i = 0; i < providers.Count; i++)
        {
            if (string.Equals(providers[i].EncodingName, name, StringComparison.OrdinalIgnoreCase))
            {
                return providers[i];
            }
        }

        return null;
    }

    /// <summary>True when a comma-separated grpc-accept-encoding value lists <paramref name="name"/>.</summary>
    public static bool Accepts(string? acceptEncoding, string name)
    {
        if (acceptEncoding is null)
        {
            return false;
        }

        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan(range).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
