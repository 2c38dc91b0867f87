using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Runtime.Diagnostics;

/// <summary>Throws out of line so hot methods stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void NameExists(string id) =>
        throw new ProcessNameExistsException(id);

    public static InvalidCastException UnexpectedResponse(Type expected, object response) =>
        new($"expected a response of type {expected.Name}, got {response.GetType().Name}");
}
