namespace RealtimeCalendar.Core.Realtime;

/// <summary>What <see cref="ConnectionAdmission.AdmitAsync"/> decided about one <c>$connect</c>.</summary>
public enum AdmissionOutcome
{
    /// <summary>Recorded; the socket opens.</summary>
    Admitted,

    /// <summary>No valid token or unused ticket: refused with 401.</summary>
    Unauthenticated,

    /// <summary>The user already holds <see cref="ConnectionAdmission"/>'s socket cap: the new socket is refused with 429, the open ones stay.</summary>
    TooManySockets,
}
