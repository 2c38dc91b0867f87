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
                var pipeline = method.Pipeline(context);
                if (!pipeline.IsCompleted && context.HasDeadline && await AnswerDeadlineFirstAsync(pipeline, context).ConfigureAwait(false))
                {
                    return;
                }

                await pipeline.ConfigureAwait(false);
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

    /// <summary>
    /// If the deadline passes before the handler returns, answer DEADLINE_EXCEEDED and reset the stream at once, then
    /// still wait for the handler (ASP.NET Core recycles the HttpContext when we return). True when it did so.
    /// </summary>
    private static async Task<bool> AnswerDeadlineFirstAsync(Task pipeline, ServerCallContext context)
    {
        await Task.WhenAny(pipeline, Task.Delay(Timeout.Infinite, context.CancellationToken)).ConfigureAwait(false);
        if (pipeline.IsCompleted || !context.DeadlineExceeded ||
            !await context.TryFinishEarlyAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await pipeline.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The call has ended: whatever the late handler did no longer reaches the client.
        }

        return true;
    }

    private static Status ToStatus(Exception ex, ServerCallContext context, ServerRuntime runtime, out Metadata? trailers)
    {
        trailers = null;
        switch (ex)
        {
            case RpcException rpc:
                trailers = rpc.Trailers;
                return rpc.Status;
            case Google.Protobuf.InvalidProtocolBufferException:
                return new Status(StatusCode.Internal, "Failed to deserialize the request message.");
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
