using System.Security.Cryptography;
using System.Text;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Maps Google event ids to ours without a lookup table. Events we push are inserted under our own id (32 lowercase
/// hex digits are valid Google ids), so they map to themselves; an event made in Google maps to a hash of its id.
/// Either way the same Google event always lands on the same local event, which is what prevents duplicates.
/// </summary>
public static class GoogleEventIds
{
    public static string ToLocalId(string googleEventId) =>
        EventIds.IsWellFormed(googleEventId)
            ? googleEventId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("google:" + googleEventId)).AsSpan(0, EventIds.Length / 2));
}
