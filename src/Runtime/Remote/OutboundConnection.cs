using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// A stream we dialed: <see cref="ConnectAsync"/> opens <c>Remoting/Connect</c>, says hello and waits for the peer's hello
/// (so "connected" means the peer answered); then a reader task dispatches what the peer sends back on it.
/// </summary>
internal sealed class OutboundConnection : IRemoteConnection
{
    private static readonly Method<RemoteBatch, RemoteBatch> Connect =
        Method.Create<RemoteBatch, RemoteBatch>(RemoteReflection.Descriptor.Services[0], "Connect");

    private readonly AsyncDuplexStreamingCall<RemoteBatch, RemoteBatch> _call;
    private readonly CancellationTokenSource _cancel = new();
    private Task _reader = Task.CompletedTask;

    private OutboundConnection(AsyncDuplexStreamingCall<RemoteBatch, RemoteBatch> call) => _call = call;

    public Task Closed => _reader;

    public static async Task<OutboundConnection> ConnectAsync(GrpcClient client, Remote remote, string address, TimeSpan timeout, CancellationToken ct)
    {
        var headers = remote.Config.BearerToken is { } token ? new Metadata().Add("authorization", "Bearer " + token) : null;
        var connection = new OutboundConnection(client.DuplexStreaming(Connect, new CallOptions(headers, cancellationToken: ct)));
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            var hello = new RemoteBatch { Hello = new RemoteHello { Address = remote.System.Address, MemberId = remote.Config.MemberId } };
            // a refused connection surfaces on the response side; the write may wait for a stream that never opens
            var answered = connection._call.ResponseStream.MoveNext(limit.Token);
            var written = connection._call.RequestStream.WriteAsync(hello, limit.Token);
            if (await Task.WhenAny(answered, written).WaitAsync(limit.Token).ConfigureAwait(false) == written)
                await written.ConfigureAwait(false);
            if (!await answered.WaitAsync(limit.Token).ConfigureAwait(false) || connection._call.ResponseStream.Current.Hello is null)
                throw new IOException($"{address} did not answer the remoting hello");
            _ = written.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            connection._reader = Task.Run(() => connection.ReadAsync(remote, address));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ReadAsync(Remote remote, string address)
    {
        var responses = _call.ResponseStream;
        while (await responses.MoveNext(_cancel.Token).ConfigureAwait(false))
            remote.Dispatch(responses.Current, address);
    }

    public Task WriteAsync(RemoteBatch batch, CancellationToken ct) => _call.RequestStream.WriteAsync(batch, ct);

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        _call.Dispose();
        try { await _reader.ConfigureAwait(false); }
        catch (Exception) { /* the stream broke: that is why we are closing it */ }
        _cancel.Dispose();
    }
}
