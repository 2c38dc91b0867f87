using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Grpc;

/// <summary>The life of one server call: set up (deadline, encodings), run the pipeline, turn the outcome into a status.</summary>
internal static partial class ServerCallRunner
{
    public static async Task RunAsync(HttpContext http, ServerMethod method, ServerRuntime runtime, GrpcWireMode mode)
    {
        var context = new ServerCallContext(http, method, runtime, mode);
        try
        {
            if (!context.Initialize(runtime.TimeProvider))
            {
                context.WriteStatus(context.Status, null);
                return;
            }

            Status status;
            Metadata? trailers = null;
            try
            {
                await method.Pipeline(context).ConfigureAwait(false);
                status = context.Status;
            }
            catch (Exception ex)
            {
                status = ToStatus(ex, context, runtime, out trailers);
            }

            if (context.DeadlineExceeded)
            {
                status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                context.WriteStatus(status, trailers);
                await context.ResetAfterDeadlineAsync().ConfigureAwait(false);
                return;
            }

            if (!http.RequestAborted.IsCancellationRequested)
            {
                context.WriteStatus(status, trailers);
            }
        }
        finally
        {
            context.DisposeDeadline();
        }
    }

    private static Status ToStatus(Exception ex, ServerCallContext context, ServerRuntime runtime, out Metadata? trailers)
    {
        trailers = null;
        switch (ex)
        {
            case RpcException rpc:
                trailers = rpc.Trailers;
                return rpc.Status;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return context.DeadlineExceeded
                    ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")
                    : new Status(StatusCode.Cancelled, "Call canceled by the client.");
            default:
                LogHandlerFailed(runtime.Logger, context.Method, ex);
                return new Status(StatusCode.Unknown, runtime.EnableDetailedErrors
                    ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
                    : "Exception was thrown by handler.");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC handler {Method} threw")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception exception);
}
