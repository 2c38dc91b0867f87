using System.Security.Cryptography;
using System.Text;
using ActorTrading.Host.Configuration;

namespace ActorTrading.Host.Security;

/// <summary>
/// What opens the remoting stream between nodes (<c>actortrading.cluster.v1.Remoting/Connect</c>): the dedicated
/// <c>Node:Cluster:Secret</c>, or the node's configured admin key when no dedicated secret is set. API keys never do,
/// not even admin ones (a remoting peer sends actor messages directly, past the API's validation and audit).
/// </summary>
public sealed class ClusterSecret
{
    /// <summary>Path prefix of the remoting service's calls.</summary>
    public static readonly string RemotingPrefix = "/" + ActorTrading.Cluster.V1.RemoteReflection.Descriptor.Services[0].FullName + "/";

    private readonly byte[]? _digest;

    public ClusterSecret(NodeOptions options)
    {
        var secret = Of(options);
        if (secret.Length > 0) _digest = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>The secret this node presents to its peers and accepts from them ("" when none is configured).</summary>
    public static string Of(NodeOptions options) => options.Cluster.Secret.Length > 0 ? options.Cluster.Secret : options.AdminKey;

    public static bool IsRemoting(string method) => method.StartsWith(RemotingPrefix, StringComparison.Ordinal);

    public bool Matches(string? presented) =>
        _digest is not null && presented is not null
        && CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
