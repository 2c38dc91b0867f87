using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// The server end of <c>actortrading.cluster.v1.Remoting/Connect</c>: reads the peer's hello, answers with ours, offers the
/// stream's response half to the peer's endpoint (so replies and our own sends to that peer use this stream), and
/// dispatches every batch the peer sends until the stream ends.
/// <code>services.AddGrpc().AddService&lt;RemotingService&gt;(RemoteReflection.Descriptor);</code>
/// </summary>
public sealed class RemotingService(Remote remote)
{
    public async Task Connect(IAsyncStreamReader<RemoteBatch> requestStream, IServerStreamWriter<RemoteBatch> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct).ConfigureAwait(false) || requestStream.Current.Hello is not { Address.Length: > 0 } hello)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the first remoting batch must carry hello.address"));
        if (hello.Address == remote.System.Address)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"a node dialed itself ({hello.Address}): two nodes advertise the same address"));
        await responseStream.WriteAsync(new RemoteBatch { Hello = new RemoteHello { Address = remote.System.Address, MemberId = remote.Config.MemberId } }, ct)
            .ConfigureAwait(false);
        var connection = new InboundConnection(responseStream);
        remote.GetEndpoint(hello.Address).Attach(connection);
        try
        {
            while (await requestStream.MoveNext(ct).ConfigureAwait(false))
                remote.Dispatch(requestStream.Current, hello.Address);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the peer went away or the node is stopping
        }
        finally
        {
            connection.Close();
        }
    }
}
