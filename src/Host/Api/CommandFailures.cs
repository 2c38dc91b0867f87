using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Host.Api;

/// <summary>Maps an actor's <see cref="CommandFailed"/> to the gRPC status of the same name.</summary>
public static class CommandFailures
{
    public static StatusCode ToStatusCode(FailureCode code) => code switch
    {
        FailureCode.InvalidArgument => StatusCode.InvalidArgument,
        FailureCode.NotFound => StatusCode.NotFound,
        FailureCode.AlreadyExists => StatusCode.AlreadyExists,
        FailureCode.FailedPrecondition => StatusCode.FailedPrecondition,
        FailureCode.Unavailable => StatusCode.Unavailable,
        FailureCode.ResourceExhausted => StatusCode.ResourceExhausted,
        FailureCode.PermissionDenied => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };

    public static RpcException ToRpcException(CommandFailed failed)
    {
        var detail = string.IsNullOrEmpty(failed.Field) || failed.Message.StartsWith(failed.Field, StringComparison.Ordinal)
            ? failed.Message
            : failed.Field + ": " + failed.Message;
        return new RpcException(new Status(ToStatusCode(failed.Code), detail));
    }
}
