using System.Threading.Channels;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// Everything this node sends to one peer: a bounded queue of envelopes and one loop that (re)connects and writes them in
/// batches (all that is queued, up to <see cref="RemoteConfig.MaxBatchSize"/>, per write). It prefers the stream the peer
/// dialed to us, so a pair of nodes usually shares one stream; otherwise it dials. A failed connect makes sends fail at
/// once for a backoff (100 ms doubling to 5 s), and a broken stream fails the requests in flight to this peer.
/// </summary>
internal sealed class Endpoint : IAsyncDisposable
{
    private readonly Remote _remote;
    private readonly Channel<RemoteEnvelope> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private IRemoteConnection? _attached;
    private GrpcChannel? _channel;
    private long _downUntil;
    private string _downReason = "";
    private TimeSpan _backoff;
    private Task _loop = Task.CompletedTask;

    public Endpoint(Remote remote, string address)
    {
        _remote = remote;
        Address = address;
        Process = new RemoteProcess(remote, this);
        _queue = Channel.CreateBounded<RemoteEnvelope>(new BoundedChannelOptions(remote.Config.SendQueueCapacity)
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
        _backoff = remote.Config.MinReconnectBackoff;
    }

    public string Address { get; }
    public RemoteProcess Process { get; }
    public bool IsConnected { get; private set; }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Queues an envelope; false (with the reason) when the peer is known to be down or the queue is full.</summary>
    public bool TrySend(RemoteEnvelope envelope, out string reason)
    {
        if (_stop.IsCancellationRequested) { reason = "the endpoint is closed (the member left)"; return false; }
        var now = _remote.System.TimeProvider.GetTimestamp();
        if (now < Volatile.Read(ref _downUntil)) { reason = _downReason; return false; }
        if (_queue.Writer.TryWrite(envelope)) { reason = ""; return true; }
        reason = "the send queue to the peer is full";
        return false;
    }

    /// <summary>The peer dialed us: answer on that stream.</summary>
    public void Attach(IRemoteConnection connection)
    {
        lock (_lock) _attached = connection;
        Volatile.Write(ref _downUntil, 0);
    }

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(ct).ConfigureAwait(false)) return;
                var connection = TakeAttached() ?? await DialAsync(ct).ConfigureAwait(false);
                if (connection is null) continue;
                await PumpAsync(connection, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private IRemoteConnection? TakeAttached()
    {
        lock (_lock)
        {
            var attached = _attached;
            if (attached is not null && attached.Closed.IsCompleted) _attached = attached = null;
            return attached;
        }
    }

    private async Task<IRemoteConnection?> DialAsync(CancellationToken ct)
    {
        try
        {
            _channel ??= GrpcChannel.ForAddress("http://" + Address);
            var connection = await OutboundConnection.ConnectAsync(new GrpcClient(_channel), _remote, Address, _remote.Config.ConnectTimeout, ct).ConfigureAwait(false);
            _backoff = _remote.Config.MinReconnectBackoff;
            return connection;
        }
        catch (Exception e) when (!ct.IsCancellationRequested || e is not OperationCanceledException)
        {
            if (ct.IsCancellationRequested) return null;
            MarkDown(e is RpcException rpc ? rpc.Status.Detail : e.Message);
            return null;
        }
    }

    /// <summary>Writes batches until the stream breaks; then fails what was in flight and returns to reconnect.</summary>
    private async Task PumpAsync(IRemoteConnection connection, CancellationToken ct)
    {
        IsConnected = true;
        try
        {
            var reader = _queue.Reader;
            var max = _remote.Config.MaxBatchSize;
            while (true)
            {
                var ready = reader.WaitToReadAsync(ct).AsTask();
                if (await Task.WhenAny(ready, connection.Closed).ConfigureAwait(false) != ready) break;
                if (!await ready.ConfigureAwait(false)) return;
                var batch = new RemoteBatch();
                while (batch.Envelopes.Count < max && reader.TryRead(out var envelope)) batch.Envelopes.Add(envelope);
                await connection.WriteAsync(batch, ct).ConfigureAwait(false);
                _remote.Metrics.Batch(batch.Envelopes.Count);
            }
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // the stream broke while writing: handled below like a stream that ended
        }
        finally
        {
            IsConnected = false;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        if (!ct.IsCancellationRequested) _remote.ConnectionLost(Address, "the connection to the node broke");
    }

    private void MarkDown(string reason)
    {
        _downReason = "cannot connect: " + reason;
        var time = _remote.System.TimeProvider;
        Volatile.Write(ref _downUntil, time.GetTimestamp() + (long)(_backoff.TotalSeconds * time.TimestampFrequency));
        var next = _backoff * 2;
        _backoff = next > _remote.Config.MaxReconnectBackoff ? _remote.Config.MaxReconnectBackoff : next;
        while (_queue.Reader.TryRead(out var dropped)) _remote.Undeliverable(dropped, Address, _downReason);
        _remote.ConnectionLost(Address, _downReason);
    }

    public async ValueTask DisposeAsync()
    {
        Process.MarkGone();
        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        try { await _loop.ConfigureAwait(false); }
        catch (Exception) { /* stopping: a dial cut short by the stop ends however the transport reports it */ }
        while (_queue.Reader.TryRead(out var dropped)) _remote.Undeliverable(dropped, Address, "the member left the cluster");
        _channel?.Dispose();
        _stop.Dispose();
    }
}
