using ActorTrading.Cluster.V1;

namespace ActorTrading.Runtime.Remote;

/// <summary>The sending half of one stream to a peer: the stream we dialed, or the stream the peer dialed to us.</summary>
internal interface IRemoteConnection : IAsyncDisposable
{
    /// <summary>Completes when the stream has ended or broken (the reading side saw it).</summary>
    Task Closed { get; }

    Task WriteAsync(RemoteBatch batch, CancellationToken ct);
}
