namespace ActorTrading.Grpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by the client; thrown by a server handler to end its
/// call with <see cref="Status"/> and <see cref="Trailers"/> (e.g. <c>grpc-status-details-bin</c>).
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status) : this(status, new Metadata(), null) { }

    public RpcException(Status status, string message) : this(status, new Metadata(), message) { }

    public RpcException(Status status, Metadata trailers) : this(status, trailers, null) { }

    public RpcException(Status status, Metadata trailers, string? message)
        : base(message ?? status.ToString())
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }
}
