namespace ActorTrading.Grpc;

/// <summary>The HTTP/2 client stack of a <see cref="GrpcChannel"/>.</summary>
public enum GrpcTransport
{
    /// <summary>Our own HTTP/2 client (<see cref="Http2.Http2Handler"/>): the fast one, and the default.</summary>
    Http2,

    /// <summary>HttpClient's <see cref="SocketsHttpHandler"/>: the reference, kept for comparison.</summary>
    HttpClient,
}
