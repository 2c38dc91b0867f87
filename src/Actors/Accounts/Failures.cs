using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using Google.Protobuf.Reflection;

namespace ActorTrading.Actors.Accounts;

/// <summary>The <see cref="CommandFailed"/> replies of the actors (the API layer maps them to gRPC status codes).</summary>
public static class Failures
{
    public static CommandFailed Invalid(string field, string message) => new() { Code = FailureCode.InvalidArgument, Field = field, Message = message };

    public static CommandFailed NotFound(string message, string field = "") => new() { Code = FailureCode.NotFound, Field = field, Message = message };

    public static CommandFailed AlreadyExists(string message, string field = "") => new() { Code = FailureCode.AlreadyExists, Field = field, Message = message };

    public static CommandFailed Precondition(string message, string field = "") => new() { Code = FailureCode.FailedPrecondition, Field = field, Message = message };

    public static CommandFailed Unavailable(string message) => new() { Code = FailureCode.Unavailable, Message = message };

    public static CommandFailed Exhausted(string message) => new() { Code = FailureCode.ResourceExhausted, Message = message };

    /// <summary>
    /// Turns a domain validation message into INVALID_ARGUMENT naming the field: "field: problem" or "field_name is/must ...".
    /// The leading word counts as a field only when <paramref name="request"/> (the API request refused) has a field of that
    /// name, directly or in one of its message fields (e.g. <c>limits</c> → <c>max_open_positions</c>; "name[key]" is the
    /// map field "name"); otherwise the field is <paramref name="fallbackField"/>. So a message that happens to start with
    /// an ordinary word ("no price ...") never names a field that does not exist.
    /// </summary>
    public static CommandFailed FromValidation(string problem, string fallbackField, MessageDescriptor request)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && FieldOf(problem[..colon], request) is { } named) return Invalid(named, problem[(colon + 2)..]);
        var space = problem.IndexOf(' ');
        if (space > 0 && FieldOf(problem[..space], request) is { } first) return Invalid(first, problem);
        return Invalid(fallbackField, problem);
    }

    /// <summary>A refused market-data <see cref="Tick"/> (PublishTicks): <see cref="FromValidation(string, string, MessageDescriptor)"/> over the Tick's fields.</summary>
    public static CommandFailed FromValidation(string problem, string fallbackField) => FromValidation(problem, fallbackField, Tick.Descriptor);

    /// <summary>
    /// A strategy refused an external signal (SendSignal): the field of <see cref="SendSignalRequest"/> at fault. Messages that
    /// name no field map by what they are about: no price → <c>price</c>, reward:risk → <c>take_profit</c>, a strategy that
    /// takes no signals → <c>instance_name</c>; anything else → <c>action</c>.
    /// </summary>
    public static CommandFailed FromSignalRejection(string problem)
    {
        var fallback = problem.StartsWith("no price", StringComparison.Ordinal) ? "price"
            : problem.StartsWith("reward:risk", StringComparison.Ordinal) ? "take_profit"
            : problem.StartsWith("strategy ", StringComparison.Ordinal) ? "instance_name"
            : "action";
        return FromValidation(problem, fallback, SendSignalRequest.Descriptor);
    }

    private static string? FieldOf(string word, MessageDescriptor request)
    {
        var bracket = word.IndexOf('[', StringComparison.Ordinal);
        var name = bracket > 0 ? word[..bracket] : word;
        if (request.FindFieldByName(name) is not null) return name;
        foreach (var f in request.Fields.InDeclarationOrder())
            if (f.FieldType == FieldType.Message && !f.IsMap && f.MessageType.FindFieldByName(name) is not null) return name;
        return null;
    }
}
