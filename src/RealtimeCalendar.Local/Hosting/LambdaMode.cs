namespace RealtimeCalendar.Local.Hosting;

/// <summary>How the local cloud runs the functions.</summary>
public enum LambdaMode
{
    /// <summary>Inside the host, through the same handler seam the Runtime API loop calls: fastest, debuggable.</summary>
    InProcess,

    /// <summary>As the container does: the published Native AOT <c>bootstrap</c> in child processes, over the Runtime API.</summary>
    Process,
}
