using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Runtime.Remote;

/// <summary>A stream a peer dialed to us: we answer on its response half, so one stream serves the pair.</summary>
internal sealed class InboundConnection(IServerStreamWriter<RemoteBatch> writer) : IRemoteConnection
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Closed => _closed.Task;

    public Task WriteAsync(RemoteBatch batch, CancellationToken ct) =>
        _closed.Task.IsCompleted ? Task.FromException(new IOException("the inbound stream has ended")) : writer.WriteAsync(batch, ct);

    public void Close() => _closed.TrySetResult();

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
