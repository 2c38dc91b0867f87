using ActorTrading.Cluster.V1;

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
    /// </summary>
    public static CommandFailed FromValidation(string problem, string fallbackField)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && IsFieldName(problem.AsSpan(0, colon))) return Invalid(problem[..colon], problem[(colon + 2)..]);
        var space = problem.IndexOf(' ');
        if (space > 0 && IsFieldName(problem.AsSpan(0, space))) return Invalid(problem[..space], problem);
        return Invalid(fallbackField, problem);
    }

    private static bool IsFieldName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text) if (!(char.IsAsciiLetterLower(c) || c == '_' || c == '.')) return false;
        return text is not ("order" or "symbol's" or "account" or "unknown");
    }
}
