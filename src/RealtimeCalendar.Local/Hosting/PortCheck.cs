using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// Makes sure a port is free before the local cloud listens on it or starts a child on it, so the host never talks to a
/// stand-in it did not start (an orphan of an earlier run, someone else's DynamoDB Local). A taken port is one line
/// naming the port, what holds it when Linux's /proc tells, and <c>--port</c>.
/// </summary>
public static class PortCheck
{
    /// <exception cref="LocalToolException">The port is taken.</exception>
    public static void EnsureFree(int port, string purpose)
    {
        if (!IsFree(port))
            throw InUse(port, purpose);
    }

    /// <summary>The message for a port someone else holds, also used when a bind fails after the check (a race).</summary>
    public static LocalToolException InUse(int port, string purpose)
    {
        var holder = ListeningProcess.Describe(port);
        return new LocalToolException(
            $"Port {port.ToString(CultureInfo.InvariantCulture)} ({purpose}) is already in use{(holder is null ? string.Empty : " by " + holder)}; " +
            "stop that program, or start on other ports with --port N (the local cloud uses N, N+1 and N+2; --port 0 picks free ones).");
    }

    /// <summary>
    /// Binds the wildcard address, which conflicts with a listener on any local address of the port (loopback included);
    /// SO_REUSEADDR keeps connections of a previous run in TIME_WAIT from counting as "in use".
    /// </summary>
    public static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            socket.Listen();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }
}
