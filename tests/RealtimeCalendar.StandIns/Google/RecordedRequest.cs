namespace RealtimeCalendar.StandIns.Google;

/// <summary>One request the in-test Google server answered, and the status it answered with.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string IfMatch, string Body, int Status);
