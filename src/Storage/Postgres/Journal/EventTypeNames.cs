using ActorTrading.Events.V1;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>The `type` column: the event case's name, cached so no string is built per event.</summary>
internal static class EventTypeNames
{
    private static readonly string[] Names = BuildNames();

    public static string Of(AccountEvent.EventOneofCase c) => (int)c < Names.Length && Names[(int)c] is { } n ? n : c.ToString();

    private static string[] BuildNames()
    {
        var values = Enum.GetValues<AccountEvent.EventOneofCase>();
        var names = new string[values.Max(v => (int)v) + 1];
        foreach (var v in values) names[(int)v] = v.ToString();
        return names;
    }
}
